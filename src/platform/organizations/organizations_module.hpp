// The organisations part of the platform, as a module manifest.
#pragma once

#include <vector>

#include "platform/module.hpp"

namespace sotong::platform::organizations {

ModuleManifest manifest();
/// The pages under /admin/organizations and /api/v1/organizations.
std::vector<RouteSpec> routes();
/// The directory every signed-in person reads (/organizations) and the contact form.
std::vector<RouteSpec> directory_routes();

}  // namespace sotong::platform::organizations
