// Who may see whose account: the people directory's policy actions and its pure predicates (no I/O).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/role.hpp"
#include "platform/accounts/account.hpp"
#include "platform/policy.hpp"

namespace sotong::platform::accounts {

inline constexpr const char* kManage = "account.manage";
inline constexpr const char* kAdminArea = "admin.area";
/// Seeing a colleague in the people directory (직원 찾기): scoped to the actor's organisation subtree.
inline constexpr const char* kViewPeople = "account.view";

/// The accounts' policy rows (the manifest registers them).
std::vector<Permission> permissions();

/// May the actor see this account in the people directory? Inside the actor's organisation subtree (every
/// organisation for province-wide roles), and only while active unless the actor manages accounts.
bool can_view_account(const Policy& policy, const Actor& actor, const Account& account);

/// The organisation subtree whose accounts the actor may list: "" for every organisation (a province-wide
/// role), the actor's own path otherwise, nullopt when the actor may list none.
std::optional<std::string> people_scope(const Policy& policy, const Actor& actor);

}  // namespace sotong::platform::accounts
