// The accounts part of the platform (sign-in, sessions, accounts, API tokens, the people directory), as a
// module manifest.
#pragma once

#include <vector>

#include "platform/accounts/account_permissions.hpp"
#include "platform/module.hpp"

namespace sotong::platform::accounts {

ModuleManifest manifest();
/// Signing in and out, the password change and keeping a session alive.
std::vector<RouteSpec> session_routes();
/// The administrator's pages: admin home, roles, accounts.
std::vector<RouteSpec> admin_routes();
/// The people directory's pages (직원 찾기).
std::vector<RouteSpec> people_routes();
/// The JSON API: the current user, the people directory and accounts.
std::vector<RouteSpec> api_routes();

}  // namespace sotong::platform::accounts
