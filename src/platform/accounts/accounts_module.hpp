// The accounts part of the platform (sign-in, sessions, accounts, API tokens), as a module manifest.
#pragma once

#include "platform/module.hpp"

namespace sotong::platform::accounts {

inline constexpr const char* kAdminArea = "admin.area";

ModuleManifest manifest();
void register_session_routes(Web& web);
void register_admin_routes(Web& web);
void register_api_routes(Web& web);

/// Creates the demo accounts (password "sotong-demo-2026", no forced change). Demo data only.
void load_demo_accounts(store::Database& db);

}  // namespace sotong::platform::accounts
