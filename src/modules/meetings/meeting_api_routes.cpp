// Thin handlers of the JSON API of 회의 (meetings): bodies, a year of meetings, one meeting with its agenda
// and action items, and the open action items by organisation — scoped exactly as the pages are, by the
// same services. The shapes are declared in openapi.json.
#include "modules/meetings/meeting_api_routes.hpp"

#include <boost/json.hpp>
#include <map>
#include <optional>
#include <string>

#include "modules/meetings/meeting_agenda_service.hpp"
#include "modules/meetings/meeting_api_service.hpp"
#include "modules/meetings/meeting_cadence.hpp"
#include "modules/meetings/meeting_forms.hpp"
#include "modules/meetings/meeting_permissions.hpp"
#include "modules/meetings/meeting_service.hpp"
#include "modules/meetings/meeting_workshop_api.hpp"
#include "platform/calendar/holiday.hpp"
#include "platform/web/params.hpp"
#include "platform/web/web.hpp"

namespace sotong::meetings {
namespace {
using boost::json::array;
using boost::json::object;
using boost::json::value;
using platform::Context;
using platform::Web;

std::string iso(CivilDate d) {
  return platform::calendar::format_date(d);
}

value org(std::int64_t id, const std::string& name) {
  return object{{"id", id}, {"name", name}};
}

object body_json(const Body& b) {
  array members;
  for (const auto& m : b.members)
    members.push_back(object{{"id", m.organization_id},
                             {"name", m.organization_name},
                             {"role", std::string(code_of<MemberRole>(kMemberRoles, m.role))}});
  auto cadence = parse_cadence(b.cadence);
  return object{{"id", b.id},
                {"name", b.name},
                {"kind", std::string(code_of<BodyKind>(kBodyKinds, b.kind))},
                {"cadence", b.cadence},
                {"cadence_label", cadence ? cadence_label(*cadence) : b.cadence},
                {"visiting", b.visiting},
                {"secretariat", org(b.secretariat_id, b.secretariat_name)},
                {"chair", b.chair},
                {"location", b.location},
                {"members", members}};
}

object meeting_json(const Meeting& m, const std::string& body_name) {
  return object{{"id", m.id},
                {"body", org(m.body_id, body_name)},
                {"title", m.title},
                {"date", iso(m.date)},
                {"start_time", m.start_time},
                {"end_time", m.end_time},
                {"location", m.location},
                {"state", std::string(code_of<MeetingState>(kMeetingStates, m.state))},
                {"host", m.host_id ? org(*m.host_id, m.host_name) : value(nullptr)},
                {"moved_from", m.moved_from.empty() ? value(nullptr) : value(m.moved_from)},
                {"move_reason", m.move_reason}};
}

object action_json(const ActionItem& a, const std::string& owner_name) {
  return object{{"id", a.id},
                {"meeting_id", a.meeting_id},
                {"title", a.title},
                {"owner", org(a.owner_id, owner_name)},
                {"due", iso(a.due)},
                {"status", std::string(code_of<ActionStatus>(kActionStatuses, a.status))},
                {"done_at", a.done_at ? value(format_iso_utc(*a.done_at)) : value(nullptr)}};
}

std::string name_in(const std::map<std::int64_t, std::string>& names, std::int64_t id) {
  const auto it = names.find(id);
  return it == names.end() ? std::string() : it->second;
}

Result<std::optional<std::int64_t>> optional_id(const http::Form& query, const char* field,
                                                const char* message) {
  const std::string text = query.get(field);
  if (text.empty()) return std::optional<std::int64_t>();
  if (auto id = platform::parse_id(text)) return std::optional<std::int64_t>(*id);
  return Error::invalid(message, {{field, message}});
}

http::Response api_bodies(Web& web, Context& ctx) {
  return web.respond(ctx, list_bodies(web.service(ctx)), [&](const std::vector<Body>& bodies) {
    array items;
    for (const auto& b : bodies) items.push_back(body_json(b));
    return web.json(ctx, boost::json::serialize(object{{"items", items}}));
  });
}

http::Response api_body(Web& web, Context& ctx) {
  auto page = platform::path_id(ctx, kNotFound).and_then([&](std::int64_t id) {
    return get_body(web.service(ctx), id);
  });
  return web.respond(ctx, std::move(page), [&](const BodyPage& p) {
    return web.json(ctx, boost::json::serialize(body_json(p.body)));
  });
}

http::Response api_meetings(Web& web, Context& ctx) {
  auto body = optional_id(ctx.query, "body", "회의체를 목록에서 골라 주십시오.");
  if (!body) return web.error(ctx, body.error());
  const std::string year_text = ctx.query.get("year");
  const int year = year_text.empty() ? seoul_today().year : read_year(ctx.query, "year");
  return web.respond(ctx, list_meetings(web.service(ctx), *body, year),
                     [&](const std::vector<ListedMeeting>& meetings) {
                       array items;
                       for (const auto& m : meetings) items.push_back(meeting_json(m.meeting, m.body_name));
                       return web.json(ctx, boost::json::serialize(object{{"items", items}}));
                     });
}

http::Response api_meeting(Web& web, Context& ctx) {
  auto page = platform::path_id(ctx, kNotFound).and_then([&](std::int64_t id) {
    return get_meeting(web.service(ctx), id);
  });
  return web.respond(ctx, std::move(page), [&](const MeetingPage& p) {
    object out = meeting_json(p.meeting, p.body.name);
    array entries;
    for (const auto& e : p.entries) {
      object entry{{"id", e.id},
                   {"position", e.position},
                   {"title", e.title},
                   {"presenter", e.presenter_id ? org(*e.presenter_id, name_in(p.names, *e.presenter_id))
                                                : value(nullptr)},
                   {"duration_minutes", e.duration_minutes},
                   {"source", std::string(code_of<EntrySource>(kEntrySources, e.source))},
                   {"status", std::string(code_of<EntryStatus>(kEntryStatuses, e.status))}};
      // Discussion and decision are minutes: only once the person may read them.
      entry["decision"] = p.show_minutes && !e.decision.empty() ? value(e.decision) : value(nullptr);
      entries.push_back(std::move(entry));
    }
    array actions;
    if (p.show_minutes)
      for (const auto& a : p.actions) actions.push_back(action_json(a, name_in(p.names, a.owner_id)));
    out["agenda"] = std::move(entries);
    out["action_items"] = std::move(actions);
    if (p.body.kind == BodyKind::workshop) add_workshop_json(web.service(ctx), p.meeting.id, out);
    return web.json(ctx, boost::json::serialize(out));
  });
}

http::Response api_actions(Web& web, Context& ctx) {
  auto organization = optional_id(ctx.query, "organization", "기관을 목록에서 골라 주십시오.");
  if (!organization) return web.error(ctx, organization.error());
  return web.respond(ctx, open_action_items(web.service(ctx), *organization),
                     [&](const std::vector<ListedAction>& listed) {
                       array items;
                       for (const auto& a : listed) {
                         object item = action_json(a.action, a.owner_name);
                         item["body"] = a.body_name;
                         item["meeting_date"] = iso(a.meeting_date);
                         items.push_back(std::move(item));
                       }
                       return web.json(ctx, boost::json::serialize(object{{"items", items}}));
                     });
}

}  // namespace

std::vector<platform::RouteSpec> api_routes() {
  using platform::RouteKind;
  return {
      {"GET", "/api/v1/meetings/bodies", kView, api_bodies, RouteKind::api},
      {"GET", "/api/v1/meetings/bodies/{id}", kView, api_body, RouteKind::api},
      {"GET", "/api/v1/meetings", kView, api_meetings, RouteKind::api},
      {"GET", "/api/v1/meetings/{id}", kView, api_meeting, RouteKind::api},
      {"GET", "/api/v1/meetings/action-items", kView, api_actions, RouteKind::api},
  };
}

}  // namespace sotong::meetings
