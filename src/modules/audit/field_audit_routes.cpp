// Thin handlers of field audits and their pre-audit consultation (감사협의), and the audit calendar: each
// parses the request, calls one service and renders HTML or JSON. The table at the end names every route's
// policy action, which the pipeline checks before the handler runs.
#include <boost/json.hpp>

#include "core/korean_text.hpp"
#include "modules/audit/audit_module.hpp"
#include "modules/audit/field_audit_forms.hpp"
#include "modules/audit/field_audit_service.hpp"
#include "modules/audit/field_audit_views.hpp"
#include "modules/audit/finding_service.hpp"
#include "platform/web/web.hpp"

namespace sotong::audit {
namespace {
using platform::Context;
using platform::Web;
using render::View;

const platform::Crumb kListCrumb{"현장감사·감사협의", kFieldListHref};

std::int64_t page_size(const Web& web) {
  return web.module_settings("audit").integer(kPageSize);
}

/// The plan form (new or edit), empty, as stored or as submitted with each field error beside its field.
http::Response form_page(Web& web, Context& ctx, const AuditPlanInput& input, std::int64_t id,
                         const std::vector<FieldError>& errors, int status) {
  View v = plan_form_view(input, auditable_organizations(web.db()), errors);
  v.set("action", id == 0 ? std::string(kFieldListHref) : field_audit_href(id))
      .set("cancel_href", id == 0 ? std::string(kFieldListHref) : field_audit_href(id))
      .set("editing", id != 0);
  const std::string title = id == 0 ? "감사 계획 등록" : "감사 계획 수정";
  return web.render(ctx, "audit/field_form", v, {title, {kListCrumb, {title, ""}}, {}}, status);
}

http::Response list_page(Web& web, Context& ctx) {
  auto filter = read_audit_filter(ctx.query);
  if (!filter) return web.error(ctx, filter.error());
  return web.respond(
      ctx, list_field_audits(web.service(ctx), *filter, page_size(web)), [&](const FieldAuditPage& p) {
        View v = audit_list_view(p, *filter, auditable_organizations(web.db()));
        v.set("may_plan", web.policy().allows(ctx.actor, kFieldManage));
        return web.render(ctx, "audit/field_list", v,
                          {"현장감사·감사협의", {{"컨설팅 감사", "/audit"}, {"현장감사·감사협의", ""}}, {}});
      });
}

http::Response new_page(Web& web, Context& ctx) {
  AuditPlanInput input;
  input.organization_id = ctx.query.get("organization_id");
  return form_page(web, ctx, input, 0, {}, 200);
}

http::Response create_action(Web& web, Context& ctx) {
  const auto input = plan_input_from_form(ctx.form);
  auto created = plan_field_audit(web.service(ctx), input);
  if (!created)
    return web.refuse_form(ctx, created.error(), [&](const std::vector<FieldError>& fields, int status) {
      return form_page(web, ctx, input, 0, fields, status);
    });
  return web.redirect_with(ctx, field_audit_href(*created),
                           {"success", "감사 계획을 등록했습니다. 감사받을 기관에 협의를 요청했습니다."});
}

/// The audit's page; an opinion refused comes back here with its errors beside the fields.
http::Response detail(Web& web, Context& ctx, std::int64_t id, const OpinionInput& opinion,
                      const std::vector<FieldError>& errors, int status) {
  return web.respond(ctx, get_field_audit(web.service(ctx), id), [&](const FieldAuditDetail& d) {
    View v = audit_detail_view(d, findings_of_audit(web.db(), id), web.policy(), ctx.actor, opinion, errors);
    return web.render(ctx, "audit/field_detail", v,
                      {d.audit.plan.title, {kListCrumb, {d.audit.plan.title, ""}}, {}}, status);
  });
}

http::Response detail_page(Web& web, Context& ctx) {
  auto id = platform::path_id(ctx, kNotFound);
  if (!id) return web.error(ctx, id.error());
  return detail(web, ctx, *id, {}, {}, 200);
}

http::Response edit_page(Web& web, Context& ctx) {
  auto found = platform::path_id(ctx, kNotFound).and_then([&](std::int64_t id) {
    return get_field_audit(web.service(ctx), id);
  });
  return web.respond(ctx, std::move(found), [&](const FieldAuditDetail& d) {
    return form_page(web, ctx, plan_input_of(d.audit), d.audit.id, {}, 200);
  });
}

http::Response update_action(Web& web, Context& ctx) {
  auto id = platform::path_id(ctx, kNotFound);
  if (!id) return web.error(ctx, id.error());
  const auto input = plan_input_from_form(ctx.form);
  auto revised = revise_field_audit(web.service(ctx), *id, input);
  if (!revised)
    return web.refuse_form(ctx, revised.error(), [&](const std::vector<FieldError>& fields, int status) {
      auto shown = input;
      if (auto current = get_field_audit(web.service(ctx), *id))
        shown.organization_id = std::to_string(current->audit.organization_id);
      return form_page(web, ctx, shown, *id, fields, status);
    });
  return web.redirect_with(ctx, field_audit_href(*id),
                           {"success", "감사 계획을 수정했습니다. 감사받을 기관에 알렸습니다."});
}

http::Response opinion_action(Web& web, Context& ctx) {
  auto id = platform::path_id(ctx, kNotFound);
  if (!id) return web.error(ctx, id.error());
  const auto input = opinion_input_from_form(ctx.form);
  auto given = give_audit_opinion(web.service(ctx), *id, input);
  if (!given)
    return web.refuse_form(ctx, given.error(), [&](const std::vector<FieldError>& fields, int status) {
      return detail(web, ctx, *id, input, fields, status);
    });
  return web.redirect_with(ctx, field_audit_href(*id),
                           {"success", "의견을 제출했습니다. 감사관실에 알렸습니다."});
}

http::Response agree_action(Web& web, Context& ctx) {
  auto id = platform::path_id(ctx, kNotFound);
  if (!id) return web.error(ctx, id.error());
  auto agreed = agree_field_audit(web.service(ctx), *id);
  if (!agreed) return web.error(ctx, agreed.error());
  return web.redirect_with(ctx, field_audit_href(*id),
                           {"success", "감사 계획에 동의했습니다. 협의를 마쳤습니다."});
}

http::Response finish_action(Web& web, Context& ctx) {
  auto found = platform::path_id(ctx, kNotFound).and_then([&](std::int64_t id) {
    return get_field_audit(web.service(ctx), id);
  });
  if (!found) return web.error(ctx, found.error());
  const auto id = found->audit.id;
  if (auto page =
          web.ask_first(ctx, {"감사를 종료할까요?",
                              "종료한 감사는 다시 열 수 없습니다. 지적사항의 조치 확인은 계속할 수 있습니다.",
                              "감사 종료", field_audit_href(id)}))
    return std::move(*page);
  auto done = finish_field_audit(web.service(ctx), id);
  if (!done) return web.error(ctx, done.error());
  return web.redirect_with(ctx, field_audit_href(id), {"success", "감사를 종료했습니다."});
}

http::Response cancel_action(Web& web, Context& ctx) {
  auto found = platform::path_id(ctx, kNotFound).and_then([&](std::int64_t id) {
    return get_field_audit(web.service(ctx), id);
  });
  if (!found) return web.error(ctx, found.error());
  const auto id = found->audit.id;
  if (auto page =
          web.ask_first(ctx, {"감사를 취소할까요?",
                              "취소한 감사는 되돌릴 수 없습니다. 감사받을 기관에 취소 사유를 알립니다.",
                              "감사 취소", field_audit_href(id)}))
    return std::move(*page);
  auto cancelled = cancel_field_audit(web.service(ctx), id, ctx.form.get("reason"));
  if (!cancelled)
    return web.refuse_form(ctx, cancelled.error(), [&](const std::vector<FieldError>& fields, int status) {
      return detail(web, ctx, id, {}, fields, status);
    });
  return web.redirect_with(ctx, field_audit_href(id),
                           {"success", "감사를 취소했습니다. 감사받을 기관에 알렸습니다."});
}

http::Response calendar_page(Web& web, Context& ctx) {
  auto year = read_year(ctx.query, seoul_today().year);
  if (!year) return web.error(ctx, year.error());
  return web.respond(ctx, audit_calendar(web.service(ctx), **year), [&](const AuditCalendar& calendar) {
    return web.render(ctx, "audit/field_calendar", calendar_view(calendar),
                      {std::to_string(calendar.year) + "년 감사 일정", {kListCrumb, {"감사 일정", ""}}, {}});
  });
}

http::Response api_list(Web& web, Context& ctx) {
  auto filter = read_audit_filter(ctx.query);
  if (!filter) return web.error(ctx, filter.error());
  return web.respond(
      ctx, list_field_audits(web.service(ctx), *filter, page_size(web)), [&](const FieldAuditPage& p) {
        boost::json::array items;
        for (const auto& a : p.items) items.push_back(audit_json(a));
        boost::json::value next = nullptr;
        if (p.next_before != 0) next = p.next_before;
        return web.json(ctx,
                        boost::json::serialize(boost::json::object{{"items", items}, {"next_before", next}}));
      });
}

http::Response api_get(Web& web, Context& ctx) {
  auto found = platform::path_id(ctx, kNotFound).and_then([&](std::int64_t id) {
    return get_field_audit(web.service(ctx), id);
  });
  return web.respond(ctx, std::move(found), [&](const FieldAuditDetail& d) {
    auto body = audit_json(d.audit);
    boost::json::array findings;
    for (const auto& f : findings_of_audit(web.db(), d.audit.id)) findings.push_back(finding_json(f));
    body["findings"] = std::move(findings);
    return web.json(ctx, boost::json::serialize(body));
  });
}

}  // namespace

std::vector<platform::RouteSpec> field_audit_routes() {
  using platform::RouteKind;
  return {
      {"GET", "/audit/field", kFieldView, list_page},
      {"GET", "/audit/field/new", kFieldManage, new_page},
      {"POST", "/audit/field", kFieldManage, create_action},
      {"GET", "/audit/field/{id}", kFieldView, detail_page},
      {"GET", "/audit/field/{id}/edit", kFieldManage, edit_page},
      {"POST", "/audit/field/{id}", kFieldManage, update_action},
      {"POST", "/audit/field/{id}/opinions", kFieldRespond, opinion_action},
      {"POST", "/audit/field/{id}/agree", kFieldRespond, agree_action},
      {"POST", "/audit/field/{id}/finish", kFieldManage, finish_action},
      {"POST", "/audit/field/{id}/cancel", kFieldManage, cancel_action},
      {"GET", "/audit/calendar", kFieldView, calendar_page},
      {"GET", "/api/v1/audit/field-audits", kFieldView, api_list, RouteKind::api},
      {"GET", "/api/v1/audit/field-audits/{id}", kFieldView, api_get, RouteKind::api},
  };
}

}  // namespace sotong::audit
