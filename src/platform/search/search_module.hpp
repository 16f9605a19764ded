// The search part's manifest: the /search page, GET /api/v1/search, the index tables and their rebuild.
#pragma once

#include "platform/module.hpp"

namespace sotong::platform::search {

ModuleManifest manifest();
void register_routes(Web& web);

}  // namespace sotong::platform::search
