// The working-day calendar part of the platform, as a module manifest.
#pragma once

#include <vector>

#include "platform/module.hpp"

namespace sotong::platform::calendar {

ModuleManifest manifest();
/// The module's pages and API operations.
std::vector<RouteSpec> routes();

}  // namespace sotong::platform::calendar
