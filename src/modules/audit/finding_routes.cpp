// Thin handlers of a field audit's findings (지적사항), their follow-up and the year's figures per
// organisation: each parses the request, calls one service and renders HTML, a download or JSON. The table at
// the end names every route's policy action.
#include <boost/json.hpp>

#include "modules/audit/audit_module.hpp"
#include "modules/audit/field_audit_forms.hpp"
#include "modules/audit/field_audit_service.hpp"
#include "modules/audit/field_audit_views.hpp"
#include "modules/audit/finding_service.hpp"
#include "platform/attachments/attachments_page.hpp"
#include "platform/exports/list_export.hpp"
#include "platform/web/web.hpp"

namespace sotong::audit {
namespace {
using platform::Context;
using platform::Web;
using render::View;

const platform::Crumb kAuditsCrumb{"현장감사·감사협의", kFieldListHref};
const platform::Crumb kFindingsCrumb{"지적사항", kFindingsHref};

std::int64_t findings_page_size(const Web& web) {
  return web.module_settings("audit").integer(kPageSize);
}

http::Response form_page(Web& web, Context& ctx, const FieldAudit& audit, const FindingInput& input,
                         const std::vector<FieldError>& errors, int status) {
  return web.render(ctx, "audit/finding_form", finding_form_view(audit, input, errors),
                    {"지적사항 등록",
                     {kAuditsCrumb, {audit.plan.title, field_audit_href(audit.id)}, {"지적사항 등록", ""}},
                     {}},
                    status);
}

/// The audit a finding is recorded for, if the person may record one there (else 404 or 409 as a page).
Result<FieldAudit> audit_for_finding(Web& web, Context& ctx) {
  return platform::path_id(ctx, kNotFound)
      .and_then([&](std::int64_t id) { return get_field_audit(web.service(ctx), id); })
      .and_then([&](FieldAuditDetail&& d) -> Result<FieldAudit> {
        if (!apply_step(d.audit.state, AuditStep::record_finding))
          return Error::conflict("지적사항은 협의를 마친 감사나 끝난 감사에만 등록할 수 있습니다.");
        return std::move(d.audit);
      });
}

http::Response new_finding_page(Web& web, Context& ctx) {
  auto audit = audit_for_finding(web, ctx);
  if (!audit) return web.error(ctx, audit.error());
  return form_page(web, ctx, *audit, {}, {}, 200);
}

http::Response create_finding_action(Web& web, Context& ctx) {
  auto id = platform::path_id(ctx, kNotFound);
  if (!id) return web.error(ctx, id.error());
  const auto input = finding_input_from_form(ctx.form);
  auto created = create_finding(web.service(ctx), *id, input);
  if (!created)
    return web.refuse_form(ctx, created.error(), [&](const std::vector<FieldError>& fields, int status) {
      auto audit = audit_for_finding(web, ctx);
      if (!audit) return web.error(ctx, audit.error());
      return form_page(web, ctx, *audit, input, fields, status);
    });
  return web.redirect_with(ctx, finding_href(*created),
                           {"success", "지적사항을 등록했습니다. 감사받은 기관에 조치를 요청했습니다."});
}

http::Response findings_page(Web& web, Context& ctx) {
  auto view = read_finding_view(ctx.query);
  if (!view) return web.error(ctx, view.error());
  return web.respond(ctx,
                     list_findings(web.service(ctx), *view, read_before(ctx.query), findings_page_size(web)),
                     [&](const FindingPage& p) {
                       return web.render(ctx, "audit/finding_list", finding_list_view(p, *view),
                                         {"지적사항", {kAuditsCrumb, {"지적사항", ""}}, {}});
                     });
}

http::Response detail(Web& web, Context& ctx, std::int64_t id, const std::vector<FieldError>& errors,
                      const std::string& body, int status) {
  return web.respond(ctx, get_finding(web.service(ctx), id), [&](const FindingDetail& d) {
    View v = finding_detail_view(d, web.policy(), ctx.actor);
    v.set("errors", platform::errors_view(errors)).set("report_body", body);
    for (const auto& e : errors) v.set("error_" + e.field, e.message);
    web.db().read([&](store::Connection& c) {
      platform::attachments::add_to_page(web, ctx, v, c, kFindingAttachmentOwner, id);
      return 0;
    });
    return web.render(ctx, "audit/finding_detail", v,
                      {d.finding.title, {kAuditsCrumb, kFindingsCrumb, {d.finding.title, ""}}, {}}, status);
  });
}

http::Response finding_page(Web& web, Context& ctx) {
  auto id = platform::path_id(ctx, kFindingNotFound);
  if (!id) return web.error(ctx, id.error());
  return detail(web, ctx, *id, {}, "", 200);
}

http::Response report_action(Web& web, Context& ctx) {
  auto id = platform::path_id(ctx, kFindingNotFound);
  if (!id) return web.error(ctx, id.error());
  const std::string body = ctx.form.get("body");
  auto reported = report_finding_action(web.service(ctx), *id, body);
  if (!reported)
    return web.refuse_form(ctx, reported.error(), [&](const std::vector<FieldError>& fields, int status) {
      return detail(web, ctx, *id, fields, body, status);
    });
  return web.redirect_with(ctx, finding_href(*id),
                           {"success", "조치 결과를 보고했습니다. 감사관실에 알렸습니다."});
}

http::Response confirm_action(Web& web, Context& ctx) {
  auto id = platform::path_id(ctx, kFindingNotFound);
  if (!id) return web.error(ctx, id.error());
  auto found = get_finding(web.service(ctx), *id);
  if (!found) return web.error(ctx, found.error());
  if (auto page = web.ask_first(
          ctx, {"조치를 완료로 확인할까요?", "완료로 확인하면 기관은 이 지적사항에 더 보고할 수 없습니다.",
                "조치 확인", finding_href(*id)}))
    return std::move(*page);
  auto confirmed = confirm_finding_action(web.service(ctx), *id);
  if (!confirmed) return web.error(ctx, confirmed.error());
  return web.redirect_with(ctx, finding_href(*id), {"success", "조치를 완료로 확인했습니다."});
}

http::Response return_action(Web& web, Context& ctx) {
  auto id = platform::path_id(ctx, kFindingNotFound);
  if (!id) return web.error(ctx, id.error());
  auto returned = return_finding_action(web.service(ctx), *id, ctx.form.get("reason"));
  if (!returned)
    return web.refuse_form(ctx, returned.error(), [&](const std::vector<FieldError>& fields, int status) {
      return detail(web, ctx, *id, fields, "", status);
    });
  return web.redirect_with(ctx, finding_href(*id),
                           {"success", "보완을 요구했습니다. 감사받은 기관에 알렸습니다."});
}

http::Response figures_page(Web& web, Context& ctx) {
  auto year = read_year(ctx.query, seoul_today().year);
  if (!year) return web.error(ctx, year.error());
  return web.respond(ctx, field_figures(web.service(ctx), **year), [&](const FieldFigures& figures) {
    auto table = figures_table(figures);
    if (auto file = platform::exports::export_if_requested(
            web, ctx, {"field_audit", table.title, "field-audit-figures-" + std::to_string(figures.year)},
            [&] { return table; }))
      return std::move(*file);
    View v = figures_view(figures);
    platform::exports::add_export_links(v, ctx);
    return web.render(ctx, "audit/field_figures", v, {"현장감사 실적", {kAuditsCrumb, {"실적", ""}}, {}});
  });
}

http::Response finding_api_get(Web& web, Context& ctx) {
  auto found = platform::path_id(ctx, kFindingNotFound).and_then([&](std::int64_t id) {
    return get_finding(web.service(ctx), id);
  });
  return web.respond(ctx, std::move(found), [&](const FindingDetail& d) {
    auto body = finding_json(d.finding);
    boost::json::array follow_ups;
    for (const auto& u : d.follow_ups)
      follow_ups.push_back({{"kind", code_of<FollowUpKind>(kFollowUpKinds, u.kind)},
                            {"body", u.body},
                            {"created_at", format_iso_utc(u.created_at)}});
    body["follow_ups"] = std::move(follow_ups);
    return web.json(ctx, boost::json::serialize(body));
  });
}

}  // namespace

std::vector<platform::RouteSpec> finding_routes() {
  using platform::RouteKind;
  return {
      {"GET", "/audit/field/{id}/findings/new", kFieldManage, new_finding_page},
      {"POST", "/audit/field/{id}/findings", kFieldManage, create_finding_action},
      {"GET", kFindingsHref, kFieldView, findings_page},
      {"GET", "/audit/field/findings/{id}", kFieldView, finding_page},
      {"POST", "/audit/field/findings/{id}/report", kFieldRespond, report_action},
      {"POST", "/audit/field/findings/{id}/confirm", kFieldManage, confirm_action},
      {"POST", "/audit/field/findings/{id}/return", kFieldManage, return_action},
      {"GET", "/audit/field/figures", kFieldView, figures_page},
      {"GET", "/api/v1/audit/findings/{id}", kFieldView, finding_api_get, RouteKind::api},
  };
}

}  // namespace sotong::audit
