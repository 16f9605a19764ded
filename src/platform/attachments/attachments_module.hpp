// The attachments module: its table, partials, permission and routes (/attachments…).
#pragma once

#include <vector>

#include "platform/module.hpp"

namespace sotong::platform {
class Web;
}

namespace sotong::platform::attachments {

/// Any signed-in person may call the routes; each route then checks the owner's registered action.
inline constexpr const char* kUse = "attachment.use";

ModuleManifest manifest();
/// The module's pages and API operations.
std::vector<RouteSpec> routes();

}  // namespace sotong::platform::attachments
