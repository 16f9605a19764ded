// Thin handler of the calendar of 회의 (meetings): reads the view and filters, asks calendar_meetings for
// what the person may see, and renders the month or week on the platform's wall calendar, or a list.
#include "modules/meetings/meeting_calendar_routes.hpp"

#include <string>

#include "modules/meetings/meeting_calendar.hpp"
#include "modules/meetings/meeting_calendar_service.hpp"
#include "modules/meetings/meeting_permissions.hpp"
#include "platform/calendar/holiday.hpp"
#include "platform/calendar/month_grid_view.hpp"
#include "platform/web/web.hpp"

namespace sotong::meetings {
namespace {
using platform::Context;
using platform::Web;
using render::View;

constexpr const char* kPath = "/meetings/calendar";

std::string href_of(const CalendarQuery& q) {
  return std::string(kPath) + "?" + calendar_query_string(q);
}

std::string state_label(MeetingState s) {
  return std::string(label_of<MeetingState>(kMeetingStates, s));
}

std::vector<platform::calendar::GridEvent> grid_events(const CalendarPage& p) {
  std::vector<platform::calendar::GridEvent> out;
  for (const auto& e : p.entries) {
    const bool cancelled = e.meeting.state == MeetingState::cancelled;
    std::string note = cancelled ? "취소" : "";
    if (!cancelled && !e.meeting.host_name.empty()) note = e.meeting.host_name + " 주관";
    out.push_back({e.meeting.date, e.meeting.start_time, e.meeting.title,
                   "/meetings/" + std::to_string(e.meeting.id), note, cancelled});
  }
  return out;
}

View choices(const std::vector<std::pair<std::int64_t, std::string>>& options,
             std::optional<std::int64_t> chosen) {
  View out = View::list();
  for (const auto& [id, name] : options)
    out.push(View::object({{"id", id}, {"name", name}, {"selected", chosen == id}}));
  return out;
}

std::string period_title(const CalendarPage& p) {
  const auto& q = p.query;
  if (q.view == CalendarView::week)
    return platform::calendar::format_date_with_weekday(p.from) + " ~ " +
           platform::calendar::format_date_with_weekday(p.to);
  return platform::calendar::month_title(q.anchor.year, q.anchor.month);
}

View calendar_view(const CalendarPage& p) {
  const auto& q = p.query;
  const std::string title = period_title(p);
  View views = View::list();
  for (const auto& t : kCalendarViews) {
    CalendarQuery other = q;
    other.view = t.value;
    if (t.value != CalendarView::week) other.anchor = {q.anchor.year, q.anchor.month, 1};
    views.push(View::object(
        {{"label", std::string(t.label)}, {"href", href_of(other)}, {"current", t.value == q.view}}));
  }
  const std::string unit = q.view == CalendarView::week ? "주" : "달";
  View v = View::object({{"title", title},
                         {"views", views},
                         {"previous_href", href_of(calendar_step(q, -1))},
                         {"next_href", href_of(calendar_step(q, 1))},
                         {"previous_label", "이전 " + unit},
                         {"next_label", "다음 " + unit},
                         {"bodies", choices(p.bodies, q.body)},
                         {"organizations", choices(p.organizations, q.organization)},
                         {"view_code", std::string(code_of<CalendarView>(kCalendarViews, q.view))},
                         {"count", static_cast<long long>(p.entries.size())}});
  if (q.view == CalendarView::week) {
    v.set("date", platform::calendar::format_date(q.anchor));
    v.set("grid", platform::calendar::week_grid_view(p.week, grid_events(p), title + " 회의 일정"));
  } else {
    v.set("month", platform::calendar::format_date(q.anchor).substr(0, 7));
  }
  if (q.view == CalendarView::month)
    v.set("grid", platform::calendar::month_grid_view(p.month, grid_events(p), title + " 회의 일정"));
  if (q.view == CalendarView::list) {
    View rows = View::list();
    for (const auto& e : p.entries) {
      View row = View::object({{"date", platform::calendar::format_date_with_weekday(e.meeting.date)},
                               {"time", e.meeting.start_time + "~" + e.meeting.end_time},
                               {"title", e.meeting.title},
                               {"href", "/meetings/" + std::to_string(e.meeting.id)},
                               {"body", e.body_name},
                               {"host", e.meeting.host_name},
                               {"state", state_label(e.meeting.state)},
                               {"cancelled", e.meeting.state == MeetingState::cancelled}});
      rows.push(std::move(row));
    }
    v.set("list", View::object({{"rows", rows},
                                {"caption", title + " 회의 목록: 날짜, 시간, 회의, 회의체, 주관, 상태"}}));
  }
  return v;
}

/// A refused filter as the error page: the field messages are the explanation, so they join the message.
Error with_fields_said(Error e) {
  for (const auto& f : e.fields) e.message += " " + f.message;
  return e;
}

http::Response calendar_page(Web& web, Context& ctx) {
  auto query = parse_calendar_query(ctx.query, seoul_today());
  if (!query) return web.error(ctx, with_fields_said(query.error()));
  auto page = calendar_meetings(web.service(ctx), *query);
  if (!page && page.error().code == ErrorCode::invalid_input)
    return web.error(ctx, with_fields_said(page.error()));
  return web.respond(ctx, std::move(page), [&](const CalendarPage& p) {
    return web.render(ctx, "meetings/calendar", calendar_view(p),
                      {"회의 일정", {{"회의", "/meetings"}, {"회의 일정", ""}}, {}});
  });
}

}  // namespace

std::vector<platform::RouteSpec> calendar_routes() {
  return {{"GET", kPath, kView, calendar_page}};
}

}  // namespace sotong::meetings
