// Thin handlers of the audit-case library (감사사례): the list with its filters, one entry, the audit
// office's form (by hand, or the anonymised draft of a notified consultation), and the JSON API. The table at
// the end names every route's policy action.
#include <boost/json.hpp>

#include "core/clock.hpp"
#include "modules/audit/audit_case_forms.hpp"
#include "modules/audit/audit_case_rules.hpp"
#include "modules/audit/audit_case_service.hpp"
#include "modules/audit/audit_module.hpp"
#include "modules/audit/audit_permissions.hpp"
#include "modules/audit/consultation_service.hpp"
#include "platform/web/params.hpp"
#include "platform/web/web.hpp"

namespace sotong::audit {
namespace {
using platform::Context;
using platform::Web;
using render::View;

constexpr const char* kListHref = "/audit/cases";

std::int64_t page_size(const Web& web) {
  return web.module_settings("audit").integer(kPageSize);
}

View entry_view(const AuditCase& e) {
  return View::object({{"id", e.id},
                       {"href", case_href(e.id)},
                       {"title", e.title},
                       {"type_label", case_type_label(e.case_type)},
                       {"area_label", case_area_label(e.area)},
                       {"legal_basis", e.legal_basis},
                       {"summary", e.summary},
                       {"prevention", e.prevention},
                       {"year", static_cast<long long>(e.year)},
                       {"from_consultation", e.consultation_id.has_value()}});
}

template <typename E, std::size_t N>
View choices(const std::array<Term<E>, N>& terms, std::string_view selected) {
  View out = View::list();
  for (const auto& t : terms)
    out.push(View::object({{"code", t.code}, {"label", t.label}, {"selected", t.code == selected}}));
  return out;
}

http::Response list_page(Web& web, Context& ctx) {
  auto filter = case_filter_from_query(ctx.query);
  if (!filter) return web.error(ctx, filter.error());
  const auto before = platform::parse_id(ctx.query.get("before")).value_or(0);
  auto page = list_cases(web.service(ctx), *filter, before, page_size(web));
  return web.respond(ctx, std::move(page), [&](const AuditCasePage& p) {
    View rows = View::list();
    for (const auto& e : p.items) rows.push(entry_view(e));
    const std::string type = filter->case_type ? std::string(case_type_code(*filter->case_type)) : "";
    const std::string area = filter->area ? std::string(case_area_code(*filter->area)) : "";
    View v = View::object({{"records", rows},
                           {"types", choices(kCaseTypes, type)},
                           {"areas", choices(kCaseAreas, area)},
                           {"q", filter->text},
                           {"may_manage", web.policy().allows(ctx.actor, kCaseManage)}});
    if (p.next_before != 0) {
      const std::string query = case_filter_query(*filter);
      v.set("next_href", std::string(kListHref) + "?" + query + (query.empty() ? "" : "&") +
                             "before=" + std::to_string(p.next_before));
    }
    return web.render(ctx, "audit/case_list", v,
                      {"감사사례", {{"컨설팅 감사", "/audit"}, {"감사사례", ""}}, {}});
  });
}

http::Response detail_page(Web& web, Context& ctx) {
  auto entry = platform::path_id(ctx, kCaseNotFound).and_then([&](std::int64_t id) {
    return get_case(web.service(ctx), id);
  });
  return web.respond(ctx, std::move(entry), [&](const AuditCase& e) {
    View v = entry_view(e);
    v.set("may_manage", web.policy().allows(ctx.actor, kCaseManage));
    return web.render(ctx, "audit/case_detail", v,
                      {e.title, {{"컨설팅 감사", "/audit"}, {"감사사례", kListHref}, {e.title, ""}}, {}});
  });
}

struct FormPlace {
  std::string action;
  std::string cancel_href;
  std::string heading;
  std::string submit_label;
  bool from_consultation = false;
};

http::Response form_page(Web& web, Context& ctx, const AuditCaseInput& input, const FormPlace& place,
                         const std::vector<FieldError>& errors, int status) {
  View v = View::object({{"action", place.action},
                         {"cancel_href", place.cancel_href},
                         {"submit_label", place.submit_label},
                         {"from_consultation", place.from_consultation},
                         {"title", input.title},
                         {"types", choices(kCaseTypes, input.case_type)},
                         {"areas", choices(kCaseAreas, input.area)},
                         {"legal_basis", input.legal_basis},
                         {"summary", input.summary},
                         {"prevention", input.prevention},
                         {"year", input.year},
                         {"title_max", static_cast<long long>(kCaseTitleMax)},
                         {"legal_basis_max", static_cast<long long>(kCaseLegalBasisMax)},
                         {"text_max", static_cast<long long>(kCaseTextMax)},
                         {"errors", platform::errors_view(errors)}});
  for (const auto& e : errors) v.set("error_" + e.field, e.message);
  return web.render(
      ctx, "audit/case_form", v,
      {place.heading, {{"컨설팅 감사", "/audit"}, {"감사사례", kListHref}, {place.heading, ""}}, {}}, status);
}

FormPlace new_place() {
  return {kListHref, kListHref, "감사사례 등록", "등록", false};
}

FormPlace edit_place(std::int64_t id) {
  return {case_href(id), case_href(id), "감사사례 수정", "저장", false};
}

FormPlace consultation_place(std::int64_t consultation_id) {
  return {consultation_href(consultation_id) + "/case", consultation_href(consultation_id), "감사사례로 등록",
          "공개", true};
}

http::Response new_page(Web& web, Context& ctx) {
  AuditCaseInput input;
  input.year = std::to_string(seoul_today().year);
  return form_page(web, ctx, input, new_place(), {}, 200);
}

http::Response create_action(Web& web, Context& ctx) {
  const auto input = case_input_from_form(ctx.form);
  auto created = create_case(web.service(ctx), input);
  if (!created)
    return web.refuse_form(ctx, created.error(), [&](const std::vector<FieldError>& fields, int status) {
      return form_page(web, ctx, input, new_place(), fields, status);
    });
  return web.redirect_with(ctx, case_href(*created), {"success", "감사사례를 등록했습니다."});
}

AuditCaseInput input_of(const AuditCase& e) {
  return {e.title,
          std::string(case_type_code(e.case_type)),
          std::string(case_area_code(e.area)),
          e.legal_basis,
          e.summary,
          e.prevention,
          std::to_string(e.year)};
}

http::Response edit_page(Web& web, Context& ctx) {
  auto entry = platform::path_id(ctx, kCaseNotFound).and_then([&](std::int64_t id) {
    return get_case(web.service(ctx), id);
  });
  return web.respond(ctx, std::move(entry), [&](const AuditCase& e) {
    return form_page(web, ctx, input_of(e), edit_place(e.id), {}, 200);
  });
}

http::Response update_action(Web& web, Context& ctx) {
  auto id = platform::path_id(ctx, kCaseNotFound);
  if (!id) return web.error(ctx, id.error());
  const auto input = case_input_from_form(ctx.form);
  auto done = update_case(web.service(ctx), *id, input);
  if (!done)
    return web.refuse_form(ctx, done.error(), [&](const std::vector<FieldError>& fields, int status) {
      return form_page(web, ctx, input, edit_place(*id), fields, status);
    });
  return web.redirect_with(ctx, case_href(*id), {"success", "감사사례를 수정했습니다."});
}

http::Response draft_page(Web& web, Context& ctx) {
  auto draft = platform::path_id(ctx, kConsultationNotFound).and_then([&](std::int64_t id) {
    return draft_case_from_consultation(web.service(ctx), id);
  });
  return web.respond(ctx, std::move(draft), [&](const CaseDraft& d) {
    return form_page(web, ctx, d.input, consultation_place(d.consultation.id), {}, 200);
  });
}

http::Response register_action(Web& web, Context& ctx) {
  auto id = platform::path_id(ctx, kConsultationNotFound);
  if (!id) return web.error(ctx, id.error());
  // The draft is there for this person, or the refusal (not found, already registered) answers first.
  auto draft = draft_case_from_consultation(web.service(ctx), *id);
  if (!draft) return web.error(ctx, draft.error());
  if (auto page = web.ask_first(ctx, {"감사사례로 공개할까요?",
                                      "공개하면 모든 직원이 이 사례를 읽고 검색합니다. 기관명과 이름이 남지 "
                                      "않았는지 확인했습니까?",
                                      "공개", consultation_href(*id)}))
    return std::move(*page);
  const auto input = case_input_from_form(ctx.form);
  auto created = register_case_from_consultation(web.service(ctx), *id, input);
  if (!created)
    return web.refuse_form(ctx, created.error(), [&](const std::vector<FieldError>& fields, int status) {
      return form_page(web, ctx, input, consultation_place(*id), fields, status);
    });
  return web.redirect_with(ctx, case_href(*created), {"success", "감사사례로 공개했습니다."});
}

boost::json::object case_json(const AuditCase& e) {
  return {{"id", e.id},
          {"title", e.title},
          {"case_type", case_type_code(e.case_type)},
          {"area", case_area_code(e.area)},
          {"legal_basis", e.legal_basis},
          {"summary", e.summary},
          {"prevention", e.prevention},
          {"year", e.year},
          {"from_consultation", e.consultation_id.has_value()},
          {"updated_at", format_iso_utc(e.updated_at)}};
}

http::Response api_list(Web& web, Context& ctx) {
  auto filter = case_filter_from_query(ctx.query);
  if (!filter) return web.error(ctx, filter.error());
  const auto before = platform::parse_id(ctx.query.get("before")).value_or(0);
  auto page = list_cases(web.service(ctx), *filter, before, page_size(web));
  return web.respond(ctx, std::move(page), [&](const AuditCasePage& p) {
    boost::json::array items;
    for (const auto& e : p.items) items.push_back(case_json(e));
    boost::json::value next = nullptr;
    if (p.next_before != 0) next = p.next_before;
    return web.json(ctx,
                    boost::json::serialize(boost::json::object{{"items", items}, {"next_before", next}}));
  });
}

http::Response api_get(Web& web, Context& ctx) {
  auto entry = platform::path_id(ctx, kCaseNotFound).and_then([&](std::int64_t id) {
    return get_case(web.service(ctx), id);
  });
  return web.respond(ctx, std::move(entry),
                     [&](const AuditCase& e) { return web.json(ctx, boost::json::serialize(case_json(e))); });
}

}  // namespace

std::vector<platform::RouteSpec> audit_case_routes() {
  using platform::RouteKind;
  return {
      {"GET", "/audit/cases", kCaseView, list_page},
      {"GET", "/audit/cases/new", kCaseManage, new_page},
      {"POST", "/audit/cases", kCaseManage, create_action},
      {"GET", "/audit/cases/{id}", kCaseView, detail_page},
      {"GET", "/audit/cases/{id}/edit", kCaseManage, edit_page},
      {"POST", "/audit/cases/{id}", kCaseManage, update_action},
      {"GET", "/audit/consultations/{id}/case", kCaseManage, draft_page},
      {"POST", "/audit/consultations/{id}/case", kCaseManage, register_action},
      {"GET", "/api/v1/audit/cases", kCaseView, api_list, RouteKind::api},
      {"GET", "/api/v1/audit/cases/{id}", kCaseView, api_get, RouteKind::api},
  };
}

}  // namespace sotong::audit
