// The one-page 회의자료 cover of a meeting's agenda, for printing: the body, the meeting's date, time, place
// and host, and the accepted entries in order with presenter and duration (a workshop's sessions before
// them).
#include <string>

#include "modules/meetings/meeting_agenda_print_routes.hpp"
#include "modules/meetings/meeting_agenda_service.hpp"
#include "modules/meetings/meeting_permissions.hpp"
#include "modules/meetings/meeting_service.hpp"
#include "modules/meetings/meeting_workshop_service.hpp"
#include "platform/calendar/holiday.hpp"
#include "platform/exports/list_export.hpp"

namespace sotong::meetings {
namespace {
using platform::Context;
using platform::Web;
using render::View;

/// The presenter's name of an entry, or "" when none is named.
std::string presenter_of(const MeetingPage& p, const AgendaEntry& e) {
  const auto found = e.presenter_id ? p.names.find(*e.presenter_id) : p.names.end();
  return found == p.names.end() ? "" : found->second;
}

/// The cover's agenda as a file: the same accepted entries in order, with where each came from.
platform::exports::Table agenda_table(const MeetingPage& p) {
  using platform::exports::ColumnKind;
  platform::exports::Table t;
  t.title = p.meeting.title + " 안건";
  t.columns = {{"순서", 0, ColumnKind::number},    {"안건", 0, ColumnKind::text},
               {"발표 기관", 0, ColumnKind::text}, {"소요 시간(분)", 0, ColumnKind::number},
               {"구분", 0, ColumnKind::text},      {"회의 날짜", 0, ColumnKind::text}};
  long long number = 0;
  for (const auto& e : p.entries) {
    if (e.status != EntryStatus::accepted) continue;
    t.rows.push_back({std::to_string(++number), e.title, presenter_of(p, e),
                      std::to_string(e.duration_minutes),
                      std::string(label_of<EntrySource>(kEntrySources, e.source)),
                      platform::calendar::format_date(p.meeting.date)});
  }
  return t;
}

http::Response agenda_print_page(Web& web, Context& ctx) {
  auto page = platform::path_id(ctx, kNotFound).and_then([&](std::int64_t id) -> Result<MeetingPage> {
    auto found = get_meeting(web.service(ctx), id);
    // Before publication the agenda is the secretariat's draft: nobody else prints it.
    if (found && !found->may_run && found->meeting.state == MeetingState::planned)
      return Error::not_found(kNotFound);
    return found;
  });
  return web.respond(ctx, std::move(page), [&](const MeetingPage& p) {
    // ?format=csv|xlsx: the same agenda as a file, its download in the access log.
    if (auto file = platform::exports::export_if_requested(
            web, ctx, {"meeting_agenda", p.meeting.title + " 안건", "meeting-agenda"},
            [&] { return agenda_table(p); }))
      return std::move(*file);
    View entries = View::list();
    long long number = 0;
    for (const auto& e : p.entries) {
      if (e.status != EntryStatus::accepted) continue;
      entries.push(View::object({{"number", ++number},
                                 {"title", e.title},
                                 {"presenter", presenter_of(p, e)},
                                 {"duration", e.duration_minutes}}));
    }
    const auto& m = p.meeting;
    const std::string href = "/meetings/" + std::to_string(m.id);
    View v = View::object({{"body", p.body.name},
                           {"title", m.title},
                           {"date", platform::calendar::format_date_with_weekday(m.date)},
                           {"time", m.start_time + "~" + m.end_time},
                           {"location", m.location},
                           {"entries", entries},
                           {"has_entries", number > 0},
                           {"back", href}});
    if (!m.host_name.empty()) v.set("host", m.host_name);
    platform::exports::add_export_links(v, ctx);
    // A workshop's cover lists its sessions too (as the actor may see them).
    if (p.body.kind == BodyKind::workshop)
      if (auto w = get_workshop(web.service(ctx), m.id); w && !w->sessions.empty()) {
        View sessions = View::list();
        for (const auto& s : w->sessions)
          sessions.push(View::object(
              {{"title", s.title}, {"time", s.starts_at + "~" + s.ends_at}, {"moderator", s.moderator}}));
        v.set("sessions", sessions);
        v.set("has_sessions", true);
      }
    return web.render(
        ctx, "meetings/agenda_print", v,
        {m.title + " 회의자료", {{"회의", "/meetings"}, {m.title, href}, {"회의자료", ""}}, {}});
  });
}

}  // namespace

std::vector<platform::RouteSpec> agenda_print_routes() {
  return {{"GET", "/meetings/{id}/agenda/print", kView, agenda_print_page}};
}

}  // namespace sotong::meetings
