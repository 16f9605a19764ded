// The job queue part of the platform, as a module manifest (the /admin/jobs page).
#pragma once

#include "platform/module.hpp"

namespace sotong::platform::jobs {

inline constexpr const char* kManage = "jobs.manage";

ModuleManifest manifest();
void register_routes(Web& web);

}  // namespace sotong::platform::jobs
