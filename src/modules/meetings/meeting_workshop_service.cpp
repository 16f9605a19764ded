#include "modules/meetings/meeting_workshop_service.hpp"

#include <utility>

#include "modules/meetings/meeting_permissions.hpp"
#include "modules/meetings/meeting_service.hpp"
#include "modules/meetings/meeting_workshop_access.hpp"
#include "modules/meetings/meeting_workshop_store.hpp"
#include "platform/history/history.hpp"
#include "platform/intake_targets.hpp"

namespace sotong::meetings {
namespace {

using platform::history::Fields;
using platform::history::to_json;

Fields session_fields(const WorkshopSession& s) {
  return {{"meeting_id", s.meeting_id},
          {"title", s.title},
          {"starts_at", s.starts_at},
          {"ends_at", s.ends_at},
          {"moderator", s.moderator}};
}

Fields presentation_fields(const Presentation& p) {
  return {{"meeting_id", p.meeting_id},
          {"title", p.title},
          {"organization_id", p.organization_id},
          {"presenter", p.presenter},
          {"summary", p.summary},
          {"status", std::string(code_of<PresentationStatus>(kPresentationStatuses, p.status))}};
}

void record(store::Connection& c, const Actor& actor, const char* type, std::int64_t id, const char* action,
            const std::string& before, const std::string& after) {
  platform::history::record_change(c, actor, {type, id, action, before, after});
}

/// The programme is the secretariat's to shape; anyone else who may open the meeting is refused as such.
Result<void> check_program(const WorkshopAccess& access) {
  if (!access.secretariat) return Error::forbidden(kWorkshopSecretariatOnly);
  if (!access.rights.edit_program)
    return Error::conflict("취소했거나 회의록을 확정한 워크숍의 프로그램은 바꿀 수 없습니다.");
  return {};
}

Result<WorkshopAccess> for_program(const platform::ServiceContext& svc, store::Connection& c,
                                   std::int64_t meeting_id) {
  auto access = load_workshop(c, svc.policy, svc.actor, meeting_id);
  if (!access) return access.error();
  if (auto ok = check_program(*access); !ok) return ok.error();
  return access;
}

Result<std::pair<WorkshopSession, WorkshopAccess>> session_for_program(const platform::ServiceContext& svc,
                                                                       store::Connection& c,
                                                                       std::int64_t id) {
  auto session = workshop_store::find_session(c, id);
  if (!session) return Error::not_found(kNotFound);
  auto access = for_program(svc, c, session->meeting_id);
  if (!access) return access.error();
  return std::make_pair(std::move(*session), std::move(*access));
}

Result<std::pair<Presentation, WorkshopAccess>> presentation_for_program(const platform::ServiceContext& svc,
                                                                         store::Connection& c,
                                                                         std::int64_t id) {
  auto p = workshop_store::find_presentation(c, id);
  if (!p) return Error::not_found(kNotFound);
  // A presentation the actor may not see is not there for it, even on a meeting it may open.
  auto access = load_workshop(c, svc.policy, svc.actor, p->meeting_id);
  if (!access) return access.error();
  if (!presentation_visible(*access, svc.actor, *p)) return Error::not_found(kNotFound);
  if (auto ok = check_program(*access); !ok) return ok.error();
  return std::make_pair(std::move(*p), std::move(*access));
}

Result<void> check_run(const platform::ServiceContext& svc) {
  if (auto ok = svc.policy.check(svc.actor, kRun, svc.actor.organization_path); !ok) return ok.error();
  return {};
}

}  // namespace

Result<WorkshopSection> get_workshop(const platform::ServiceContext& svc, std::int64_t meeting_id) {
  if (auto ok = svc.policy.check(svc.actor, kView, svc.actor.organization_path); !ok) return ok.error();
  return svc.db.read([&](store::Connection& c) -> Result<WorkshopSection> {
    auto access = load_workshop(c, svc.policy, svc.actor, meeting_id);
    if (!access) return access.error();
    WorkshopSection out;
    if (access->program_visible) out.sessions = workshop_store::sessions_of(c, meeting_id);
    for (auto& p : workshop_store::presentations_of(c, meeting_id))
      if (presentation_visible(*access, svc.actor, p)) out.presentations.push_back(std::move(p));
    out.opinions = workshop_store::opinions_of(c, meeting_id);
    for (const auto& o : access->directory.all()) out.names[o.id] = o.name;
    for (const auto id : access->organizations()) out.organizations.emplace_back(id, out.names[id]);
    out.own_organization = access->own_organization;
    out.rights = access->rights;
    // The page offers turning an opinion only to someone the suggestions module will take it from (its
    // coordinator); the route still asks the target, whose refusal is shown as it is.
    if (out.rights.turn_opinions) {
      const auto target = platform::intake_target("suggestions");
      out.rights.turn_opinions = target && (!target->accepts || target->accepts(svc.policy, svc.actor));
    }
    return out;
  });
}

Result<std::int64_t> meeting_of_session(const platform::ServiceContext& svc, std::int64_t id) {
  return svc.db.read([&](store::Connection& c) -> Result<std::int64_t> {
    const auto s = workshop_store::find_session(c, id);
    if (!s) return Error::not_found(kNotFound);
    auto access = load_workshop(c, svc.policy, svc.actor, s->meeting_id);
    if (!access) return access.error();
    return s->meeting_id;
  });
}

Result<std::int64_t> meeting_of_presentation(const platform::ServiceContext& svc, std::int64_t id) {
  return svc.db.read([&](store::Connection& c) -> Result<std::int64_t> {
    const auto p = workshop_store::find_presentation(c, id);
    if (!p) return Error::not_found(kNotFound);
    auto access = load_workshop(c, svc.policy, svc.actor, p->meeting_id);
    if (!access) return access.error();
    if (!presentation_visible(*access, svc.actor, *p)) return Error::not_found(kNotFound);
    return p->meeting_id;
  });
}

Result<std::int64_t> add_session(const platform::ServiceContext& svc, std::int64_t meeting_id,
                                 const SessionInput& input) {
  if (auto ok = check_run(svc); !ok) return ok.error();
  return svc.db.write([&](store::Connection& c) -> Result<std::int64_t> {
    auto access = for_program(svc, c, meeting_id);
    if (!access) return access.error();
    auto valid = validate_session(input);
    if (!valid) return valid.error();
    valid->meeting_id = meeting_id;
    valid->id = workshop_store::insert_session(c, *valid, now());
    record(c, svc.actor, "meeting_workshop_session", valid->id, "create", "",
           to_json(session_fields(*valid)));
    return valid->id;
  });
}

Result<void> edit_session(const platform::ServiceContext& svc, std::int64_t session_id,
                          const SessionInput& input) {
  if (auto ok = check_run(svc); !ok) return ok.error();
  return svc.db.write([&](store::Connection& c) -> Result<void> {
    auto found = session_for_program(svc, c, session_id);
    if (!found) return found.error();
    auto valid = validate_session(input);
    if (!valid) return valid.error();
    auto after = found->first;
    after.title = valid->title;
    after.starts_at = valid->starts_at;
    after.ends_at = valid->ends_at;
    after.moderator = valid->moderator;
    workshop_store::update_session(c, after);
    record(c, svc.actor, "meeting_workshop_session", after.id, "update",
           to_json(session_fields(found->first)), to_json(session_fields(after)));
    return {};
  });
}

Result<void> remove_session(const platform::ServiceContext& svc, std::int64_t session_id) {
  if (auto ok = check_run(svc); !ok) return ok.error();
  return svc.db.write([&](store::Connection& c) -> Result<void> {
    auto found = session_for_program(svc, c, session_id);
    if (!found) return found.error();
    workshop_store::delete_session(c, session_id);
    record(c, svc.actor, "meeting_workshop_session", session_id, "delete",
           to_json(session_fields(found->first)), "");
    return {};
  });
}

Result<std::int64_t> add_presentation(const platform::ServiceContext& svc, std::int64_t meeting_id,
                                      const PresentationInput& input) {
  if (auto ok = svc.policy.check(svc.actor, kPropose, svc.actor.organization_path); !ok) return ok.error();
  return svc.db.write([&](store::Connection& c) -> Result<std::int64_t> {
    auto access = load_workshop(c, svc.policy, svc.actor, meeting_id);
    if (!access) return access.error();
    const bool secretariat = access->rights.edit_program;
    if (!secretariat && !access->rights.propose_presentation) {
      if (access->secretariat) return check_program(*access).error();
      if (!access->member) return Error::forbidden("워크숍에 참여하는 기관만 사례발표를 제안할 수 있습니다.");
      return Error::conflict("사례발표는 워크숍을 열기 전까지 제안할 수 있습니다.");
    }
    // A member presents for its own organisation; the secretariat for any of the body's.
    const auto allowed =
        secretariat ? access->organizations() : std::vector<std::int64_t>{*access->own_organization};
    auto valid = validate_presentation(input, allowed);
    if (!valid) return valid.error();
    valid->meeting_id = meeting_id;
    valid->status = secretariat ? PresentationStatus::accepted : PresentationStatus::proposed;
    valid->proposer_id = secretariat ? access->body.secretariat_id : *access->own_organization;
    valid->id = workshop_store::insert_presentation(c, *valid, now());
    record(c, svc.actor, "meeting_workshop_presentation", valid->id, "create", "",
           to_json(presentation_fields(*valid)));
    return valid->id;
  });
}

Result<void> edit_presentation(const platform::ServiceContext& svc, std::int64_t presentation_id,
                               const PresentationInput& input) {
  if (auto ok = check_run(svc); !ok) return ok.error();
  return svc.db.write([&](store::Connection& c) -> Result<void> {
    auto found = presentation_for_program(svc, c, presentation_id);
    if (!found) return found.error();
    auto valid = validate_presentation(input, found->second.organizations());
    if (!valid) return valid.error();
    auto after = found->first;
    after.title = valid->title;
    after.organization_id = valid->organization_id;
    after.presenter = valid->presenter;
    after.summary = valid->summary;
    workshop_store::update_presentation(c, after);
    record(c, svc.actor, "meeting_workshop_presentation", after.id, "update",
           to_json(presentation_fields(found->first)), to_json(presentation_fields(after)));
    return {};
  });
}

Result<void> decide_presentation(const platform::ServiceContext& svc, std::int64_t presentation_id,
                                 PresentationStatus status) {
  if (auto ok = check_run(svc); !ok) return ok.error();
  return svc.db.write([&](store::Connection& c) -> Result<void> {
    auto found = presentation_for_program(svc, c, presentation_id);
    if (!found) return found.error();
    if (found->first.status == status) return {};
    auto after = found->first;
    after.status = status;
    workshop_store::update_presentation_status(c, presentation_id, status);
    record(c, svc.actor, "meeting_workshop_presentation", presentation_id, "update",
           to_json(presentation_fields(found->first)), to_json(presentation_fields(after)));
    return {};
  });
}

Result<void> remove_presentation(const platform::ServiceContext& svc, std::int64_t presentation_id) {
  if (auto ok = check_run(svc); !ok) return ok.error();
  return svc.db.write([&](store::Connection& c) -> Result<void> {
    auto found = presentation_for_program(svc, c, presentation_id);
    if (!found) return found.error();
    workshop_store::delete_presentation(c, presentation_id);
    record(c, svc.actor, "meeting_workshop_presentation", presentation_id, "delete",
           to_json(presentation_fields(found->first)), "");
    return {};
  });
}

bool may_see_presentation(store::Connection& c, const platform::Policy& policy, const Actor& actor,
                          std::int64_t presentation_id) {
  const auto p = workshop_store::find_presentation(c, presentation_id);
  if (!p) return false;
  auto access = load_workshop(c, policy, actor, p->meeting_id);
  return access && presentation_visible(*access, actor, *p);
}

bool may_change_presentation_files(store::Connection& c, const platform::Policy& policy, const Actor& actor,
                                   std::int64_t presentation_id) {
  const auto p = workshop_store::find_presentation(c, presentation_id);
  if (!p) return false;
  auto access = load_workshop(c, policy, actor, p->meeting_id);
  return access && presentation_visible(*access, actor, *p) &&
         may_manage_presentation_files(access->rights, access->own_organization, p->proposer_id);
}

}  // namespace sotong::meetings
