// Thin handlers for the organisation directory (기관 안내, /organizations) every signed-in person reads, and
// the administrator's contact form (/admin/organizations/{id}/contact).
#include "core/korean_text.hpp"
#include "platform/exports/list_export.hpp"
#include "platform/organizations/directory_service.hpp"
#include "platform/organizations/organization_service.hpp"
#include "platform/organizations/organization_views.hpp"
#include "platform/organizations/organizations_module.hpp"
#include "platform/web/list_filter.hpp"
#include "platform/web/web.hpp"

namespace sotong::platform::organizations {
namespace {
using render::View;

const std::vector<Crumb> kTrail = {{"기관 안내", "/organizations"}};

View entry_view(const Organization& o, const OrganizationContact& contact) {
  View v = View::object({{"id", o.id},
                         {"code", o.code},
                         {"name", o.name},
                         {"kind_label", kind_label(o.kind)},
                         {"parent_name", o.parent_name},
                         {"active", o.active}});
  // Set only when recorded: a mustache section is true for any string, even an empty one.
  if (!contact.phone.empty()) v.set("phone", contact.phone);
  if (!contact.address.empty()) v.set("address", contact.address);
  if (!contact.homepage.empty()) v.set("homepage", contact.homepage);
  if (o.parent_id) v.set("parent_id", *o.parent_id);
  return v;
}

exports::Table directory_table(const std::vector<DirectoryEntry>& entries) {
  using exports::ColumnKind;
  exports::Table t{"기관 안내",
                   {{"기관명", 24, ColumnKind::text},
                    {"유형", 10, ColumnKind::text},
                    {"상위 기관", 20, ColumnKind::text},
                    {"대표전화", 16, ColumnKind::text},
                    {"주소", 40, ColumnKind::text},
                    {"누리집", 30, ColumnKind::text}},
                   {}};
  for (const auto& e : entries) {
    const auto& o = e.organization;
    t.rows.push_back({o.name, std::string(kind_label(o.kind)), o.parent_name, e.contact.phone,
                      e.contact.address, e.contact.homepage});
  }
  return t;
}

http::Response directory_page(Web& web, Context& ctx) {
  const ListFilter common = read_list_filter(ctx.query);
  organization_store::Filter filter{kind_from_code(ctx.query.get("kind")), true, common.text};
  return web.respond(
      ctx, list_directory(web.service(ctx), filter), [&](const std::vector<DirectoryEntry>& entries) {
        if (auto file = exports::export_if_requested(web, ctx,
                                                     {"organization", "기관 안내", "organization-directory"},
                                                     [&] { return directory_table(entries); }))
          return std::move(*file);
        View rows = View::list();
        for (const auto& e : entries) rows.push(entry_view(e.organization, e.contact));
        View v = View::object({{"organizations", rows},
                               {"count", static_cast<long long>(entries.size())},
                               {"kinds", kinds_view(ctx.query.get("kind"))},
                               {"q", common.text}});
        exports::add_export_links(v, ctx);
        return web.render(ctx, "organizations/directory", v, {"기관 안내", {{"기관 안내", ""}}, {}});
      });
}

http::Response directory_entry_page(Web& web, Context& ctx) {
  auto entry = path_id(ctx, kNotFound).and_then([&](std::int64_t id) {
    return get_directory_entry(web.service(ctx), id);
  });
  if (!entry) return web.error(ctx, entry.error());
  const Organization& org = entry->organization;
  View v = entry_view(org, entry->contact);
  View children = View::list();
  for (const auto& c : entry->children) children.push(entry_view(c, {}));
  v.set("children", children).set("has_children", !entry->children.empty());
  v.set("manager", web.policy().allows(ctx.actor, kManage));
  auto trail = kTrail;
  trail.push_back({org.name, ""});
  return web.render(ctx, "organizations/directory_entry", v, {org.name, trail, {}});
}

http::Response contact_form(Web& web, Context& ctx, std::int64_t id, const std::string& name,
                            const OrganizationContact& contact, const std::vector<FieldError>& errors,
                            int status) {
  View v = entry_view(Organization{}, contact);
  v.set("id", id).set("name", name).set("errors", errors_view(errors));
  for (const auto& e : errors) v.set("error_" + e.field, e.message);
  const std::string title = name + " 연락처 수정";
  return web.render(ctx, "organizations/contact_form", v,
                    {title,
                     {{"관리", "/admin/"},
                      {"기관 관리", "/admin/organizations"},
                      {name, "/admin/organizations/" + std::to_string(id)},
                      {"연락처 수정", ""}},
                     {}},
                    status);
}

http::Response contact_edit_page(Web& web, Context& ctx) {
  auto entry = path_id(ctx, kNotFound).and_then([&](std::int64_t id) {
    return get_directory_entry(web.service(ctx), id);
  });
  if (!entry) return web.error(ctx, entry.error());
  return contact_form(web, ctx, entry->organization.id, entry->organization.name, entry->contact, {}, 200);
}

http::Response contact_update_action(Web& web, Context& ctx) {
  auto id = path_id(ctx, kNotFound);
  if (!id) return web.error(ctx, id.error());
  const OrganizationContact typed{ctx.form.get("phone"), ctx.form.get("address"), ctx.form.get("homepage")};
  auto saved = update_organization_contact(web.service(ctx), *id, typed);
  if (!saved) {
    return web.refuse_form(ctx, saved.error(), [&](const auto& fields, int status) {
      auto entry = get_directory_entry(web.service(ctx), *id);
      return contact_form(web, ctx, *id, entry ? entry->organization.name : "", typed, fields, status);
    });
  }
  return web.redirect_with(ctx, "/organizations/" + std::to_string(*id),
                           {"success", "연락처를 수정했습니다."});
}

}  // namespace

std::vector<RouteSpec> directory_routes() {
  return {{"GET", "/organizations", kView, directory_page},
          {"GET", "/organizations/{id}", kView, directory_entry_page},
          {"GET", "/admin/organizations/{id}/contact", kManage, contact_edit_page},
          {"POST", "/admin/organizations/{id}/contact", kManage, contact_update_action}};
}

}  // namespace sotong::platform::organizations
