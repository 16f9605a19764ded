// The platform's own parts as manifests, in migration order: what the program runs before its modules, and
// what a module's database test starts from (testing/test_database.hpp).
#pragma once

#include <vector>

#include "platform/module.hpp"

namespace sotong::platform {

/// Organisations, accounts, home, jobs, notifications, history, search, calendar, attachments, indicators.
std::vector<ModuleManifest> platform_parts();

}  // namespace sotong::platform
