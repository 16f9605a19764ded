// The job queue part of the platform, as a module manifest (the /admin/jobs page).
#pragma once

#include <vector>

#include "platform/module.hpp"

namespace sotong::platform::jobs {

inline constexpr const char* kManage = "jobs.manage";

ModuleManifest manifest();
/// The module's pages and API operations.
std::vector<RouteSpec> routes();

}  // namespace sotong::platform::jobs
