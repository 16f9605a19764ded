// The history's manifest: its table, permission, menu entry, admin pages and API.
#pragma once

#include "platform/module.hpp"

namespace sotong::platform::history {

ModuleManifest manifest();
void register_routes(Web& web);

}  // namespace sotong::platform::history
