// Thin handlers of one meeting's page: the agenda, the minutes and the action items. Each parses the
// request, calls one service and renders the page or redirects back to it; a refusal is the Korean error
// page.
#include <algorithm>
#include <string>

#include "http/status.hpp"
#include "modules/meetings/meeting_agenda_service.hpp"
#include "modules/meetings/meeting_attendance_routes.hpp"
#include "modules/meetings/meeting_forms.hpp"
#include "modules/meetings/meeting_permissions.hpp"
#include "modules/meetings/meeting_service.hpp"
#include "modules/meetings/meeting_store.hpp"
#include "modules/meetings/meeting_workshop_routes.hpp"
#include "modules/meetings/meetings_module.hpp"
#include "platform/attachments/attachments.hpp"
#include "platform/calendar/holiday.hpp"
#include "platform/web/web.hpp"

namespace sotong::meetings {
namespace {
using platform::Context;
using platform::Web;
using render::View;

/// Whether an entry has a 자료 block on the page: files to list, or a form for this person to add some.
bool files_shown(const MeetingPage& p, std::int64_t entry_id) {
  const auto listed = p.files.find(entry_id);
  return p.files_changeable.contains(entry_id) || (listed != p.files.end() && !listed->second.empty());
}

std::string name_of(const MeetingPage& p, std::optional<std::int64_t> id) {
  if (!id) return "";
  const auto it = p.names.find(*id);
  return it == p.names.end() ? "" : it->second;
}

View organisations_view(const MeetingPage& p) {
  View rows = View::list();
  for (const auto& m : p.body.members)
    rows.push(View::object({{"id", m.organization_id}, {"name", m.organization_name}}));
  return rows;
}

View entry_view(const MeetingPage& p, const AgendaEntry& e, std::size_t index, std::size_t count) {
  const std::string base = "/meetings/entries/" + std::to_string(e.id);
  const bool open = agenda_open(p.meeting.state);
  View actions = View::list();
  for (const auto& a : p.actions)
    if (a.agenda_entry_id == e.id) {
      View row = View::object({{"title", a.title},
                               {"owner", name_of(p, a.owner_id)},
                               {"due", platform::calendar::format_date(a.due)},
                               {"status", std::string(label_of<ActionStatus>(kActionStatuses, a.status))}});
      if (a.status == ActionStatus::open)
        row.set("done_action", "/meetings/actions/" + std::to_string(a.id) + "/done");
      actions.push(std::move(row));
    }
  View v = View::object({{"id", e.id},
                         {"number", static_cast<long long>(index + 1)},
                         {"title", e.title},
                         {"presenter", name_of(p, e.presenter_id)},
                         {"duration", e.duration_minutes},
                         {"source", std::string(label_of<EntrySource>(kEntrySources, e.source))},
                         {"status", std::string(label_of<EntryStatus>(kEntryStatuses, e.status))},
                         {"proposer", name_of(p, e.proposer_id)},
                         {"is_review", e.source == EntrySource::review},
                         {"actions", actions}});
  // Set only when written: an empty text still opens a template section.
  if (!e.decision.empty()) {
    v.set("discussion", e.discussion);
    v.set("decision", e.decision);
  }
  if (p.may_run && open) {
    v.set("status_action", base + "/status");
    v.set("may_accept", e.status != EntryStatus::accepted);
    v.set("may_decline", e.status != EntryStatus::declined);
    v.set("move_action", base + "/move");
    v.set("may_up", index > 0);
    v.set("may_down", index + 1 < count);
  }
  const bool writable = p.may_run && (p.meeting.state == MeetingState::agenda_published ||
                                      p.meeting.state == MeetingState::held);
  if (writable && e.status == EntryStatus::accepted &&
      !(e.source == EntrySource::review && !e.decision.empty()))
    v.set("minutes_action", base + "/minutes");
  if (p.may_run && p.meeting.state == MeetingState::held && e.status == EntryStatus::accepted)
    v.set("action_action", base + "/actions");
  // The entry's files (자료), listed for everyone who sees it; the form for those who may change them.
  View files = View::list();
  const auto listed = p.files.find(e.id);
  const bool changeable = p.files_changeable.contains(e.id);
  if (listed != p.files.end())
    for (const auto& a : listed->second) {
      View f = View::object(
          {{"id", a.id}, {"file_name", a.file_name}, {"size", platform::attachments::human_size(a.size)}});
      if (changeable) f.set("may_delete", true);
      files.push(std::move(f));
    }
  v.set("files", files).set("has_files", listed != p.files.end() && !listed->second.empty());
  if (changeable) v.set("upload", true);
  if (files_shown(p, e.id)) v.set("files_shown", true);
  return v;
}

/// A refusal of one entry's change, shown beside that entry (in Korean, as the service or the source said
/// it).
struct Refusal {
  std::int64_t entry_id = 0;
  std::string message;
};

http::Response render_meeting(Web& web, Context& ctx, const MeetingPage& p, const Refusal& refusal,
                              int status) {
  {
    const std::string href = meeting_href(p.meeting.id);
    View entries = View::list();
    for (std::size_t i = 0; i < p.entries.size(); ++i) {
      View entry = entry_view(p, p.entries[i], i, p.entries.size());
      if (p.entries[i].id == refusal.entry_id) entry.set("refusal", refusal.message);
      entries.push(std::move(entry));
    }
    View suggested = View::list();
    for (const auto& item : p.suggested)
      suggested.push(View::object({{"source", item.source},
                                   {"id", item.id},
                                   {"title", item.title},
                                   {"href", item.href},
                                   {"state", item.state_label},
                                   {"owner", item.owner_name},
                                   {"next_review", platform::calendar::format_date(item.next_review)}}));
    View decision_actions = View::list();
    for (const auto& a : kDecisionActions)
      decision_actions.push(View::object({{"code", std::string(a.code)}, {"label", std::string(a.label)}}));
    const auto& m = p.meeting;
    View v =
        View::object({{"title", m.title},
                      {"body", p.body.name},
                      {"body_href", "/meetings/bodies/" + std::to_string(p.body.id)},
                      {"date", platform::calendar::format_date_with_weekday(m.date)},
                      {"time", m.start_time + "~" + m.end_time},
                      {"location", m.location},
                      {"state", std::string(label_of<MeetingState>(kMeetingStates, m.state))},
                      {"entries", entries},
                      {"has_entries", !p.entries.empty()},
                      {"entry_files_shown", std::any_of(p.entries.begin(), p.entries.end(),
                                                        [&](const auto& e) { return files_shown(p, e.id); })},
                      {"suggested", suggested},
                      {"has_suggested", !p.suggested.empty()},
                      {"show_minutes", p.show_minutes},
                      {"organisations", organisations_view(p)},
                      {"decision_actions", decision_actions},
                      {"back", href}});
    if (!m.host_name.empty()) v.set("host", m.host_name);
    if (!m.move_reason.empty()) v.set("move_reason", m.move_reason);
    if (p.may_propose) v.set("propose_action", href + "/entries");
    if (p.may_run && agenda_open(m.state)) {
      v.set("review_action", href + "/review-entries");
      v.set("publish_action", href + "/publish");
    }
    if (p.may_run && m.state == MeetingState::held) v.set("confirm_action", href + "/confirm");
    if (p.show_minutes) v.set("minutes_href", href + "/minutes");
    // The printable cover and its downloads: as the cover route allows (a draft agenda only to the
    // secretariat).
    if (p.may_run || m.state != MeetingState::planned) v.set("cover_href", href + "/agenda/print");
    add_attendance_view(web, ctx, m.id, v);
    if (p.body.kind == BodyKind::workshop) add_workshop_view(web, ctx, m.id, v);
    return web.render(ctx, "meetings/meeting", v,
                      {m.title,
                       {{"회의", "/meetings"},
                        {p.body.name, "/meetings/bodies/" + std::to_string(p.body.id)},
                        {m.title, ""}},
                       {}},
                      status);
  }
}

http::Response meeting_page(Web& web, Context& ctx) {
  auto page = platform::path_id(ctx, kNotFound).and_then([&](std::int64_t id) {
    return get_meeting(web.service(ctx), id);
  });
  return web.respond(ctx, std::move(page),
                     [&](const MeetingPage& p) { return render_meeting(web, ctx, p, {}, 200); });
}

/// The minutes on a page of their own, for printing and for the members once confirmed; the draft is not
/// found for anyone but the secretariat.
http::Response minutes_page(Web& web, Context& ctx) {
  auto page = platform::path_id(ctx, kNotFound).and_then([&](std::int64_t id) -> Result<MeetingPage> {
    auto found = get_meeting(web.service(ctx), id);
    if (found && !found->show_minutes) return Error::not_found(kNotFound);
    return found;
  });
  return web.respond(ctx, std::move(page), [&](const MeetingPage& p) {
    View entries = View::list();
    std::size_t number = 0;
    for (const auto& e : p.entries)
      if (e.status == EntryStatus::accepted) entries.push(entry_view(p, e, number++, 0));
    const auto& m = p.meeting;
    View v = View::object({{"body", p.body.name},
                           {"date", platform::calendar::format_date_with_weekday(m.date)},
                           {"time", m.start_time + "~" + m.end_time},
                           {"state", std::string(label_of<MeetingState>(kMeetingStates, m.state))},
                           {"entries", entries},
                           {"has_entries", number > 0},
                           {"back", meeting_href(m.id)}});
    return web.render(
        ctx, "meetings/minutes", v,
        {m.title + " 회의록", {{"회의", "/meetings"}, {m.title, meeting_href(m.id)}, {"회의록", ""}}, {}});
  });
}

/// Where to go after a change: the page the form came from (a meeting's), else the list.
std::string back(const Context& ctx) {
  const std::string to = ctx.form.get("back");
  return to.starts_with("/meetings/") ? to : std::string("/meetings");
}

template <typename T>
http::Response done(Web& web, Context& ctx, const Result<T>& result, std::string message) {
  if (!result) return web.error(ctx, result.error());
  return web.redirect_with(ctx, back(ctx), {"success", std::move(message)});
}

http::Response propose_action(Web& web, Context& ctx) {
  auto id = platform::path_id(ctx, kNotFound);
  if (!id) return web.error(ctx, id.error());
  const EntryInput input{ctx.form.get("title"), read_id(ctx.form, "presenter"), ctx.form.get("duration")};
  return done(web, ctx, propose_entry(web.service(ctx), *id, input), "안건을 제안했습니다.");
}

http::Response review_action(Web& web, Context& ctx) {
  auto id = platform::path_id(ctx, kNotFound);
  if (!id) return web.error(ctx, id.error());
  return done(web, ctx,
              add_review_entry(web.service(ctx), *id, ctx.form.get("source"), read_id(ctx.form, "item")),
              "점검 대상을 안건에 올렸습니다.");
}

http::Response publish_action(Web& web, Context& ctx) {
  auto id = platform::path_id(ctx, kNotFound);
  if (!id) return web.error(ctx, id.error());
  return done(web, ctx, publish_agenda(web.service(ctx), *id), "안건을 공개하고 위원 기관에 알렸습니다.");
}

http::Response confirm_action(Web& web, Context& ctx) {
  auto id = platform::path_id(ctx, kNotFound);
  if (!id) return web.error(ctx, id.error());
  return done(web, ctx, confirm_minutes(web.service(ctx), *id), "회의록을 확정했습니다.");
}

http::Response status_action(Web& web, Context& ctx) {
  auto id = platform::path_id(ctx, kNotFound);
  if (!id) return web.error(ctx, id.error());
  const auto status = from_code<EntryStatus>(kEntryStatuses, ctx.form.get("status"));
  if (!status || *status == EntryStatus::proposed)
    return web.error(
        ctx, Error::invalid("입력 내용을 확인해 주십시오.", {{"status", "채택이나 제외를 골라 주십시오."}}));
  return done(web, ctx, decide_entry(web.service(ctx), *id, *status), "안건을 변경했습니다.");
}

http::Response move_action(Web& web, Context& ctx) {
  auto id = platform::path_id(ctx, kNotFound);
  if (!id) return web.error(ctx, id.error());
  const int direction = ctx.form.get("direction") == "up" ? -1 : 1;
  return done(web, ctx, move_agenda_entry(web.service(ctx), *id, direction), "안건 순서를 변경했습니다.");
}

http::Response minutes_action(Web& web, Context& ctx) {
  auto id = platform::path_id(ctx, kNotFound);
  if (!id) return web.error(ctx, id.error());
  const MinutesInput input{ctx.form.get("discussion"), ctx.form.get("decision"), ctx.form.get("action"),
                           ctx.form.get("next_review")};
  auto recorded = record_minutes(web.service(ctx), *id, input);
  if (recorded ||
      (recorded.error().code != ErrorCode::conflict && recorded.error().code != ErrorCode::invalid_input))
    return done(web, ctx, recorded, "회의록을 기록했습니다.");
  // A refusal (ours, or the suggestion's own rules) is shown beside the entry, on the meeting's page as it
  // was.
  auto page = meeting_of_entry(web.service(ctx), *id).and_then([&](std::int64_t meeting) {
    return get_meeting(web.service(ctx), meeting);
  });
  if (!page) return web.error(ctx, recorded.error());
  std::string message = recorded.error().message;
  for (const auto& f : recorded.error().fields) message += " " + f.message;
  return render_meeting(web, ctx, *page, {*id, message}, http::status_for(recorded.error().code));
}

http::Response action_item_action(Web& web, Context& ctx) {
  auto id = platform::path_id(ctx, kNotFound);
  if (!id) return web.error(ctx, id.error());
  const ActionInput input{ctx.form.get("title"), read_id(ctx.form, "owner"), ctx.form.get("due")};
  return done(web, ctx, add_action_item(web.service(ctx), *id, input), "조치사항을 등록했습니다.");
}

http::Response done_action(Web& web, Context& ctx) {
  auto id = platform::path_id(ctx, kNotFound);
  if (!id) return web.error(ctx, id.error());
  return done(web, ctx, complete_action_item(web.service(ctx), *id), "조치사항을 완료로 변경했습니다.");
}

/// An entry's own address, where the attachments routes send the person back: its place on the meeting's
/// page.
http::Response entry_page(Web& web, Context& ctx) {
  auto id = platform::path_id(ctx, kNotFound);
  if (!id) return web.error(ctx, id.error());
  auto meeting = meeting_of_entry(web.service(ctx), *id);
  if (!meeting) return web.error(ctx, meeting.error());
  return http::Response::redirect(meeting_href(*meeting) + "#entry-" + std::to_string(*id));
}

}  // namespace

platform::attachments::OwnerType entry_attachment_owner() {
  return {kEntryOwnerType,
          "회의 안건",
          kView,
          [](store::Connection& c, std::int64_t id) -> std::optional<std::string> {
            if (!meeting_store::find_entry(c, id)) return std::nullopt;
            return std::string();  // shared by the body's organisations: `permits` decides
          },
          [](std::int64_t id) { return "/meetings/entries/" + std::to_string(id); },
          may_see_entry,
          may_change_entry_files};
}

std::vector<platform::RouteSpec> agenda_routes() {
  return {
      {"GET", "/meetings/{id}", kView, meeting_page},
      {"GET", "/meetings/{id}/minutes", kView, minutes_page},
      {"POST", "/meetings/{id}/entries", kPropose, propose_action},
      {"POST", "/meetings/{id}/review-entries", kRun, review_action},
      {"POST", "/meetings/{id}/publish", kRun, publish_action},
      {"POST", "/meetings/{id}/confirm", kRun, confirm_action},
      {"GET", "/meetings/entries/{id}", kView, entry_page},
      {"POST", "/meetings/entries/{id}/status", kRun, status_action},
      {"POST", "/meetings/entries/{id}/move", kRun, move_action},
      {"POST", "/meetings/entries/{id}/minutes", kRun, minutes_action},
      {"POST", "/meetings/entries/{id}/actions", kRun, action_item_action},
      {"POST", "/meetings/actions/{id}/done", kPropose, done_action},
  };
}

}  // namespace sotong::meetings
