#include "modules/meetings/meeting_attendance_service.hpp"

#include <algorithm>
#include <map>

#include "core/korean_text.hpp"
#include "modules/meetings/meeting_attendance_store.hpp"
#include "modules/meetings/meeting_permissions.hpp"
#include "modules/meetings/meeting_rules.hpp"
#include "modules/meetings/meeting_service.hpp"
#include "modules/meetings/meeting_store.hpp"
#include "platform/accounts/account_store.hpp"
#include "platform/calendar/holiday.hpp"
#include "platform/history/history.hpp"
#include "platform/notifications/notifications.hpp"

namespace sotong::meetings {
namespace {

using platform::history::Fields;
using platform::history::to_json;

constexpr const char* kSecretariatOnly = "회의체의 간사 기관이나 시·군정책협력담당만 할 수 있습니다.";

struct Loaded {
  Body body;
  Meeting meeting;
  platform::OrganizationDirectory directory;
};
Result<Loaded> load(const platform::ServiceContext& svc, store::Connection& c, std::int64_t meeting_id) {
  auto meeting = meeting_store::find_meeting(c, meeting_id);
  if (!meeting) return Error::not_found(kNotFound);
  auto directory = platform::OrganizationDirectory::load(c);
  auto body = load_body(c, directory, meeting->body_id);
  if (!body || !can_view_meeting(svc.policy, svc.actor, *body, *meeting)) return Error::not_found(kNotFound);
  return Loaded{std::move(*body), std::move(*meeting), std::move(directory)};
}

Fields invitation_fields(const Invitation& i) {
  Fields f{{"meeting_id", i.meeting_id},
           {"organization_id", i.organization_id},
           {"rsvp", std::string(code_of<Rsvp>(kRsvps, i.rsvp))},
           {"substitute_name", i.substitute_name},
           {"substitute_position", i.substitute_position}};
  if (i.attended) f.emplace_back("attended", std::string(*i.attended ? "true" : "false"));
  return f;
}

void record(store::Connection& c, const Actor& actor, const std::string& action,
            const std::optional<Invitation>& before, const Invitation& after) {
  platform::history::record_change(
      c, actor,
      {"meeting_attendance", after.id, action, before ? to_json(invitation_fields(*before)) : "",
       to_json(invitation_fields(after))});
}

bool works_for(const Actor& actor, const platform::OrganizationDirectory& directory, std::int64_t org) {
  const auto* o = directory.find(org);
  return o != nullptr && works_in(actor, o->path);
}

}  // namespace

Result<AttendanceSection> get_attendance(const platform::ServiceContext& svc, std::int64_t meeting_id) {
  if (auto ok = svc.policy.check(svc.actor, kView, svc.actor.organization_path); !ok) return ok.error();
  return svc.db.read([&](store::Connection& c) -> Result<AttendanceSection> {
    auto loaded = load(svc, c, meeting_id);
    if (!loaded) return loaded.error();
    AttendanceSection out;
    const bool secretariat = is_secretariat(svc.policy, svc.actor, loaded->body);
    const auto& m = loaded->meeting;
    out.may_record = secretariat && static_cast<bool>(attendance_open(m.state, m.date, seoul_today()));
    out.may_cancel =
        secretariat && (m.state == MeetingState::planned || m.state == MeetingState::agenda_published);
    const bool answering =
        svc.policy.allows(svc.actor, kPropose) && rsvp_open(m.state, m.date, seoul_today());
    for (auto& i : attendance_store::of_meeting(c, meeting_id)) {
      AttendanceRow row;
      const auto* org = loaded->directory.find(i.organization_id);
      row.organization_name = org != nullptr ? org->name : "";
      row.may_answer = answering && org != nullptr && works_in(svc.actor, org->path);
      row.invitation = std::move(i);
      out.rows.push_back(std::move(row));
    }
    return out;
  });
}

void invite_members(store::Connection& c, const Actor& actor, const Body& body, std::int64_t meeting_id) {
  std::vector<std::int64_t> orgs;
  for (const auto& m : body.members)
    if (std::find(orgs.begin(), orgs.end(), m.organization_id) == orgs.end())
      orgs.push_back(m.organization_id);
  if (body.secretariat_id != 0 && std::find(orgs.begin(), orgs.end(), body.secretariat_id) == orgs.end())
    orgs.push_back(body.secretariat_id);
  for (const auto org : orgs)
    if (attendance_store::invite(c, meeting_id, org, now()))
      if (const auto written = attendance_store::find(c, meeting_id, org))
        record(c, actor, "invite", std::nullopt, *written);
}

Result<void> answer_invitation(const platform::ServiceContext& svc, std::int64_t meeting_id,
                               std::optional<std::int64_t> organization, const RsvpInput& input) {
  if (auto ok = svc.policy.check(svc.actor, kPropose, svc.actor.organization_path); !ok) return ok.error();
  return svc.db.write([&](store::Connection& c) -> Result<void> {
    auto loaded = load(svc, c, meeting_id);
    if (!loaded) return loaded.error();
    // Without a named organisation: the invitation of the organisation the actor works in.
    std::optional<Invitation> invitation;
    for (auto& i : attendance_store::of_meeting(c, meeting_id))
      if (organization ? i.organization_id == *organization
                       : works_for(svc.actor, loaded->directory, i.organization_id)) {
        invitation = std::move(i);
        break;
      }
    const std::int64_t org = organization.value_or(invitation ? invitation->organization_id : 0);
    if (org != 0 && !works_for(svc.actor, loaded->directory, org))
      return Error::forbidden("소속 기관의 참석 여부만 알릴 수 있습니다.");
    if (auto open = rsvp_open(loaded->meeting.state, loaded->meeting.date, seoul_today()); !open)
      return open.error();
    if (!invitation) return Error::forbidden("이 회의에 초대받은 기관이 아닙니다.");
    auto valid = validate_rsvp(input);
    if (!valid) return valid.error();
    const auto before = *invitation;
    attendance_store::write_rsvp(c, invitation->id, *valid, svc.actor.account_id, now());
    invitation->rsvp = valid->response;
    invitation->substitute_name = valid->substitute_name;
    invitation->substitute_position = valid->substitute_position;
    record(c, svc.actor, "rsvp", before, *invitation);
    return {};
  });
}

Result<void> record_attendance(const platform::ServiceContext& svc, std::int64_t meeting_id,
                               const std::vector<std::pair<std::int64_t, std::string>>& answers) {
  if (auto ok = svc.policy.check(svc.actor, kRun, svc.actor.organization_path); !ok) return ok.error();
  return svc.db.write([&](store::Connection& c) -> Result<void> {
    auto loaded = load(svc, c, meeting_id);
    if (!loaded) return loaded.error();
    if (!is_secretariat(svc.policy, svc.actor, loaded->body)) return Error::forbidden(kSecretariatOnly);
    if (auto open = attendance_open(loaded->meeting.state, loaded->meeting.date, seoul_today()); !open)
      return open.error();
    std::map<std::int64_t, std::string> given(answers.begin(), answers.end());
    auto invitations = attendance_store::of_meeting(c, meeting_id);
    std::vector<FieldError> errors;
    std::vector<std::pair<Invitation, bool>> changes;
    for (const auto& i : invitations) {
      const auto it = given.find(i.organization_id);
      const auto attended = it == given.end() ? std::nullopt : read_attended(it->second);
      if (!attended) {
        const auto* org = loaded->directory.find(i.organization_id);
        errors.push_back(
            {"attended_" + std::to_string(i.organization_id),
             (org != nullptr ? org->name : std::string("기관")) + "의 출석 여부를 골라 주십시오."});
        continue;
      }
      if (i.attended != attended) changes.emplace_back(i, *attended);
    }
    if (invitations.empty()) return Error::conflict("초대한 기관이 없는 회의입니다.");
    if (!errors.empty()) return Error::invalid("입력 내용을 확인해 주십시오.", std::move(errors));
    for (auto& [before, attended] : changes) {
      attendance_store::write_attended(c, before.id, attended, now());
      auto after = before;
      after.attended = attended;
      record(c, svc.actor, "attendance", before, after);
    }
    return {};
  });
}

Result<void> cancel_meeting(const platform::ServiceContext& svc, std::int64_t meeting_id,
                            const std::string& reason_text) {
  if (auto ok = svc.policy.check(svc.actor, kRun, svc.actor.organization_path); !ok) return ok.error();
  return svc.db.write([&](store::Connection& c) -> Result<void> {
    auto loaded = load(svc, c, meeting_id);
    if (!loaded) return loaded.error();
    if (!is_secretariat(svc.policy, svc.actor, loaded->body)) return Error::forbidden(kSecretariatOnly);
    const auto& m = loaded->meeting;
    if (m.state != MeetingState::planned && m.state != MeetingState::agenda_published)
      return Error::conflict("열린 회의나 이미 취소한 회의는 취소할 수 없습니다.");
    std::string reason;
    // An empty reason and a too long one are told apart: the person learns what to fix.
    const bool readable = clean_line(reason_text, reason);
    if (!readable || reason.empty())
      return Error::invalid("입력 내용을 확인해 주십시오.",
                            {{"cancel_reason", "취소 사유를 입력해 주십시오."}});
    if (char_count(reason) > kTitleMaxChars)
      return Error::invalid("입력 내용을 확인해 주십시오.",
                            {{"cancel_reason", "취소 사유를 200자 이하로 입력해 주십시오."}});
    attendance_store::cancel_meeting(c, m.id, reason, now());
    platform::history::record_change(
        c, svc.actor,
        {"meeting", m.id, "cancel",
         to_json({{"state", std::string(code_of<MeetingState>(kMeetingStates, m.state))}}),
         to_json({{"state", "cancelled"}, {"cancel_reason", reason}})});
    // Every member organisation's people are told, in the cancellation's transaction; the link is the body's
    // page (a cancelled meeting's own page is the secretariat's).
    const std::string what =
        m.title + " (" + platform::calendar::format_date_with_weekday(m.date) + "): " + reason;
    for (const auto& member : loaded->body.members) {
      platform::account_store::Filter filter;
      filter.organization_id = member.organization_id;
      filter.active = true;
      for (const auto& account : platform::account_store::list(c, filter))
        platform::notifications::notify(c, account.id, "회의가 취소되었습니다", what,
                                        "/meetings/bodies/" + std::to_string(loaded->body.id));
    }
    return {};
  });
}

}  // namespace sotong::meetings
