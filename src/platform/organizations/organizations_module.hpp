// The organisations part of the platform, as a module manifest.
#pragma once

#include <vector>

#include "platform/module.hpp"

namespace sotong::platform::organizations {

ModuleManifest manifest();
/// The pages under /admin/organizations and /api/v1/organizations.
std::vector<RouteSpec> routes();

}  // namespace sotong::platform::organizations
