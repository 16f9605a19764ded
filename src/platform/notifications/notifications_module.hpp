// The notifications part of the platform, as a module manifest (/notifications, its settings, mail jobs).
#pragma once

#include <vector>

#include "platform/module.hpp"

namespace sotong::platform::notifications {

ModuleManifest manifest();
/// The module's pages and API operations.
std::vector<RouteSpec> routes();

}  // namespace sotong::platform::notifications
