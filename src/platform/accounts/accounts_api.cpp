// Thin JSON handlers: the current user, the people directory and, for administrators, accounts.
#include <boost/json.hpp>

#include "platform/accounts/account_service.hpp"
#include "platform/accounts/accounts_module.hpp"
#include "platform/history/history.hpp"
#include "platform/web/json_input.hpp"
#include "platform/web/list_filter.hpp"
#include "platform/web/params.hpp"
#include "platform/web/web.hpp"

namespace sotong::platform::accounts {
namespace {
boost::json::array roles_json(const std::vector<Role>& roles) {
  boost::json::array out;
  for (Role r : roles) out.emplace_back(role_code(r));
  return out;
}

boost::json::object account_json(const Account& a) {
  return {{"id", a.id},
          {"login_id", a.login_id},
          {"display_name", a.display_name},
          {"email", a.email},
          {"position", a.position},
          {"organization", {{"id", a.organization_id}, {"name", a.organization_name}}},
          {"roles", roles_json(a.roles)},
          {"active", a.active},
          {"locked", is_locked(a.locked_until, now())},
          {"must_change_password", a.must_change_password},
          {"last_login_at", a.last_login_at ? boost::json::value(format_iso_utc(*a.last_login_at)) : nullptr},
          {"created_at", format_iso_utc(a.created_at)}};
}

const std::vector<JsonField> kFields = {
    {"login_id", JsonType::string}, {"display_name", JsonType::string},     {"email", JsonType::string},
    {"position", JsonType::string}, {"organization_id", JsonType::integer}, {"roles", JsonType::string_list},
    {"active", JsonType::boolean}};

std::vector<std::string> split_lines(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size() && !s.empty()) {
    const auto end = s.find('\n', start);
    out.push_back(s.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

boost::json::object person_json(const Account& a) {
  return {{"id", a.id},
          {"display_name", a.display_name},
          {"position", a.position},
          {"email", a.email},
          {"organization", {{"id", a.organization_id}, {"name", a.organization_name}}}};
}

std::string json_text(const boost::json::value& v) {
  return boost::json::serialize(v);
}

http::Response me_api(Web& web, Context& ctx) {
  const Actor& a = ctx.actor;
  boost::json::object body{{"id", a.account_id},
                           {"login_id", a.login_id},
                           {"display_name", a.display_name},
                           {"organization", {{"id", a.organization_id}, {"name", a.organization_name}}},
                           {"roles", roles_json(a.roles)}};
  return web.json(ctx, json_text(body));
}

http::Response list_accounts_api(Web& web, Context& ctx) {
  account_store::Filter filter;
  filter.organization_id = parse_id(ctx.query.get("organization_id"));
  if (ctx.query.has("role")) {
    filter.role = role_from_code(ctx.query.get("role"));
    if (!filter.role)
      return web.error(ctx,
                       Error::invalid("role 값이 올바르지 않습니다.", {{"role", "알 수 없는 역할입니다."}}));
  }
  return web.respond(ctx, list_accounts(web.service(ctx), filter), [&](const std::vector<Account>& accounts) {
    history::log_access(web.db(), ctx.actor,
                        {"account", 0, "계정 목록", history::AccessAction::view,
                         history::to_json({{"filter", ctx.request.query_string},
                                           {"count", static_cast<long long>(accounts.size())}})});
    boost::json::array items;
    for (const auto& a : accounts) items.push_back(account_json(a));
    return web.json(ctx, json_text(boost::json::object{{"items", items}}));
  });
}

http::Response get_account_api(Web& web, Context& ctx) {
  auto account =
      path_id(ctx, kNotFound).and_then([&](std::int64_t id) { return get_account(web.service(ctx), id); });
  return web.respond(ctx, std::move(account), [&](const Account& a) {
    history::log_access(
        web.db(), ctx.actor,
        {"account", a.id, a.display_name + " (" + a.login_id + ")", history::AccessAction::view});
    return web.json(ctx, json_text(account_json(a)));
  });
}

http::Response create_account_api(Web& web, Context& ctx) {
  auto fields = read_json_fields(ctx.request.body, kFields);
  if (!fields) return web.error(ctx, fields.error());
  auto& f = *fields;
  AccountInput in{f["login_id"],
                  f["display_name"],
                  f["email"],
                  f["position"],
                  f["organization_id"],
                  split_lines(f["roles"]),
                  !f.count("active") || f["active"] == "1"};
  const auto svc = web.service(ctx);
  auto issued = create_account(svc, in);
  if (!issued) return web.error(ctx, issued.error());
  return web.respond(ctx, get_account(svc, issued->account_id), [&](const Account& a) {
    auto body = account_json(a);
    body["initial_password"] = issued->initial_password;
    return web.json(ctx, json_text(body), 201);
  });
}

http::Response list_people_api(Web& web, Context& ctx) {
  return web.respond(ctx, list_people(web.service(ctx), read_list_filter(ctx.query).text),
                     [&](const std::vector<Account>& people) {
                       history::log_access(
                           web.db(), ctx.actor,
                           {"account", 0, "직원 목록", history::AccessAction::view,
                            history::to_json({{"filter", ctx.request.query_string},
                                              {"count", static_cast<long long>(people.size())}})});
                       boost::json::array items;
                       for (const auto& a : people) items.push_back(person_json(a));
                       return web.json(ctx, json_text(boost::json::object{{"items", items}}));
                     });
}

http::Response get_person_api(Web& web, Context& ctx) {
  auto person = path_id(ctx, kPersonNotFound).and_then([&](std::int64_t id) {
    return open_person(web.service(ctx), id);
  });
  return web.respond(ctx, std::move(person),
                     [&](const Account& a) { return web.json(ctx, json_text(person_json(a))); });
}
}  // namespace

std::vector<RouteSpec> api_routes() {
  return {
      {"GET", "/api/v1/me", std::string(kSignedIn), me_api, RouteKind::api},
      {"GET", "/api/v1/people", kViewPeople, list_people_api, RouteKind::api},
      {"GET", "/api/v1/people/{id}", kViewPeople, get_person_api, RouteKind::api},
      {"GET", "/api/v1/accounts", kManage, list_accounts_api, RouteKind::api},
      {"GET", "/api/v1/accounts/{id}", kManage, get_account_api, RouteKind::api},
      {"POST", "/api/v1/accounts", kManage, create_account_api, RouteKind::api},
  };
}

}  // namespace sotong::platform::accounts
