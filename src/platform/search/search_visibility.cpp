#include "platform/search/search_visibility.hpp"

#include <algorithm>

namespace sotong::platform::search {

bool Visibility::allows(std::string_view action, std::string_view organization_path) const {
  if (std::find(everywhere.begin(), everywhere.end(), action) != everywhere.end()) return true;
  if (own_path.empty() || std::find(own.begin(), own.end(), action) == own.end()) return false;
  return organization_path.substr(0, own_path.size()) == own_path;
}

Visibility visibility_for(const Policy& policy, const Actor& actor) {
  Visibility v;
  v.own_path = actor.organization_path;
  for (const auto action : {kPublic, kSignedIn})
    if (policy.allows(actor, action)) v.everywhere.emplace_back(action);
  for (const auto& [action, permission] : policy.permissions()) {
    if (!policy.allows(actor, action)) continue;
    bool everywhere = permission.scope == Scope::everywhere;
    for (const Role r : actor.roles) {
      const auto& roles = permission.roles;
      if (is_province_wide(r) && std::find(roles.begin(), roles.end(), r) != roles.end()) everywhere = true;
    }
    (everywhere ? v.everywhere : v.own).push_back(action);
  }
  if (v.own_path.empty()) v.own.clear();  // allows_in never grants a scoped action without a path
  return v;
}

}  // namespace sotong::platform::search
