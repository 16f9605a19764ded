#include "modules/suggestions/suggestion_permissions.hpp"

#include <algorithm>

namespace sotong::suggestions {

std::vector<platform::Permission> permissions() {
  // admin, coordinator and auditor are province-wide and so reach every organisation; bureau and municipal
  // officers reach their own subtree only, because the actions are scoped. The auditor reads, never writes;
  // the administrator runs the system and reads, but does not decide on suggestions.
  return {
      {kView,
       {Role::admin, Role::coordinator, Role::auditor, Role::bureau, Role::municipal},
       platform::Scope::own_organization,
       "건의사항 보기"},
      {kFile, {Role::coordinator, Role::municipal}, platform::Scope::own_organization, "건의사항 등록"},
      {kCoordinate, {Role::coordinator}, platform::Scope::everywhere, "건의사항 검토·의제화·종결"},
      {kHandle, {Role::bureau}, platform::Scope::own_organization, "주관 건의사항 추진·회신"},
  };
}

bool belongs_to(const Actor& actor, const OrganizationRef& organization) {
  return !organization.path.empty() && actor.organization_path.starts_with(organization.path);
}

bool can_view_suggestion(const platform::Policy& policy, const Actor& actor, const Suggestion& record) {
  if (record.organization.path.empty()) return false;
  if (record.state == State::draft)
    return belongs_to(actor, record.organization) && policy.allows(actor, kView);
  // Reached by the actor's scope (a province-wide role, or an organisation above it), or the actor works in
  // it: a division's officer of the lead bureau sees what the bureau leads.
  auto may = [&](const OrganizationRef& o) {
    return policy.check(actor, kView, o.path).ok() || (belongs_to(actor, o) && policy.allows(actor, kView));
  };
  if (may(record.organization)) return true;
  if (record.lead_bureau && may(*record.lead_bureau)) return true;
  return std::any_of(record.concerned.begin(), record.concerned.end(), may) ||
         std::any_of(record.cooperating.begin(), record.cooperating.end(), may);
}

bool can_read_internal(const platform::Policy& policy, const Actor& actor, const Suggestion& record) {
  if (!can_view_suggestion(policy, actor, record)) return false;
  if (belongs_to(actor, record.organization)) return false;
  return std::none_of(record.concerned.begin(), record.concerned.end(),
                      [&](const OrganizationRef& o) { return belongs_to(actor, o); });
}

std::vector<Party> parties_of(const platform::Policy& policy, const Actor& actor, const Suggestion& record) {
  std::vector<Party> out;
  // An officer of the filing organisation or one of its parts, who may file: a 전주시 department's officer
  // acts for what 전주시 filed.
  if (belongs_to(actor, record.organization) && policy.allows(actor, kFile)) out.push_back(Party::submitter);
  if (policy.allows(actor, kCoordinate)) out.push_back(Party::coordinator);
  if (record.lead_bureau && belongs_to(actor, *record.lead_bureau) && policy.allows(actor, kHandle))
    out.push_back(Party::lead_bureau);
  return out;
}

std::string viewable_path(const platform::Policy& policy, const Actor& actor) {
  // Every organisation path lies under "/", so only a grant that reaches every organisation allows it.
  if (policy.allows_in(actor, kView, "/")) return "";
  return actor.organization_path;
}

}  // namespace sotong::suggestions
