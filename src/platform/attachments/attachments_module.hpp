// The attachments module: its table, partials, permission and routes (/attachments…).
#pragma once

#include "platform/module.hpp"

namespace sotong::platform {
class Web;
}

namespace sotong::platform::attachments {

/// Any signed-in person may call the routes; each route then checks the owner's registered action.
inline constexpr const char* kUse = "attachment.use";

ModuleManifest manifest();
void register_routes(Web& web);

}  // namespace sotong::platform::attachments
