// Thin handlers of 컨설팅 감사 (audit): each parses the request, calls one service and renders HTML or JSON.
// The table at the end names every route's policy action, which the pipeline checks before the handler runs.
#include <boost/json.hpp>

#include "core/clock.hpp"
#include "modules/audit/audit_module.hpp"
#include "modules/audit/audit_permissions.hpp"
#include "modules/audit/field_audit_forms.hpp"
#include "modules/audit/field_audit_service.hpp"
#include "platform/web/web.hpp"

namespace sotong::audit {
namespace {
using platform::Context;
using platform::Web;
using render::View;

constexpr const char* kListHref = "/audit/field";

std::string detail_href(std::int64_t id) {
  return std::string(kListHref) + "/" + std::to_string(id);
}

/// Rows per list page: this module's own setting, checked at start ([audit] page_size).
std::int64_t page_size(const Web& web) {
  return web.module_settings("audit").integer(kPageSize);
}

View record_view(const FieldAudit& r) {
  return View::object({{"id", r.id},
                       {"href", detail_href(r.id)},
                       {"title", r.title},
                       {"organization_name", r.organization_name},
                       {"created_by_name", r.created_by_name},
                       {"created_at", format_seoul_minute(r.created_at)}});
}

boost::json::object record_json(const FieldAudit& r) {
  return {{"id", r.id},
          {"organization_id", r.organization_id},
          {"organization_name", r.organization_name},
          {"title", r.title},
          {"created_by", r.created_by},
          {"created_at", format_iso_utc(r.created_at)}};
}

/// The form, empty or as submitted with each field error beside its field (422 then).
http::Response form_page(Web& web, Context& ctx, const FieldAuditInput& input,
                         const std::vector<FieldError>& errors, int status) {
  View v = View::object({{"title", input.title},
                         {"title_max", static_cast<long long>(kTitleMaxChars)},
                         {"errors", platform::errors_view(errors)},
                         {"action", kListHref},
                         {"cancel_href", kListHref}});
  for (const auto& e : errors) v.set("error_" + e.field, e.message);
  return web.render(ctx, "audit/form", v,
                    {"컨설팅 감사 등록", {{"컨설팅 감사", kListHref}, {"등록", ""}}, {}}, status);
}

http::Response list_page(Web& web, Context& ctx) {
  auto page = list_audit(web.service(ctx), read_before(ctx.query), page_size(web));
  return web.respond(ctx, std::move(page), [&](const FieldAuditPage& p) {
    View rows = View::list();
    for (const auto& r : p.items) rows.push(record_view(r));
    View v = View::object({{"records", rows},
                           {"may_create", web.policy().allows(ctx.actor, kFieldManage)},
                           {"new_href", std::string(kListHref) + "/new"}});
    if (p.next_before != 0)
      v.set("next_href", std::string(kListHref) + "?before=" + std::to_string(p.next_before));
    return web.render(ctx, "audit/list", v, {"컨설팅 감사", {{"컨설팅 감사", ""}}, {}});
  });
}

http::Response new_page(Web& web, Context& ctx) {
  return form_page(web, ctx, {}, {}, 200);
}

http::Response create_action(Web& web, Context& ctx) {
  const auto input = input_from_form(ctx.form);
  auto created = create_field_audit(web.service(ctx), input);
  if (!created)
    return web.refuse_form(ctx, created.error(), [&](const std::vector<FieldError>& fields, int status) {
      return form_page(web, ctx, input, fields, status);
    });
  return web.redirect_with(ctx, detail_href(*created), {"success", "등록했습니다."});
}

http::Response detail_page(Web& web, Context& ctx) {
  auto record = platform::path_id(ctx, kNotFound).and_then([&](std::int64_t id) {
    return get_field_audit(web.service(ctx), id);
  });
  return web.respond(ctx, std::move(record), [&](const FieldAudit& r) {
    return web.render(ctx, "audit/detail", record_view(r),
                      {r.title, {{"컨설팅 감사", kListHref}, {r.title, ""}}, {}});
  });
}

http::Response api_list(Web& web, Context& ctx) {
  auto page = list_audit(web.service(ctx), read_before(ctx.query), page_size(web));
  return web.respond(ctx, std::move(page), [&](const FieldAuditPage& p) {
    boost::json::array items;
    for (const auto& r : p.items) items.push_back(record_json(r));
    boost::json::value next = nullptr;
    if (p.next_before != 0) next = p.next_before;
    return web.json(ctx,
                    boost::json::serialize(boost::json::object{{"items", items}, {"next_before", next}}));
  });
}

http::Response api_get(Web& web, Context& ctx) {
  auto record = platform::path_id(ctx, kNotFound).and_then([&](std::int64_t id) {
    return get_field_audit(web.service(ctx), id);
  });
  return web.respond(ctx, std::move(record), [&](const FieldAudit& r) {
    return web.json(ctx, boost::json::serialize(record_json(r)));
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
      {"GET", "/api/v1/audit/field-audits", kFieldView, api_list, RouteKind::api},
      {"GET", "/api/v1/audit/field-audits/{id}", kFieldView, api_get, RouteKind::api},
  };
}

}  // namespace sotong::audit
