// Thin handlers for organisations: the admin pages under /admin/organizations and the JSON API.
#include <boost/json.hpp>

#include "core/korean_text.hpp"
#include "platform/attachments/attachments_page.hpp"
#include "platform/exports/list_export.hpp"
#include "platform/organizations/organization_service.hpp"
#include "platform/organizations/organization_views.hpp"
#include "platform/organizations/organizations_module.hpp"
#include "platform/web/json_input.hpp"
#include "platform/web/list_filter.hpp"
#include "platform/web/params.hpp"
#include "platform/web/web.hpp"

namespace sotong::platform::organizations {
namespace {
using render::View;

View organization_view(const Organization& o) {
  View v = View::object({{"id", o.id},
                         {"code", o.code},
                         {"name", o.name},
                         {"kind_label", kind_label(o.kind)},
                         {"parent_name", o.parent_name},
                         {"active", o.active},
                         {"created_at", format_seoul_minute(o.created_at)},
                         {"updated_at", format_seoul_minute(o.updated_at)}});
  if (o.parent_id) v.set("parent_id", *o.parent_id);
  return v;
}

boost::json::object organization_json(const Organization& o) {
  return {{"id", o.id},
          {"code", o.code},
          {"name", o.name},
          {"kind", kind_code(o.kind)},
          {"kind_label", kind_label(o.kind)},
          {"parent_id", o.parent_id ? boost::json::value(*o.parent_id) : boost::json::value(nullptr)},
          {"sort_order", o.sort_order},
          {"active", o.active},
          {"created_at", format_iso_utc(o.created_at)},
          {"updated_at", format_iso_utc(o.updated_at)}};
}

OrganizationInput input_from_form(const http::Form& f) {
  return {f.get("code"),      f.get("name"),       f.get("kind"),
          f.get("parent_id"), f.get("sort_order"), f.get("rename_reason")};
}

OrganizationInput input_from(const Organization& o) {
  return {o.code,
          o.name,
          std::string(kind_code(o.kind)),
          o.parent_id ? std::to_string(*o.parent_id) : "",
          std::to_string(o.sort_order),
          ""};
}

http::Response form_page(Web& web, Context& ctx, const OrganizationInput& in,
                         const std::optional<std::int64_t>& id, const std::vector<FieldError>& errors,
                         int status) {
  auto parents = list_organizations(web.service(ctx), {std::nullopt, true, ""});
  View parent_list = View::list();
  if (parents) {
    for (const auto& p : *parents) {
      if (p.kind == OrganizationKind::division || p.kind == OrganizationKind::department) continue;
      if (id && p.id == *id) continue;
      parent_list.push(View::object({{"id", p.id},
                                     {"name", p.name},
                                     {"kind_label", kind_label(p.kind)},
                                     {"selected", std::to_string(p.id) == in.parent_id}}));
    }
  }
  View v = View::object(
      {{"code", in.code},
       {"name", in.name},
       {"sort_order", in.sort_order},
       {"rename_reason", in.rename_reason},
       {"kinds", kinds_view(in.kind)},
       {"parents", parent_list},
       {"editing", id.has_value()},
       {"errors", errors_view(errors)},
       {"action", id ? "/admin/organizations/" + std::to_string(*id) : "/admin/organizations"},
       {"cancel_href", id ? "/admin/organizations/" + std::to_string(*id) : "/admin/organizations"}});
  for (const auto& e : errors) v.set("error_" + e.field, e.message);
  const std::string title = id ? "기관 정보 수정" : "기관 등록";
  return web.render(ctx, "organizations/form", v,
                    {title, {{"관리", "/admin/"}, {"기관 관리", "/admin/organizations"}, {title, ""}}, {}},
                    status);
}

exports::Table organizations_table(const std::vector<Organization>& orgs) {
  using exports::ColumnKind;
  exports::Table t{"기관 목록",
                   {{"기관코드", 10, ColumnKind::text},
                    {"기관명", 24, ColumnKind::text},
                    {"유형", 10, ColumnKind::text},
                    {"상위 기관", 20, ColumnKind::text},
                    {"상태", 8, ColumnKind::text},
                    {"등록일시", 18, ColumnKind::date},
                    {"최종 수정", 18, ColumnKind::date}},
                   {}};
  for (const auto& o : orgs) {
    t.rows.push_back({o.code, o.name, std::string(kind_label(o.kind)), o.parent_name,
                      o.active ? "사용" : "비활성", format_seoul_minute(o.created_at),
                      format_seoul_minute(o.updated_at)});
  }
  return t;
}

const std::vector<JsonField> kJsonFields = {
    {"code", JsonType::string},        {"name", JsonType::string},
    {"kind", JsonType::string},        {"parent_id", JsonType::integer, true},
    {"sort_order", JsonType::integer}, {"rename_reason", JsonType::string}};

std::string json_text(const boost::json::value& v) {
  return boost::json::serialize(v);
}

std::string detail_href(std::int64_t id) {
  return "/admin/organizations/" + std::to_string(id);
}

http::Response list_page(Web& web, Context& ctx) {
  const ListFilter common = read_list_filter(ctx.query);
  organization_store::Filter filter{kind_from_code(ctx.query.get("kind")), common.active, common.text};
  return web.respond(
      ctx, list_organizations(web.service(ctx), filter), [&](const std::vector<Organization>& orgs) {
        if (auto file = exports::export_if_requested(web, ctx, {"organization", "기관 목록", "organizations"},
                                                     [&] { return organizations_table(orgs); }))
          return std::move(*file);
        View rows = View::list();
        for (const auto& o : orgs) rows.push(organization_view(o));
        View v = View::object({{"organizations", rows},
                               {"count", static_cast<long long>(orgs.size())},
                               {"kinds", kinds_view(ctx.query.get("kind"))}});
        add_list_filter(v, common);
        exports::add_export_links(v, ctx);
        return web.render(ctx, "organizations/list", v,
                          {"기관 관리", {{"관리", "/admin/"}, {"기관 관리", ""}}, {}});
      });
}

http::Response new_page(Web& web, Context& ctx) {
  return form_page(web, ctx, {"", "", "", "", "0", ""}, std::nullopt, {}, 200);
}

http::Response create_action(Web& web, Context& ctx) {
  const auto in = input_from_form(ctx.form);
  auto created = create_organization(web.service(ctx), in);
  if (!created)
    return web.refuse_form(ctx, created.error(), [&](const auto& fields, int status) {
      return form_page(web, ctx, in, std::nullopt, fields, status);
    });
  return web.redirect_with(ctx, detail_href(*created), {"success", "기관을 등록했습니다."});
}

http::Response detail_page(Web& web, Context& ctx) {
  auto detail = path_id(ctx, kNotFound).and_then([&](std::int64_t id) {
    return get_organization(web.service(ctx), id);
  });
  if (!detail) return web.error(ctx, detail.error());
  const Organization& org = detail->organization;
  View v = organization_view(org);
  View names = View::list();
  for (const auto& n : detail->former_names) {
    names.push(View::object({{"name", n.name},
                             {"until", format_seoul_date(n.until)},
                             {"reason", n.reason},
                             {"changed_by", n.changed_by.empty() ? "(초기 자료)" : n.changed_by}}));
  }
  View children = View::list();
  for (const auto& c : detail->children) children.push(organization_view(c));
  View usage = View::list();
  for (const auto& u : detail->usage)
    usage.push(View::object({{"label", u.label}, {"count", std::to_string(u.count) + u.unit}}));
  v.set("former_names", names).set("has_former_names", !detail->former_names.empty());
  v.set("children", children).set("has_children", !detail->children.empty());
  v.set("usage", usage);
  web.db().read([&](store::Connection& c) {
    attachments::add_to_page(web, ctx, v, c, "organization", org.id);
    return 0;
  });
  return web.render(
      ctx, "organizations/detail", v,
      {org.name, {{"관리", "/admin/"}, {"기관 관리", "/admin/organizations"}, {org.name, ""}}, {}});
}

http::Response edit_page(Web& web, Context& ctx) {
  auto detail = path_id(ctx, kNotFound).and_then([&](std::int64_t id) {
    return get_organization(web.service(ctx), id);
  });
  if (!detail) return web.error(ctx, detail.error());
  return form_page(web, ctx, input_from(detail->organization), detail->organization.id, {}, 200);
}

http::Response update_action(Web& web, Context& ctx) {
  auto id = path_id(ctx, kNotFound);
  if (!id) return web.error(ctx, id.error());
  const auto in = input_from_form(ctx.form);
  auto updated = update_organization(web.service(ctx), *id, in);
  if (!updated)
    return web.refuse_form(ctx, updated.error(), [&](const auto& fields, int status) {
      return form_page(web, ctx, in, id.value(), fields, status);
    });
  return web.redirect_with(ctx, detail_href(*id), {"success", "기관 정보를 수정했습니다."});
}

/// Deactivation and reactivation answer on the detail page, with the reason when refused.
template <Result<void> (*Change)(const ServiceContext&, std::int64_t)>
http::Response change_state(Web& web, Context& ctx, const char* done_message) {
  auto id = path_id(ctx, kNotFound);
  if (!id) return web.error(ctx, id.error());
  auto done = Change(web.service(ctx), *id);
  if (!done) return web.redirect_with(ctx, detail_href(*id), {"danger", done.error().message});
  return web.redirect_with(ctx, detail_href(*id), {"success", done_message});
}

http::Response deactivate_action(Web& web, Context& ctx) {
  auto id = path_id(ctx, kNotFound);
  if (!id) return web.error(ctx, id.error());
  if (auto page =
          web.ask_first(ctx, {"기관을 비활성화할까요?",
                              "비활성화한 기관은 기관 안내와 선택 목록에서 빠집니다. 기록은 지워지지 않으며, "
                              "나중에 다시 사용할 수 있습니다.",
                              "비활성화", detail_href(*id)}))
    return std::move(*page);
  return change_state<deactivate_organization>(web, ctx, "기관을 비활성화했습니다.");
}

http::Response activate_action(Web& web, Context& ctx) {
  return change_state<activate_organization>(web, ctx, "기관을 다시 사용합니다.");
}

http::Response api_list(Web& web, Context& ctx) {
  organization_store::Filter filter;
  if (ctx.query.has("kind")) {
    filter.kind = kind_from_code(ctx.query.get("kind"));
    if (!filter.kind)
      return web.error(
          ctx, Error::invalid("kind 값이 올바르지 않습니다.", {{"kind", "알 수 없는 기관 유형입니다."}}));
  }
  if (ctx.query.has("active")) filter.active = ctx.query.get("active") != "false";
  return web.respond(ctx, list_organizations(web.service(ctx), filter),
                     [&](const std::vector<Organization>& orgs) {
                       boost::json::array items;
                       for (const auto& o : orgs) items.push_back(organization_json(o));
                       return web.json(ctx, json_text(boost::json::object{{"items", items}}));
                     });
}

http::Response api_get(Web& web, Context& ctx) {
  auto detail = path_id(ctx, kNotFound).and_then([&](std::int64_t id) {
    return get_organization(web.service(ctx), id);
  });
  return web.respond(ctx, std::move(detail), [&](const Detail& d) {
    auto body = organization_json(d.organization);
    boost::json::array names;
    for (const auto& n : d.former_names)
      names.push_back({{"name", n.name}, {"until", format_iso_utc(n.until)}, {"reason", n.reason}});
    body["former_names"] = names;
    return web.json(ctx, json_text(body));
  });
}

http::Response api_create(Web& web, Context& ctx) {
  auto fields = read_json_fields(ctx.request.body, kJsonFields);
  if (!fields) return web.error(ctx, fields.error());
  auto& f = *fields;
  const auto svc = web.service(ctx);
  auto created = create_organization(svc, {f["code"], f["name"], f["kind"], f["parent_id"],
                                           f.count("sort_order") ? f["sort_order"] : "0", ""});
  return web.respond(
      ctx, created.and_then([&](std::int64_t id) { return get_organization(svc, id); }),
      [&](const Detail& d) { return web.json(ctx, json_text(organization_json(d.organization)), 201); });
}

http::Response api_patch(Web& web, Context& ctx) {
  auto id = path_id(ctx, kNotFound);
  if (!id) return web.error(ctx, id.error());
  auto fields = read_json_fields(ctx.request.body, kJsonFields);
  if (!fields) return web.error(ctx, fields.error());
  const auto svc = web.service(ctx);
  auto before = get_organization(svc, *id);
  if (!before) return web.error(ctx, before.error());
  OrganizationInput in = input_from(before->organization);
  auto& f = *fields;
  for (auto [name, target] : {std::pair{"code", &in.code},
                              {"name", &in.name},
                              {"kind", &in.kind},
                              {"parent_id", &in.parent_id},
                              {"sort_order", &in.sort_order},
                              {"rename_reason", &in.rename_reason}})
    if (f.count(name)) *target = f[name];
  auto updated = update_organization(svc, *id, in);
  if (!updated) return web.error(ctx, updated.error());
  return web.respond(ctx, get_organization(svc, *id), [&](const Detail& d) {
    return web.json(ctx, json_text(organization_json(d.organization)));
  });
}
}  // namespace

std::vector<RouteSpec> routes() {
  return {
      {"GET", "/admin/organizations", kManage, list_page},
      {"GET", "/admin/organizations/new", kManage, new_page},
      {"POST", "/admin/organizations", kManage, create_action},
      {"GET", "/admin/organizations/{id}", kManage, detail_page},
      {"GET", "/admin/organizations/{id}/edit", kManage, edit_page},
      {"POST", "/admin/organizations/{id}", kManage, update_action},
      {"POST", "/admin/organizations/{id}/deactivate", kManage, deactivate_action},
      {"POST", "/admin/organizations/{id}/activate", kManage, activate_action},
      {"GET", "/api/v1/organizations", kView, api_list, RouteKind::api},
      {"GET", "/api/v1/organizations/{id}", kView, api_get, RouteKind::api},
      {"POST", "/api/v1/organizations", kManage, api_create, RouteKind::api},
      {"PATCH", "/api/v1/organizations/{id}", kManage, api_patch, RouteKind::api},
  };
}

}  // namespace sotong::platform::organizations
