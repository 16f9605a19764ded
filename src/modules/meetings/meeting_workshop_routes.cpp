// Thin handlers of a workshop's programme and opinions: each parses the form, calls one service and goes back
// to the meeting's page; a refusal is the Korean error page (422 with every field's reason for bad input).
#include "modules/meetings/meeting_workshop_routes.hpp"

#include <string>
#include <utility>

#include "core/korean_text.hpp"
#include "modules/meetings/meeting_forms.hpp"
#include "modules/meetings/meeting_permissions.hpp"
#include "modules/meetings/meeting_service.hpp"
#include "modules/meetings/meeting_workshop_service.hpp"
#include "modules/meetings/meeting_workshop_store.hpp"
#include "platform/web/params.hpp"

namespace sotong::meetings {
namespace {
using platform::Context;
using platform::Web;
using render::View;

constexpr const char* kOwnerType = "meeting_presentation";

/// A refusal as one Korean sentence: the message and each field's reason.
Error with_fields(Error error) {
  for (const auto& f : error.fields) error.message += " " + f.message;
  return error;
}

template <typename T>
http::Response back_to(Web& web, Context& ctx, const Result<T>& result, const Result<std::int64_t>& meeting,
                       const std::string& anchor, std::string message) {
  if (!result) return web.error(ctx, with_fields(result.error()));
  if (!meeting) return web.error(ctx, meeting.error());
  return web.redirect_with(ctx, meeting_href(meeting.value()) + anchor, {"success", std::move(message)});
}

std::string name_of(const WorkshopSection& w, std::int64_t id) {
  const auto it = w.names.find(id);
  return it == w.names.end() ? "" : it->second;
}

View options(const WorkshopSection& w, std::optional<std::int64_t> selected) {
  View out = View::list();
  for (const auto& [id, name] : w.organizations)
    out.push(View::object({{"id", id}, {"name", name}, {"selected", selected && *selected == id}}));
  return out;
}

View session_view(const WorkshopSection& w, const WorkshopSession& s, std::size_t index) {
  View v = View::object({{"id", s.id},
                         {"number", static_cast<long long>(index + 1)},
                         {"title", s.title},
                         {"starts_at", s.starts_at},
                         {"ends_at", s.ends_at},
                         {"moderator", s.moderator}});
  if (w.rights.edit_program) {
    v.set("edit_action", "/meetings/sessions/" + std::to_string(s.id));
    v.set("delete_action", "/meetings/sessions/" + std::to_string(s.id) + "/delete");
  }
  return v;
}

View presentation_view(Web& web, const WorkshopSection& w, const Presentation& p, std::size_t index) {
  const std::string base = "/meetings/presentations/" + std::to_string(p.id);
  View v =
      View::object({{"id", p.id},
                    {"number", static_cast<long long>(index + 1)},
                    {"title", p.title},
                    {"organization", name_of(w, p.organization_id)},
                    {"presenter", p.presenter},
                    {"summary", p.summary},
                    {"status", std::string(label_of<PresentationStatus>(kPresentationStatuses, p.status))},
                    {"proposer", name_of(w, p.proposer_id)},
                    {"proposed", p.status != PresentationStatus::accepted}});
  View files = View::list();
  const auto attachments =
      web.db().read([&](store::Connection& c) { return platform::attachments::list(c, kOwnerType, p.id); });
  const bool may_manage = may_manage_presentation_files(w.rights, w.own_organization, p.proposer_id);
  for (const auto& a : attachments) {
    View f = View::object(
        {{"id", a.id}, {"file_name", a.file_name}, {"size", platform::attachments::human_size(a.size)}});
    if (may_manage) f.set("may_delete", true);
    files.push(std::move(f));
  }
  v.set("files", files);
  v.set("has_files", !attachments.empty());
  if (may_manage) v.set("upload", true);
  if (w.rights.edit_program) {
    v.set("status_action", base + "/status");
    v.set("may_accept", p.status != PresentationStatus::accepted);
    v.set("may_decline", p.status != PresentationStatus::declined);
    v.set("edit_action", base);
    v.set("delete_action", base + "/delete");
    v.set("organization_options", options(w, p.organization_id));
  }
  return v;
}

View opinion_view(const WorkshopSection& w, const Opinion& o) {
  std::string from;
  for (const auto id : o.organizations) from += (from.empty() ? "" : ", ") + name_of(w, id);
  View v = View::object({{"id", o.id},
                         {"title", o.title},
                         {"content", o.content},
                         {"domain", std::string(label_of<PolicyDomain>(kPolicyDomains, o.domain))},
                         {"organizations", from},
                         {"source", std::string(label_of<OpinionSource>(kOpinionSources, o.source))}});
  if (o.suggestion_id) {
    v.set("suggestion_href", o.suggestion_href);
    v.set("suggestion_number", *o.suggestion_id);
  } else if (w.rights.turn_opinions) {
    v.set("turn_action", "/meetings/opinions/" + std::to_string(o.id) + "/suggestion");
  }
  return v;
}

http::Response session_add(Web& web, Context& ctx) {
  auto id = platform::path_id(ctx, kNotFound);
  if (!id) return web.error(ctx, id.error());
  const SessionInput input{ctx.form.get("title"), ctx.form.get("starts_at"), ctx.form.get("ends_at"),
                           ctx.form.get("moderator")};
  return back_to(web, ctx, add_session(web.service(ctx), *id, input), *id, "#workshop-sessions",
                 "세션을 등록했습니다.");
}

http::Response session_edit(Web& web, Context& ctx) {
  auto id = platform::path_id(ctx, kNotFound);
  if (!id) return web.error(ctx, id.error());
  const SessionInput input{ctx.form.get("title"), ctx.form.get("starts_at"), ctx.form.get("ends_at"),
                           ctx.form.get("moderator")};
  auto meeting = meeting_of_session(web.service(ctx), *id);
  return back_to(web, ctx, edit_session(web.service(ctx), *id, input), meeting, "#workshop-sessions",
                 "세션을 수정했습니다.");
}

http::Response session_delete(Web& web, Context& ctx) {
  auto id = platform::path_id(ctx, kNotFound);
  if (!id) return web.error(ctx, id.error());
  auto meeting = meeting_of_session(web.service(ctx), *id);
  return back_to(web, ctx, remove_session(web.service(ctx), *id), meeting, "#workshop-sessions",
                 "세션을 삭제했습니다.");
}

PresentationInput presentation_input(const Context& ctx) {
  return {ctx.form.get("title"), read_id(ctx.form, "organization"), ctx.form.get("presenter"),
          ctx.form.get("summary")};
}

http::Response presentation_add(Web& web, Context& ctx) {
  auto id = platform::path_id(ctx, kNotFound);
  if (!id) return web.error(ctx, id.error());
  auto added = add_presentation(web.service(ctx), *id, presentation_input(ctx));
  return back_to(web, ctx, added, *id, "#workshop-presentations", "사례발표를 등록했습니다.");
}

http::Response presentation_edit(Web& web, Context& ctx) {
  auto id = platform::path_id(ctx, kNotFound);
  if (!id) return web.error(ctx, id.error());
  auto meeting = meeting_of_presentation(web.service(ctx), *id);
  return back_to(web, ctx, edit_presentation(web.service(ctx), *id, presentation_input(ctx)), meeting,
                 "#presentation-" + std::to_string(*id), "사례발표를 수정했습니다.");
}

http::Response presentation_status(Web& web, Context& ctx) {
  auto id = platform::path_id(ctx, kNotFound);
  if (!id) return web.error(ctx, id.error());
  const auto status = from_code<PresentationStatus>(kPresentationStatuses, ctx.form.get("status"));
  if (!status || *status == PresentationStatus::proposed)
    return web.error(ctx, Error::invalid("입력 내용을 확인해 주십시오. 채택이나 제외를 골라 주십시오.",
                                         {{"status", "채택이나 제외를 골라 주십시오."}}));
  auto meeting = meeting_of_presentation(web.service(ctx), *id);
  return back_to(web, ctx, decide_presentation(web.service(ctx), *id, *status), meeting,
                 "#presentation-" + std::to_string(*id), "사례발표를 변경했습니다.");
}

http::Response presentation_delete(Web& web, Context& ctx) {
  auto id = platform::path_id(ctx, kNotFound);
  if (!id) return web.error(ctx, id.error());
  auto meeting = meeting_of_presentation(web.service(ctx), *id);
  return back_to(web, ctx, remove_presentation(web.service(ctx), *id), meeting, "#workshop-presentations",
                 "사례발표를 삭제했습니다.");
}

/// Where the attachments route sends the person back: the presentation on its meeting's page.
http::Response presentation_page(Web& web, Context& ctx) {
  auto id = platform::path_id(ctx, kNotFound);
  if (!id) return web.error(ctx, id.error());
  auto meeting = meeting_of_presentation(web.service(ctx), *id);
  if (!meeting) return web.error(ctx, meeting.error());
  return http::Response::redirect(meeting_href(*meeting) + "#presentation-" + std::to_string(*id));
}

http::Response opinion_add(Web& web, Context& ctx) {
  auto id = platform::path_id(ctx, kNotFound);
  if (!id) return web.error(ctx, id.error());
  OpinionInput input{ctx.form.get("title"), ctx.form.get("content"), ctx.form.get("domain"), {}};
  for (const auto& raw : ctx.form.all("organizations"))
    input.organizations.push_back(platform::parse_id(raw));
  return back_to(web, ctx, add_opinion(web.service(ctx), *id, input), *id, "#workshop-opinions",
                 "의견을 등록했습니다.");
}

http::Response opinion_turn(Web& web, Context& ctx) {
  auto id = platform::path_id(ctx, kNotFound);
  if (!id) return web.error(ctx, id.error());
  auto meeting = meeting_of_opinion(web.service(ctx), *id);
  auto turned = turn_opinion(web.service(ctx), *id);
  return back_to(web, ctx, turned, meeting, "#opinion-" + std::to_string(*id),
                 turned ? "의견을 건의사항 " + std::to_string(turned->id) + "번으로 만들었습니다." : "");
}

}  // namespace

void add_workshop_view(Web& web, Context& ctx, std::int64_t meeting_id, View& v) {
  auto section = get_workshop(web.service(ctx), meeting_id);
  if (!section) return;
  const auto& w = *section;
  const std::string href = meeting_href(meeting_id);
  View sessions = View::list();
  for (std::size_t i = 0; i < w.sessions.size(); ++i) sessions.push(session_view(w, w.sessions[i], i));
  View presentations = View::list();
  for (std::size_t i = 0; i < w.presentations.size(); ++i)
    presentations.push(presentation_view(web, w, w.presentations[i], i));
  View opinions = View::list();
  for (const auto& o : w.opinions) opinions.push(opinion_view(w, o));
  View domains = View::list();
  for (const auto& d : kPolicyDomains)
    domains.push(View::object({{"code", std::string(d.code)}, {"label", std::string(d.label)}}));
  View out = View::object({{"sessions", sessions},
                           {"has_sessions", !w.sessions.empty()},
                           {"presentations", presentations},
                           {"has_presentations", !w.presentations.empty()},
                           {"opinions", opinions},
                           {"has_opinions", !w.opinions.empty()},
                           {"domains", domains},
                           {"organization_options", options(w, std::nullopt)}});
  if (w.rights.edit_program) {
    out.set("session_action", href + "/sessions");
    out.set("presentation_action", href + "/presentations");
    out.set("presentation_button", "사례발표 등록");
  } else if (w.rights.propose_presentation) {
    out.set("presentation_action", href + "/presentations");
    out.set("presentation_button", "사례발표 제안");
    out.set("propose_own", true);
    out.set("own_organization", *w.own_organization);
    out.set("own_organization_name", name_of(w, *w.own_organization));
  }
  if (w.rights.record_opinion) {
    out.set("opinion_action", href + "/opinions");
    out.set("choose_organizations", true);
  } else if (w.rights.submit_opinion) {
    out.set("opinion_action", href + "/opinions");
    out.set("own_organization_name", name_of(w, *w.own_organization));
  }
  v.set("workshop", out);
}

std::vector<platform::RouteSpec> workshop_routes() {
  return {
      {"POST", "/meetings/{id}/sessions", kRun, session_add},
      {"POST", "/meetings/sessions/{id}", kRun, session_edit},
      {"POST", "/meetings/sessions/{id}/delete", kRun, session_delete},
      {"POST", "/meetings/{id}/presentations", kPropose, presentation_add},
      {"GET", "/meetings/presentations/{id}", kView, presentation_page},
      {"POST", "/meetings/presentations/{id}", kRun, presentation_edit},
      {"POST", "/meetings/presentations/{id}/status", kRun, presentation_status},
      {"POST", "/meetings/presentations/{id}/delete", kRun, presentation_delete},
      {"POST", "/meetings/{id}/opinions", kPropose, opinion_add},
      {"POST", "/meetings/opinions/{id}/suggestion", kRun, opinion_turn},
  };
}

platform::attachments::OwnerType presentation_attachment_owner() {
  return {kOwnerType,
          "사례발표",
          kView,
          [](store::Connection& c, std::int64_t id) -> std::optional<std::string> {
            if (!workshop_store::find_presentation(c, id)) return std::nullopt;
            return std::string();  // shared by the body's organisations: `permits` decides
          },
          [](std::int64_t id) { return "/meetings/presentations/" + std::to_string(id); },
          may_see_presentation,
          may_change_presentation_files};
}

}  // namespace sotong::meetings
