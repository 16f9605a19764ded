#include "platform/policy.hpp"

#include <algorithm>
#include <stdexcept>

namespace sotong::platform {

void Policy::add(Permission permission) {
  if (permission.action == kPublic || permission.action == kSignedIn) {
    throw std::logic_error("reserved action " + permission.action);
  }
  auto [it, inserted] = permissions_.emplace(permission.action, permission);
  if (!inserted) throw std::logic_error("action registered twice: " + permission.action);
}

bool Policy::knows(std::string_view action) const {
  return action == kPublic || action == kSignedIn || permissions_.find(action) != permissions_.end();
}

bool Policy::allows(const Actor& actor, std::string_view action) const {
  if (action == kPublic) return true;
  if (actor.account_id == 0) return false;
  if (action == kSignedIn) return true;
  auto it = permissions_.find(action);
  if (it == permissions_.end()) return false;  // unknown actions are refused, never allowed by default
  const auto& roles = it->second.roles;
  return std::any_of(actor.roles.begin(), actor.roles.end(),
                     [&](Role r) { return std::find(roles.begin(), roles.end(), r) != roles.end(); });
}

bool Policy::allows_in(const Actor& actor, std::string_view action,
                       std::string_view organization_path) const {
  if (!allows(actor, action)) return false;
  auto it = permissions_.find(action);
  if (it == permissions_.end() || it->second.scope == Scope::everywhere) return true;
  // A province-wide role that grants the action reaches every organisation; other granting roles reach
  // only the actor's own subtree.
  for (Role r : actor.roles) {
    const auto& roles = it->second.roles;
    if (std::find(roles.begin(), roles.end(), r) == roles.end()) continue;
    if (is_province_wide(r)) return true;
  }
  return !actor.organization_path.empty() &&
         organization_path.substr(0, actor.organization_path.size()) == actor.organization_path;
}

Result<void> Policy::check(const Actor& actor, std::string_view action,
                           std::string_view organization_path) const {
  if (actor.account_id == 0 && action != kPublic) return Error::unauthenticated();
  auto it = permissions_.find(action);
  const bool scoped = it != permissions_.end() && it->second.scope == Scope::own_organization;
  // A scoped action answers only for a record: asked without the record's organisation it refuses rather
  // than fall back to the role alone, which would let a 시·군 officer reach every 시·군's records.
  if (scoped && organization_path.empty()) return Error::forbidden();
  if (!allows_in(actor, action, organization_path)) return Error::forbidden();
  return success();
}

}  // namespace sotong::platform
