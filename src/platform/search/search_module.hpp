// The search part's manifest: the /search page, GET /api/v1/search, the index tables and their rebuild.
#pragma once

#include <vector>

#include "platform/module.hpp"

namespace sotong::platform::search {

ModuleManifest manifest();
/// The module's pages and API operations.
std::vector<RouteSpec> routes();

}  // namespace sotong::platform::search
