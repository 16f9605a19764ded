// The notifications part of the platform, as a module manifest (/notifications, its settings, mail jobs).
#pragma once

#include "platform/module.hpp"

namespace sotong::platform::notifications {

ModuleManifest manifest();
void register_routes(Web& web);

}  // namespace sotong::platform::notifications
