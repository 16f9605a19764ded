// Thin handlers of a meeting's attendance and cancellation: an organisation's answer, the attendance the
// secretariat records, the cancellation; and the attendance section of the meeting's page
// (attendance_view, called by meeting_agenda_routes.cpp).
#include <string>
#include <utility>
#include <vector>

#include "http/status.hpp"
#include "modules/meetings/meeting_attendance_routes.hpp"
#include "modules/meetings/meeting_attendance_service.hpp"
#include "modules/meetings/meeting_forms.hpp"
#include "modules/meetings/meeting_permissions.hpp"
#include "modules/meetings/meeting_service.hpp"

namespace sotong::meetings {
namespace {
using platform::Context;
using platform::Web;
using render::View;

/// A refusal as one Korean sentence: the message and each field's reason (the page shows it as it is).
Error with_fields(Error error) {
  for (const auto& f : error.fields) error.message += " " + f.message;
  return error;
}

http::Response rsvp_action(Web& web, Context& ctx) {
  auto id = platform::path_id(ctx, kNotFound);
  if (!id) return web.error(ctx, id.error());
  const RsvpInput input{ctx.form.get("response"), ctx.form.get("substitute_name"),
                        ctx.form.get("substitute_position")};
  auto answered = answer_invitation(web.service(ctx), *id, read_id(ctx.form, "organization"), input);
  if (!answered) return web.error(ctx, with_fields(answered.error()));
  return web.redirect_with(ctx, meeting_href(*id), {"success", "참석 여부를 알렸습니다."});
}

http::Response attendance_action(Web& web, Context& ctx) {
  auto id = platform::path_id(ctx, kNotFound);
  if (!id) return web.error(ctx, id.error());
  // Every attended_<organisation> field of the form, as posted.
  std::vector<std::pair<std::int64_t, std::string>> answers;
  auto section = get_attendance(web.service(ctx), *id);
  if (!section) return web.error(ctx, section.error());
  for (const auto& row : section->rows) {
    const auto org = row.invitation.organization_id;
    answers.emplace_back(org, ctx.form.get("attended_" + std::to_string(org)));
  }
  auto recorded = record_attendance(web.service(ctx), *id, answers);
  if (!recorded) return web.error(ctx, with_fields(recorded.error()));
  return web.redirect_with(ctx, meeting_href(*id), {"success", "출석을 기록했습니다."});
}

http::Response cancel_action(Web& web, Context& ctx) {
  auto id = platform::path_id(ctx, kNotFound);
  if (!id) return web.error(ctx, id.error());
  auto cancelled = cancel_meeting(web.service(ctx), *id, ctx.form.get("cancel_reason"));
  if (!cancelled) return web.error(ctx, with_fields(cancelled.error()));
  return web.redirect_with(ctx, meeting_href(*id), {"success", "회의를 취소하고 위원 기관에 알렸습니다."});
}

}  // namespace

void add_attendance_view(Web& web, Context& ctx, std::int64_t meeting_id, View& v) {
  auto section = get_attendance(web.service(ctx), meeting_id);
  if (!section) return;
  const std::string href = meeting_href(meeting_id);
  View rows = View::list();
  View answer_forms = View::list();
  View record_rows = View::list();
  for (const auto& row : section->rows) {
    const auto& i = row.invitation;
    View r = View::object(
        {{"organization", row.organization_name}, {"rsvp", std::string(label_of<Rsvp>(kRsvps, i.rsvp))}});
    if (i.rsvp == Rsvp::substitute) r.set("substitute", i.substitute_name + " " + i.substitute_position);
    if (i.attended) r.set("attended", std::string(*i.attended ? "출석" : "불출석"));
    rows.push(std::move(r));
    if (row.may_answer) {
      View options = View::list();
      for (const auto& t : kRsvps)
        if (t.value != Rsvp::none)
          options.push(View::object({{"code", std::string(t.code)},
                                     {"label", std::string(t.label)},
                                     {"checked", t.value == i.rsvp}}));
      answer_forms.push(View::object({{"organization_id", i.organization_id},
                                      {"organization", row.organization_name},
                                      {"options", options},
                                      {"substitute_name", i.substitute_name},
                                      {"substitute_position", i.substitute_position},
                                      {"action", href + "/rsvp"}}));
    }
    record_rows.push(View::object({{"organization_id", i.organization_id},
                                   {"organization", row.organization_name},
                                   {"yes", i.attended.value_or(false)},
                                   {"no", i.attended && !*i.attended}}));
  }
  v.set("attendance", rows);
  v.set("has_attendance", !section->rows.empty());
  v.set("rsvp_forms", answer_forms);
  if (section->may_record) {
    v.set("attendance_action", href + "/attendance");
    v.set("attendance_rows", record_rows);
  }
  if (section->may_cancel) v.set("cancel_action", href + "/cancel");
}

std::vector<platform::RouteSpec> attendance_routes() {
  return {
      {"POST", "/meetings/{id}/rsvp", kPropose, rsvp_action},
      {"POST", "/meetings/{id}/attendance", kRun, attendance_action},
      {"POST", "/meetings/{id}/cancel", kRun, cancel_action},
  };
}

}  // namespace sotong::meetings
