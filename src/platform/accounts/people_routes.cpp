// Thin handlers for the people directory (직원 찾기): who works where, to contact a colleague. Each page
// shows only the accounts the actor may see; another organisation's account answers 404.
#include "platform/accounts/account_service.hpp"
#include "platform/accounts/accounts_module.hpp"
#include "platform/exports/list_export.hpp"
#include "platform/history/history.hpp"
#include "platform/web/list_filter.hpp"
#include "platform/web/web.hpp"

namespace sotong::platform::accounts {
namespace {
using render::View;

View person_view(const Account& a) {
  return View::object({{"id", a.id},
                       {"display_name", a.display_name},
                       {"position", a.position},
                       {"email", a.email},
                       {"has_email", !a.email.empty()},
                       {"organization_name", a.organization_name},
                       {"active", a.active}});
}

exports::Table people_table(const std::vector<Account>& people) {
  using exports::ColumnKind;
  exports::Table table{"직원 목록",
                       {{"이름", 10, ColumnKind::text},
                        {"직위", 16, ColumnKind::text},
                        {"소속 기관", 24, ColumnKind::text},
                        {"전자우편", 28, ColumnKind::text}},
                       {}};
  for (const auto& a : people)
    table.rows.push_back({a.display_name, a.position, a.organization_name, a.email});
  return table;
}

http::Response people_page(Web& web, Context& ctx) {
  const ListFilter filter = read_list_filter(ctx.query);
  return web.respond(
      ctx, list_people(web.service(ctx), filter.text), [&](const std::vector<Account>& people) {
        if (auto file = exports::export_if_requested(web, ctx, {"account", "직원 목록", "people"},
                                                     [&] { return people_table(people); }))
          return std::move(*file);
        history::log_access(web.db(), ctx.actor,
                            {"account", 0, "직원 목록", history::AccessAction::view,
                             history::to_json({{"filter", ctx.request.query_string},
                                               {"count", static_cast<long long>(people.size())}})});
        View rows = View::list();
        for (const auto& a : people) rows.push(person_view(a));
        View v = View::object({{"people", rows}, {"count", static_cast<long long>(people.size())}});
        add_list_filter(v, filter);
        exports::add_export_links(v, ctx);
        return web.render(ctx, "accounts/people", v, {"직원 찾기", {{"직원 찾기", ""}}, {}});
      });
}

http::Response person_page(Web& web, Context& ctx) {
  auto person = path_id(ctx, kPersonNotFound).and_then([&](std::int64_t id) {
    return open_person(web.service(ctx), id);
  });
  return web.respond(ctx, std::move(person), [&](const Account& a) {
    return web.render(ctx, "accounts/person", person_view(a),
                      {a.display_name, {{"직원 찾기", "/people"}, {a.display_name, ""}}, {}});
  });
}
}  // namespace

std::vector<RouteSpec> people_routes() {
  return {
      {"GET", "/people", kViewPeople, people_page},
      {"GET", "/people/{id}", kViewPeople, person_page},
  };
}

}  // namespace sotong::platform::accounts
