// The organisations part of the platform, as a module manifest.
#pragma once

#include "platform/module.hpp"

namespace sotong::platform::organizations {

ModuleManifest manifest();
void register_routes(Web& web);

}  // namespace sotong::platform::organizations
