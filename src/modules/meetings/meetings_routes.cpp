// Thin handlers of 회의체 (meeting bodies) and their schedule: each parses the request, calls one service and
// renders the page or redirects back to the body's page. The table at the end names every route's action.
#include <string>

#include "modules/meetings/meeting_cadence.hpp"
#include "modules/meetings/meeting_forms.hpp"
#include "modules/meetings/meeting_permissions.hpp"
#include "modules/meetings/meeting_service.hpp"
#include "modules/meetings/meetings_module.hpp"
#include "platform/calendar/holiday.hpp"
#include "platform/web/web.hpp"

namespace sotong::meetings {
namespace {
using platform::Context;
using platform::Web;
using render::View;

constexpr const char* kListHref = "/meetings";

std::string body_href(std::int64_t id) {
  return "/meetings/bodies/" + std::to_string(id);
}

std::string label(BodyKind kind) {
  return std::string(label_of<BodyKind>(kBodyKinds, kind));
}

http::Response list_page(Web& web, Context& ctx) {
  return web.respond(ctx, list_bodies(web.service(ctx)), [&](const std::vector<Body>& bodies) {
    View rows = View::list();
    for (const auto& b : bodies) {
      auto cadence = parse_cadence(b.cadence);
      rows.push(View::object({{"href", body_href(b.id)},
                              {"name", b.name},
                              {"kind", label(b.kind)},
                              {"cadence", cadence ? cadence_label(*cadence) : b.cadence},
                              {"secretariat", b.secretariat_name},
                              {"members", static_cast<long long>(b.members.size())}}));
    }
    return web.render(ctx, "meetings/bodies", View::object({{"bodies", rows}}),
                      {"회의체", {{"회의", ""}}, {}});
  });
}

View members_view(const Body& body, bool hosts_only) {
  View rows = View::list();
  for (const auto& m : body.members)
    if (!hosts_only || m.role == MemberRole::member)
      rows.push(View::object({{"name", m.organization_name},
                              {"id", m.organization_id},
                              {"role", std::string(label_of<MemberRole>(kMemberRoles, m.role))}}));
  return rows;
}

View meetings_view(const BodyPage& p) {
  View rows = View::list();
  for (std::size_t i = 0; i < p.meetings.size(); ++i) {
    const auto& m = p.meetings[i];
    View row = View::object({{"id", m.id},
                             {"title", m.title},
                             {"date", platform::calendar::format_date_with_weekday(m.date)},
                             {"time", m.start_time + "~" + m.end_time},
                             {"state", std::string(label_of<MeetingState>(kMeetingStates, m.state))},
                             {"host", m.host_name},
                             {"host_reason", m.host_reason},
                             {"pinned", m.host_pinned}});
    // Set only when there is one: an empty text still opens a template section.
    if (!m.move_reason.empty()) row.set("move_reason", m.move_reason);
    if (p.openable[i]) row.set("href", "/meetings/" + std::to_string(m.id));
    if (p.may_run && p.body.visiting &&
        (m.state == MeetingState::planned || m.state == MeetingState::agenda_published))
      row.set("pin_action", "/meetings/" + std::to_string(m.id) + "/host");
    rows.push(std::move(row));
  }
  return rows;
}

/// The cadence form's four selects, each option marked when it is the body's (a code that no longer reads
/// marks nothing).
View cadence_fields_view(const std::string& code) {
  auto current = parse_cadence(code);
  const Cadence c = current ? current.value() : Cadence{};
  auto options = [](const auto& terms, auto selected) {
    View list = View::list();
    for (const auto& t : terms)
      list.push(View::object({{"code", t.code}, {"label", t.label}, {"selected", t.value == selected}}));
    return list;
  };
  View months = View::list();
  for (int m = 1; m <= 12; ++m)
    months.push(View::object(
        {{"code", m}, {"label", std::to_string(m) + "번째 달"}, {"selected", m == c.month_of_period}}));
  return View::object({{"periods", options(kPeriods, c.period)},
                       {"weeks", options(kWeeksOfMonth, c.week)},
                       {"days", options(kMeetingDays, c.day)},
                       {"months", std::move(months)}});
}

http::Response body_page(Web& web, Context& ctx) {
  auto page = platform::path_id(ctx, kNotFound).and_then([&](std::int64_t id) {
    return get_body(web.service(ctx), id);
  });
  return web.respond(ctx, std::move(page), [&](const BodyPage& p) {
    const std::string href = body_href(p.body.id);
    View blocked = View::list();
    for (const auto& b : p.blocked) {
      std::string name;
      for (const auto& m : p.body.members)
        if (m.organization_id == b.organization_id) name = m.organization_name;
      blocked.push(View::object({{"name", name},
                                 {"date", platform::calendar::format_date_with_weekday(b.date)},
                                 {"reason", b.reason}}));
    }
    View candidates = View::list();
    for (const auto& [id, name] : p.candidates) candidates.push(View::object({{"id", id}, {"name", name}}));
    View v = View::object({{"name", p.body.name},
                           {"kind", label(p.body.kind)},
                           {"cadence", p.cadence_label},
                           {"cadence_code", p.body.cadence},
                           {"cadence_fields", cadence_fields_view(p.body.cadence)},
                           {"secretariat", p.body.secretariat_name},
                           {"chair", p.body.chair},
                           {"location", p.body.location},
                           {"visiting", p.body.visiting},
                           {"members", members_view(p.body, false)},
                           {"hosts", members_view(p.body, true)},
                           {"candidates", candidates},
                           {"body_href", href},
                           {"meetings", meetings_view(p)},
                           {"blocked", blocked},
                           {"has_blocked", !p.blocked.empty()},
                           {"may_run", p.may_run},
                           {"may_coordinate", p.may_coordinate},
                           {"schedule_action", href + "/schedule"},
                           {"cadence_action", href + "/cadence"},
                           {"convene_action", href + "/meetings"},
                           {"member_action", href + "/members"},
                           {"blocked_action", href + "/blocked-dates"},
                           {"year", static_cast<long long>(seoul_today().year)}});
    return web.render(ctx, "meetings/body", v, {p.body.name, {{"회의", kListHref}, {p.body.name, ""}}, {}});
  });
}

/// After a change on a body: back to its page with the message, or the refusal (in Korean) as a page.
template <typename T>
http::Response back_to_body(Web& web, Context& ctx, std::int64_t body_id, const Result<T>& done,
                            std::string message) {
  if (!done) return web.error(ctx, done.error());
  return web.redirect_with(ctx, body_href(body_id), {"success", std::move(message)});
}

http::Response schedule_action(Web& web, Context& ctx) {
  auto id = platform::path_id(ctx, kNotFound);
  if (!id) return web.error(ctx, id.error());
  auto created = generate_year(web.service(ctx), *id, read_year(ctx.form, "year"));
  return back_to_body(web, ctx, *id, created,
                      created ? "회의 " + std::to_string(*created) + "건을 만들었습니다." : std::string());
}

http::Response convene_action(Web& web, Context& ctx) {
  auto id = platform::path_id(ctx, kNotFound);
  if (!id) return web.error(ctx, id.error());
  auto created = convene_meeting(web.service(ctx), *id, ctx.form.get("date"));
  if (!created) return web.error(ctx, created.error());
  return web.redirect_with(ctx, "/meetings/" + std::to_string(*created), {"success", "회의를 만들었습니다."});
}

http::Response cadence_action(Web& web, Context& ctx) {
  auto id = platform::path_id(ctx, kNotFound);
  if (!id) return web.error(ctx, id.error());
  // The page's four selects (period, week, day, month); the API and older forms send the code itself.
  std::string code = ctx.form.get("cadence");
  if (!ctx.form.get("period").empty()) {
    auto chosen = cadence_from_fields(ctx.form.get("period"), ctx.form.get("week"), ctx.form.get("day"),
                                      ctx.form.get("month_of_period"));
    if (!chosen) {
      // Asked with nothing to change first, so that a person without the right is refused as such.
      auto refused = change_cadence(web.service(ctx), *id, "");
      if (!refused && refused.error().code != ErrorCode::invalid_input)
        return back_to_body(web, ctx, *id, refused, "");
      return back_to_body(web, ctx, *id, Result<void>(chosen.error()), "");
    }
    code = cadence_code(*chosen);
  }
  return back_to_body(web, ctx, *id, change_cadence(web.service(ctx), *id, code),
                      "회의 주기를 변경했습니다.");
}

http::Response member_action(Web& web, Context& ctx) {
  auto id = platform::path_id(ctx, kNotFound);
  if (!id) return web.error(ctx, id.error());
  return back_to_body(web, ctx, *id,
                      add_body_member(web.service(ctx), *id, read_id(ctx.form, "organization")),
                      "위원 기관을 추가했습니다.");
}

http::Response blocked_action(Web& web, Context& ctx) {
  auto id = platform::path_id(ctx, kNotFound);
  if (!id) return web.error(ctx, id.error());
  return back_to_body(web, ctx, *id,
                      add_blocked_date(web.service(ctx), *id, read_id(ctx.form, "organization"),
                                       ctx.form.get("date"), ctx.form.get("reason")),
                      "주관할 수 없는 날짜를 등록했습니다.");
}

http::Response host_action(Web& web, Context& ctx) {
  auto id = platform::path_id(ctx, kNotFound);
  if (!id) return web.error(ctx, id.error());
  auto done = pin_host(web.service(ctx), *id, read_id(ctx.form, "host"));
  if (!done) return web.error(ctx, done.error());
  return web.redirect_with(ctx,
                           ctx.form.get("back").starts_with("/meetings/") ? ctx.form.get("back") : kListHref,
                           {"success", "주관 시·군을 변경하고 남은 일정을 다시 정했습니다."});
}

}  // namespace

std::vector<platform::RouteSpec> routes() {
  return {
      {"GET", "/meetings", kView, list_page},
      {"GET", "/meetings/bodies/{id}", kView, body_page},
      {"POST", "/meetings/bodies/{id}/schedule", kRun, schedule_action},
      {"POST", "/meetings/bodies/{id}/meetings", kRun, convene_action},
      {"POST", "/meetings/bodies/{id}/cadence", kCoordinate, cadence_action},
      {"POST", "/meetings/bodies/{id}/members", kCoordinate, member_action},
      {"POST", "/meetings/bodies/{id}/blocked-dates", kCoordinate, blocked_action},
      {"POST", "/meetings/{id}/host", kRun, host_action},
  };
}

}  // namespace sotong::meetings
