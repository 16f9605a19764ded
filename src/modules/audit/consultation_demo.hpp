// Demo data of the standing consultation and the case library, written through the services: requests from
// several 시·군 and bureaus in every step (two answered with their legal bases, one overdue, one with an
// expert invited), and library entries of every type, some made from the answered consultations.
#pragma once

#include "platform/policy.hpp"
#include "store/database.hpp"

namespace sotong::audit {

/// Loads the demo consultations and library entries once (nothing when consultations are already there).
void load_demo_consultations(store::Database& db, const platform::Policy& policy);

}  // namespace sotong::audit
