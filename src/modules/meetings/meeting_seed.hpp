// The standing bodies every installation starts with (지방자치정책협의회, 부시장·부군수 회의 …), by
// organisation code from the shipped directory.
#pragma once

#include "store/database.hpp"

namespace sotong::meetings {

/// Creates each seeded body that is not there yet (by its code) with its members; a code the directory does
/// not hold is skipped. Safe on every start: a body already there is left as the coordinator shaped it.
void seed_bodies(store::Database& db);

}  // namespace sotong::meetings
