#include "modules/meetings/meeting_permissions.hpp"

#include <algorithm>

namespace sotong::meetings {

std::vector<platform::Permission> permissions() {
  // Bodies are shared by many organisations, so the actions reach everywhere and membership (the predicates
  // below) narrows them; the auditor and the administrator read, never run a meeting.
  return {
      {kView,
       {Role::admin, Role::coordinator, Role::auditor, Role::bureau, Role::municipal},
       platform::Scope::everywhere,
       "회의 보기"},
      {kCoordinate, {Role::coordinator}, platform::Scope::everywhere, "회의체 관리"},
      {kRun, {Role::coordinator, Role::bureau}, platform::Scope::everywhere, "회의 운영(간사)"},
      {kPropose,
       {Role::coordinator, Role::bureau, Role::municipal},
       platform::Scope::everywhere,
       "안건 제안"},
  };
}

bool works_in(const Actor& actor, const std::string& path) {
  if (path.empty()) return false;
  // The province sits on some bodies, and every 시·군 lies beneath it in the tree: the top organisation
  // ("/1/") counts for the province's own officers, never for a municipal officer.
  if (std::count(path.begin(), path.end(), '/') == 2)
    return actor.organization_path == path ||
           (actor.organization_path.starts_with(path) && !actor.has(Role::municipal));
  return actor.organization_path.starts_with(path);
}

namespace {
bool is_member(const Actor& actor, const Body& body) {
  return works_in(actor, body.secretariat_path) ||
         std::any_of(body.members.begin(), body.members.end(),
                     [&](const BodyMember& m) { return works_in(actor, m.organization_path); });
}
}  // namespace

bool can_view_body(const platform::Policy& policy, const Actor& actor, const Body& body) {
  if (!policy.allows(actor, kView)) return false;
  if (actor.province_wide() || actor.has(Role::bureau)) return true;
  return is_member(actor, body);
}

bool is_secretariat(const platform::Policy& policy, const Actor& actor, const Body& body) {
  if (policy.allows(actor, kCoordinate)) return true;
  return policy.allows(actor, kRun) && works_in(actor, body.secretariat_path);
}

bool can_view_meeting(const platform::Policy& policy, const Actor& actor, const Body& body,
                      const Meeting& meeting) {
  // A member sees the date and place as soon as the meeting is planned (and proposes entries for it); what
  // it sees of the agenda and minutes is narrowed by agenda_visible and can_view_minutes.
  return meeting.state != MeetingState::cancelled ? can_view_body(policy, actor, body)
                                                  : is_secretariat(policy, actor, body);
}

bool agenda_visible(const platform::Policy& policy, const Actor& actor, const Body& body,
                    const Meeting& meeting) {
  if (!can_view_meeting(policy, actor, body, meeting)) return false;
  return is_secretariat(policy, actor, body) || actor.province_wide() ||
         meeting.state != MeetingState::planned;
}

bool can_view_minutes(const platform::Policy& policy, const Actor& actor, const Body& body,
                      const Meeting& meeting) {
  if (!can_view_meeting(policy, actor, body, meeting)) return false;
  if (is_secretariat(policy, actor, body)) return true;
  return meeting.state == MeetingState::minutes_confirmed;
}

bool can_propose(const platform::Policy& policy, const Actor& actor, const Body& body) {
  if (!policy.allows(actor, kPropose) || !can_view_body(policy, actor, body)) return false;
  return actor.has(Role::bureau) || actor.has(Role::coordinator) || is_member(actor, body);
}

}  // namespace sotong::meetings
