// Thin handlers of the standing consultation (상시 감사 컨설팅): each parses the request, calls one service
// and renders HTML or JSON. The table at the end names every route's policy action, which the pipeline checks
// before the handler; the services then check the consultation's organisation or the expert's invitation.
#include <boost/json.hpp>

#include "core/clock.hpp"
#include "core/korean_text.hpp"
#include "modules/audit/audit_module.hpp"
#include "modules/audit/audit_permissions.hpp"
#include "modules/audit/consultation_forms.hpp"
#include "modules/audit/consultation_rules.hpp"
#include "modules/audit/consultation_service.hpp"
#include "platform/attachments/attachments_page.hpp"
#include "platform/calendar/holiday.hpp"
#include "platform/exports/list_export.hpp"
#include "platform/web/web.hpp"

namespace sotong::audit {
namespace {
using platform::Context;
using platform::Web;
using render::View;

constexpr const char* kListHref = "/audit/consultations";
constexpr const char* kAdviceHref = "/audit/advice";
constexpr std::int64_t kExportLimit = 20000;

std::int64_t page_size(const Web& web) {
  return web.module_settings("audit").integer(kPageSize);
}

std::string advice_href(std::int64_t id) {
  return std::string(kAdviceHref) + "/" + std::to_string(id);
}

const char* state_badge(ConsultationState s) {
  switch (s) {
    case ConsultationState::notified:
      return "bg-light-success";
    case ConsultationState::requested:
      return "bg-light-gray";
    default:
      return "bg-light-primary";
  }
}

View row_view(const Consultation& r, CivilDate today) {
  return View::object({{"id", r.id},
                       {"href", consultation_href(r.id)},
                       {"advice_href", advice_href(r.id)},
                       {"title", r.title},
                       {"state_label", consultation_state_label(r.state)},
                       {"state_badge", state_badge(r.state)},
                       {"organization_name", r.organization_name},
                       {"kind_label", consultation_kind_label(r.kind)},
                       {"asked_on", format_seoul_date(r.asked_at)},
                       {"due_date", platform::calendar::format_date(r.due_date)},
                       {"overdue", is_overdue(r.state, r.due_date, today)}});
}

platform::exports::Table list_table(const std::vector<Consultation>& items, CivilDate today) {
  platform::exports::Table t;
  t.title = "감사 컨설팅 목록";
  t.columns = {{"번호", 8, platform::exports::ColumnKind::number},
               {"제목", 40},
               {"단계", 14},
               {"요청 기관", 16},
               {"요청 유형", 14},
               {"요청일", 12, platform::exports::ColumnKind::date},
               {"회신 기한", 12, platform::exports::ColumnKind::date},
               {"기한 지남", 10},
               {"법적 근거", 30}};
  for (const auto& r : items)
    t.rows.push_back({std::to_string(r.id), r.title, std::string(consultation_state_label(r.state)),
                      r.organization_name, std::string(consultation_kind_label(r.kind)),
                      format_seoul_date(r.asked_at), platform::calendar::format_date(r.due_date),
                      is_overdue(r.state, r.due_date, today) ? "예" : "", r.legal_basis});
  return t;
}

View views_of(const ConsultationFilter& f) {
  struct Tab {
    const char* view;
    const char* label;
  };
  const bool plain = !f.state && !f.kind && f.text.empty();
  View out = View::list();
  for (const Tab& t : {Tab{"", "전체"}, Tab{"open", "회신 대기"}, Tab{"overdue", "기한 지남"}}) {
    const std::string view = t.view;
    const std::string href = std::string(kListHref) + (view.empty() ? "" : "?view=" + view);
    out.push(View::object({{"href", href}, {"label", t.label}, {"current", plain && f.view == view}}));
  }
  return out;
}

View filter_view(const ConsultationFilter& f) {
  View states = View::list();
  for (const auto& s : kConsultationStates)
    states.push(View::object({{"code", s.code}, {"label", s.label}, {"selected", f.state == s.value}}));
  View kinds = View::list();
  for (const auto& k : kConsultationKinds)
    kinds.push(View::object({{"code", k.code}, {"label", k.label}, {"selected", f.kind == k.value}}));
  return View::object(
      {{"states", states}, {"kinds", kinds}, {"q", f.text}, {"view", f.view}, {"views", views_of(f)}});
}

http::Response list_page(Web& web, Context& ctx) {
  auto filter = consultation_filter_from_query(ctx.query);
  if (!filter) return web.error(ctx, filter.error());
  const bool exporting = platform::exports::requested_format(ctx.query).has_value();
  auto page = list_consultations(web.service(ctx), *filter, exporting ? 0 : consultation_before(ctx.query),
                                 exporting ? kExportLimit : page_size(web));
  return web.respond(ctx, std::move(page), [&](const ConsultationPage& p) {
    if (auto file = platform::exports::export_if_requested(
            web, ctx, {"audit_consultation", "감사 컨설팅 목록", "audit-consultations"},
            [&] { return list_table(p.items, p.today); }))
      return std::move(*file);
    View rows = View::list();
    for (const auto& r : p.items) rows.push(row_view(r, p.today));
    View v = filter_view(*filter);
    v.set("records", rows)
        .set("may_ask", web.policy().allows(ctx.actor, kConsultationAsk))
        .set("due_days", static_cast<long long>(kAnswerWorkingDays));
    if (p.next_before != 0) {
      const std::string query = consultation_filter_query(*filter);
      v.set("next_href", std::string(kListHref) + "?" + query + (query.empty() ? "" : "&") +
                             "before=" + std::to_string(p.next_before));
    }
    platform::exports::add_export_links(v, ctx);
    return web.render(ctx, "audit/consultation_list", v,
                      {"감사 컨설팅", {{"컨설팅 감사", "/audit"}, {"감사 컨설팅", ""}}, {}});
  });
}

http::Response form_page(Web& web, Context& ctx, const ConsultationInput& input,
                         const std::vector<FieldError>& errors, int status) {
  View kinds = View::list();
  for (const auto& k : kConsultationKinds)
    kinds.push(View::object({{"code", k.code}, {"label", k.label}, {"selected", input.kind == k.code}}));
  View v = View::object({{"kinds", kinds},
                         {"title", input.title},
                         {"question", input.question},
                         {"law", input.law},
                         {"title_max", static_cast<long long>(kConsultationTitleMax)},
                         {"question_max", static_cast<long long>(kConsultationQuestionMax)},
                         {"law_max", static_cast<long long>(kConsultationLawMax)},
                         {"due_days", static_cast<long long>(kAnswerWorkingDays)},
                         {"errors", platform::errors_view(errors)}});
  for (const auto& e : errors) v.set("error_" + e.field, e.message);
  return web.render(
      ctx, "audit/consultation_form", v,
      {"감사 컨설팅 요청", {{"컨설팅 감사", "/audit"}, {"감사 컨설팅", kListHref}, {"요청", ""}}, {}},
      status);
}

http::Response new_page(Web& web, Context& ctx) {
  return form_page(web, ctx, {.kind = "interpretation"}, {}, 200);
}

http::Response create_action(Web& web, Context& ctx) {
  const auto input = consultation_input_from_form(ctx.form);
  auto created = ask_consultation(web.service(ctx), input);
  if (!created)
    return web.refuse_form(ctx, created.error(), [&](const std::vector<FieldError>& fields, int status) {
      return form_page(web, ctx, input, fields, status);
    });
  return web.redirect_with(
      ctx, consultation_href(*created) + "#attachments",
      {"success", "감사 컨설팅을 요청했습니다. 관련 문서가 있으면 아래에서 올려 주십시오."});
}

/// What the reader may do on the page: the audit office's forms, an expert's opinion form.
struct PageMode {
  bool office = false;
  bool expert = false;
};

View file_view(Web& web, Context& ctx, const ConsultationFile& f, PageMode mode) {
  const auto& r = f.record;
  View v = row_view(r, seoul_today());
  v.set("kind_label", consultation_kind_label(r.kind))
      .set("question", r.question)
      .set("law", r.law)
      .set("asked_by_name", r.asked_by_name)
      .set("asked_at", format_seoul_minute(r.asked_at))
      .set("overdue", f.overdue)
      .set("list_href", mode.expert ? kAdviceHref : kListHref)
      .set("notified", r.state == ConsultationState::notified)
      .set("legal_basis", r.legal_basis)
      .set("answer", r.answer)
      .set("answered_by_name", r.answered_by_name)
      .set("answered_at", r.answered_at ? format_seoul_minute(*r.answered_at) : std::string());
  if (r.case_id) v.set("case_href", "/audit/cases/" + std::to_string(*r.case_id));
  std::string experts;
  for (const auto& e : f.experts) experts += (experts.empty() ? "" : ", ") + e.name;
  // The asking organisation sees that experts were consulted only when the opinions are shared.
  v.set("has_experts", !experts.empty() && f.opinions_visible).set("expert_names", experts);
  View steps = View::list();
  for (const auto& s : f.steps) {
    const bool back = s.from && static_cast<int>(s.to) < static_cast<int>(*s.from);
    steps.push(View::object(
        {{"label", s.from ? std::string(consultation_state_label(s.to)) : std::string("요구 (요청 등록)")},
         {"back", back},
         {"note", s.note},
         {"at", format_seoul_minute(s.moved_at)},
         {"actor", s.moved_by_name}}));
  }
  v.set("steps", steps);
  View opinions = View::list();
  for (const auto& o : f.opinions)
    opinions.push(View::object({{"author_name", o.author_name},
                                {"body", o.body},
                                {"created_at", format_seoul_minute(o.created_at)}}));
  v.set("opinions", opinions)
      .set("opinions_visible", f.opinions_visible)
      .set("office_or_expert", mode.office || mode.expert)
      .set("shared", r.share_opinions && r.state == ConsultationState::notified)
      .set("may_opinion", (mode.office || mode.expert) && may_add_opinion(r.state))
      .set("opinion_action",
           mode.expert ? advice_href(r.id) + "/opinions" : consultation_href(r.id) + "/opinions")
      .set("opinion_max", static_cast<long long>(kOpinionMax));
  v.set("office", mode.office);
  if (mode.office) {
    View targets = View::list();
    for (ConsultationState t : step_targets(r.state))
      targets.push(
          View::object({{"code", consultation_state_code(t)}, {"label", consultation_state_label(t)}}));
    const bool may_invite = may_invite_experts(r.state);
    View choices = View::list();
    if (may_invite)
      for (const auto& e : web.db().read([&](store::Connection& c) { return expert_choices(c); }))
        choices.push(View::object({{"id", e.id}, {"name", e.name}}));
    const bool may_register =
        r.state == ConsultationState::notified && !r.case_id && web.policy().allows(ctx.actor, kCaseManage);
    v.set("targets", targets)
        .set("has_targets", !targets.empty_list())
        .set("may_invite", may_invite)
        .set("expert_choices", choices)
        .set("may_answer", r.state == ConsultationState::checking)
        .set("may_register_case", may_register)
        .set("nothing_to_do", r.state == ConsultationState::notified && !may_register)
        .set("note_max", static_cast<long long>(kStepNoteMax))
        .set("legal_basis_max", static_cast<long long>(kLegalBasisMax))
        .set("answer_max", static_cast<long long>(kAnswerMax));
  }
  return v;
}

/// The page of one consultation; after a refused form, with its errors beside its fields (422) and the
/// form's panel open with what was typed.
http::Response file_page(Web& web, Context& ctx, std::int64_t id, PageMode mode,
                         const std::vector<FieldError>& errors, int status, const char* panel = "") {
  const auto svc = web.service(ctx);
  auto file = mode.expert ? open_invited_consultation(svc, id) : open_consultation(svc, id);
  return web.respond(ctx, std::move(file), [&](const ConsultationFile& f) {
    View v = file_view(web, ctx, f, mode);
    v.set("errors", platform::errors_view(errors));
    for (const auto& e : errors) v.set("error_" + e.field, e.message);
    const std::string open = panel;
    v.set("open_step", open == "step")
        .set("open_invite", open == "invite")
        .set("open_answer", open == "answer");
    if (open == "step") v.set("note", ctx.form.get("note"));
    if (open == "answer")
      v.set("answer_legal_basis", ctx.form.get("legal_basis"))
          .set("answer_text", ctx.form.get("answer"))
          .set("answer_share", ctx.form.get("share_opinions") == "1");
    if (open == "opinion") v.set("opinion_body", ctx.form.get("body"));
    bool may_attach = false;
    web.db().read([&](store::Connection& c) {
      platform::attachments::add_to_page(web, ctx, v, c, "audit_consultation", id);
      may_attach = may_change_consultation_files(c, web.policy(), ctx.actor, id);
      return 0;
    });
    v.set("may_attach", may_attach);
    const auto& r = f.record;
    const std::string list = mode.expert ? kAdviceHref : kListHref;
    return web.render(ctx, "audit/consultation_detail", v,
                      {r.title,
                       {{"컨설팅 감사", "/audit"},
                        {mode.expert ? "초청받은 감사 컨설팅" : "감사 컨설팅", list},
                        {r.title, ""}},
                       {}},
                      status);
  });
}

PageMode office_mode(const Web& web, const Context& ctx) {
  return {web.policy().allows(ctx.actor, kConsultationHandle), false};
}

http::Response detail_page(Web& web, Context& ctx) {
  auto id = platform::path_id(ctx, kConsultationNotFound);
  if (!id) return web.error(ctx, id.error());
  return file_page(web, ctx, *id, office_mode(web, ctx), {}, 200);
}

/// Runs one of the audit office's forms on the page and answers with the page again (its errors beside the
/// form's fields) or back to it with `flash`.
template <typename F>
http::Response office_action(Web& web, Context& ctx, const char* panel, F&& act) {
  auto id = platform::path_id(ctx, kConsultationNotFound);
  if (!id) return web.error(ctx, id.error());
  auto done = act(*id);
  if (!done)
    return web.refuse_form(ctx, done.error(), [&](const std::vector<FieldError>& fields, int status) {
      return file_page(web, ctx, *id, office_mode(web, ctx), fields, status, panel);
    });
  return web.redirect_with(ctx, consultation_href(*id), {"success", *done});
}

http::Response step_action(Web& web, Context& ctx) {
  return office_action(web, ctx, "step", [&](std::int64_t id) {
    return move_consultation(web.service(ctx), id, step_input_from_form(ctx.form));
  });
}

http::Response invite_action(Web& web, Context& ctx) {
  return office_action(web, ctx, "invite", [&](std::int64_t id) {
    return invite_consultation_expert(web.service(ctx), id, ctx.form.get("expert"));
  });
}

http::Response office_opinion_action(Web& web, Context& ctx) {
  return office_action(web, ctx, "opinion", [&](std::int64_t id) -> Result<std::string> {
    auto done = add_consultation_opinion(web.service(ctx), id, ctx.form.get("body"));
    if (!done) return done.error();
    return std::string("분석 의견을 등록했습니다.");
  });
}

http::Response answer_action(Web& web, Context& ctx) {
  auto id = platform::path_id(ctx, kConsultationNotFound);
  if (!id) return web.error(ctx, id.error());
  // Asked only when the consultation is there for this person: otherwise the service answers not found.
  auto file = open_consultation(web.service(ctx), *id);
  if (!file) return web.error(ctx, file.error());
  if (auto page = web.ask_first(
          ctx, {"결과를 통보할까요?", "통보하면 요청 기관에 알리고, 더는 단계를 바꿀 수 없습니다.",
                "결과통보", consultation_href(*id)}))
    return std::move(*page);
  return office_action(web, ctx, "answer", [&](std::int64_t cid) -> Result<std::string> {
    auto done = answer_consultation(web.service(ctx), cid, answer_input_from_form(ctx.form));
    if (!done) return done.error();
    return std::string("결과를 통보했습니다. 요청 기관에 알렸습니다.");
  });
}

http::Response advice_list_page(Web& web, Context& ctx) {
  auto page = list_invited_consultations(web.service(ctx), consultation_before(ctx.query), page_size(web));
  return web.respond(ctx, std::move(page), [&](const ConsultationPage& p) {
    View rows = View::list();
    for (const auto& r : p.items) rows.push(row_view(r, p.today));
    View v = View::object({{"records", rows}});
    if (p.next_before != 0)
      v.set("next_href", std::string(kAdviceHref) + "?before=" + std::to_string(p.next_before));
    return web.render(
        ctx, "audit/advice_list", v,
        {"초청받은 감사 컨설팅", {{"컨설팅 감사", "/audit"}, {"초청받은 감사 컨설팅", ""}}, {}});
  });
}

http::Response advice_page(Web& web, Context& ctx) {
  auto id = platform::path_id(ctx, kConsultationNotFound);
  if (!id) return web.error(ctx, id.error());
  return file_page(web, ctx, *id, {false, true}, {}, 200);
}

http::Response advice_opinion_action(Web& web, Context& ctx) {
  auto id = platform::path_id(ctx, kConsultationNotFound);
  if (!id) return web.error(ctx, id.error());
  auto done = add_consultation_opinion(web.service(ctx), *id, ctx.form.get("body"));
  if (!done)
    return web.refuse_form(ctx, done.error(), [&](const std::vector<FieldError>& fields, int status) {
      return file_page(web, ctx, *id, {false, true}, fields, status, "opinion");
    });
  return web.redirect_with(ctx, advice_href(*id) + "#opinions", {"success", "분석 의견을 등록했습니다."});
}

boost::json::object consultation_json(const Consultation& r, CivilDate today) {
  boost::json::object o{{"id", r.id},
                        {"organization_id", r.organization_id},
                        {"organization_name", r.organization_name},
                        {"kind", code_of<ConsultationKind>(kConsultationKinds, r.kind)},
                        {"title", r.title},
                        {"question", r.question},
                        {"law", r.law},
                        {"state", consultation_state_code(r.state)},
                        {"due_date", platform::calendar::format_date(r.due_date)},
                        {"overdue", is_overdue(r.state, r.due_date, today)},
                        {"asked_by", r.asked_by},
                        {"asked_at", format_iso_utc(r.asked_at)},
                        {"legal_basis", nullptr},
                        {"answer", nullptr},
                        {"answered_at", nullptr}};
  if (r.state == ConsultationState::notified) {
    o["legal_basis"] = r.legal_basis;
    o["answer"] = r.answer;
    if (r.answered_at) o["answered_at"] = format_iso_utc(*r.answered_at);
  }
  return o;
}

http::Response api_list(Web& web, Context& ctx) {
  auto filter = consultation_filter_from_query(ctx.query);
  if (!filter) return web.error(ctx, filter.error());
  auto page = list_consultations(web.service(ctx), *filter, consultation_before(ctx.query), page_size(web));
  return web.respond(ctx, std::move(page), [&](const ConsultationPage& p) {
    boost::json::array items;
    for (const auto& r : p.items) items.push_back(consultation_json(r, p.today));
    boost::json::value next = nullptr;
    if (p.next_before != 0) next = p.next_before;
    return web.json(ctx,
                    boost::json::serialize(boost::json::object{{"items", items}, {"next_before", next}}));
  });
}

http::Response api_get(Web& web, Context& ctx) {
  auto file = platform::path_id(ctx, kConsultationNotFound).and_then([&](std::int64_t id) {
    return open_consultation(web.service(ctx), id);
  });
  return web.respond(ctx, std::move(file), [&](const ConsultationFile& f) {
    auto o = consultation_json(f.record, seoul_today());
    boost::json::array steps;
    for (const auto& s : f.steps)
      steps.push_back({{"from", s.from ? boost::json::value(consultation_state_code(*s.from)) : nullptr},
                       {"to", consultation_state_code(s.to)},
                       {"note", s.note},
                       {"moved_by_name", s.moved_by_name},
                       {"moved_at", format_iso_utc(s.moved_at)}});
    o["steps"] = std::move(steps);
    return web.json(ctx, boost::json::serialize(o));
  });
}

}  // namespace

std::vector<platform::RouteSpec> consultation_routes() {
  using platform::RouteKind;
  return {
      {"GET", "/audit/consultations", kConsultationView, list_page},
      {"GET", "/audit/consultations/new", kConsultationAsk, new_page},
      {"POST", "/audit/consultations", kConsultationAsk, create_action},
      {"GET", "/audit/consultations/{id}", kConsultationView, detail_page},
      {"POST", "/audit/consultations/{id}/steps", kConsultationHandle, step_action},
      {"POST", "/audit/consultations/{id}/experts", kConsultationHandle, invite_action},
      {"POST", "/audit/consultations/{id}/opinions", kConsultationHandle, office_opinion_action},
      {"POST", "/audit/consultations/{id}/answer", kConsultationHandle, answer_action},
      {"GET", "/audit/advice", kConsultationAdvise, advice_list_page},
      {"GET", "/audit/advice/{id}", kConsultationAdvise, advice_page},
      {"POST", "/audit/advice/{id}/opinions", kConsultationAdvise, advice_opinion_action},
      {"GET", "/api/v1/audit/consultations", kConsultationView, api_list, RouteKind::api},
      {"GET", "/api/v1/audit/consultations/{id}", kConsultationView, api_get, RouteKind::api},
  };
}

}  // namespace sotong::audit
