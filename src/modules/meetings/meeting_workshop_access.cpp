#include "modules/meetings/meeting_workshop_access.hpp"

#include <utility>

#include "modules/meetings/meeting_permissions.hpp"
#include "modules/meetings/meeting_service.hpp"
#include "modules/meetings/meeting_store.hpp"

namespace sotong::meetings {

std::vector<std::int64_t> WorkshopAccess::organizations() const {
  std::vector<std::int64_t> out{body.secretariat_id};
  for (const auto& m : body.members)
    if (m.organization_id != body.secretariat_id) out.push_back(m.organization_id);
  return out;
}

Result<WorkshopAccess> load_workshop(store::Connection& c, const platform::Policy& policy, const Actor& actor,
                                     std::int64_t meeting_id) {
  auto meeting = meeting_store::find_meeting(c, meeting_id);
  if (!meeting) return Error::not_found(kNotFound);
  auto directory = platform::OrganizationDirectory::load(c);
  auto body = load_body(c, directory, meeting->body_id);
  if (!body || !can_view_meeting(policy, actor, *body, *meeting)) return Error::not_found(kNotFound);
  if (body->kind != BodyKind::workshop) return Error::conflict("정책협력 워크숍의 회의가 아닙니다.");
  WorkshopAccess a{std::move(*body), std::move(*meeting), std::move(directory)};
  a.secretariat = is_secretariat(policy, actor, a.body);
  // The actor's own organisation when it sits on the body; otherwise the body's organisation it works in (a
  // 시·군's department speaks for its 시·군).
  for (const auto id : a.organizations())
    if (id == actor.organization_id) a.own_organization = id;
  if (!a.own_organization)
    for (const auto id : a.organizations())
      if (const auto* o = a.directory.find(id); o != nullptr && works_in(actor, o->path)) {
        a.own_organization = id;
        break;
      }
  a.member = a.own_organization.has_value() && policy.allows(actor, kPropose);
  a.program_visible = agenda_visible(policy, actor, a.body, a.meeting);
  a.rights = workshop_rights(a.secretariat, a.member, a.meeting.state, a.meeting.date, seoul_today());
  return a;
}

bool presentation_visible(const WorkshopAccess& access, const Actor& actor, const Presentation& p) {
  if (access.secretariat) return true;
  if (p.status == PresentationStatus::accepted && access.program_visible) return true;
  const auto* proposer = access.directory.find(p.proposer_id);
  return proposer != nullptr && works_in(actor, proposer->path);
}

}  // namespace sotong::meetings
