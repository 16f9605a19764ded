// The history's manifest: its table, permission, menu entry, admin pages and API.
#pragma once

#include <vector>

#include "platform/module.hpp"

namespace sotong::platform::history {

ModuleManifest manifest();
/// The module's pages and API operations.
std::vector<RouteSpec> routes();

}  // namespace sotong::platform::history
