// The working-day calendar part of the platform, as a module manifest.
#pragma once

#include "platform/module.hpp"

namespace sotong::platform::calendar {

ModuleManifest manifest();
void register_routes(Web& web);

}  // namespace sotong::platform::calendar
