#include "modules/meetings/meeting_permissions.hpp"

namespace sotong::meetings {

std::vector<platform::Permission> permissions() {
  // admin, coordinator and auditor are province-wide and so reach every organisation; bureau and municipal
  // officers reach their own subtree only, because both actions are scoped. The auditor reads, never writes.
  return {
      {kView,
       {Role::admin, Role::coordinator, Role::auditor, Role::bureau, Role::municipal},
       platform::Scope::own_organization,
       "회의 보기"},
      {kManage,
       {Role::admin, Role::coordinator, Role::bureau, Role::municipal},
       platform::Scope::own_organization,
       "회의 등록"},
  };
}

bool can_view_meeting(const platform::Policy& policy, const Actor& actor, const Meeting& record) {
  return policy.check(actor, kView, record.organization_path).ok();
}

std::string viewable_path(const platform::Policy& policy, const Actor& actor) {
  // Every organisation path lies under "/", so only a grant that reaches every organisation allows it.
  if (policy.allows_in(actor, kView, "/")) return "";
  return actor.organization_path;
}

}  // namespace sotong::meetings
