// Thin JSON handlers: the current user and, for administrators, accounts.
#include <boost/json.hpp>

#include "platform/accounts/account_service.hpp"
#include "platform/accounts/accounts_module.hpp"
#include "platform/history/history.hpp"
#include "platform/web/json_input.hpp"
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
}  // namespace

void register_api_routes(Web& web) {
  web.api("GET", "/api/v1/me", std::string(kSignedIn), [&web](Context& ctx) {
    const Actor& a = ctx.actor;
    boost::json::object body{{"id", a.account_id},
                             {"login_id", a.login_id},
                             {"display_name", a.display_name},
                             {"organization", {{"id", a.organization_id}, {"name", a.organization_name}}},
                             {"roles", roles_json(a.roles)}};
    return web.json(ctx, boost::json::serialize(body));
  });

  web.api("GET", "/api/v1/accounts", kManage, [&web](Context& ctx) {
    account_store::Filter filter;
    filter.organization_id = parse_id(ctx.query.get("organization_id"));
    if (ctx.query.has("role")) {
      filter.role = role_from_code(ctx.query.get("role"));
      if (!filter.role)
        return web.error(
            ctx, Error::invalid("role 값이 올바르지 않습니다.", {{"role", "알 수 없는 역할입니다."}}));
    }
    auto accounts = list(web.db(), web.policy(), ctx.actor, filter);
    if (!accounts) return web.error(ctx, accounts.error());
    history::log_access(web.db(), ctx.actor,
                        {"account", 0, "계정 목록", history::AccessAction::view,
                         history::to_json({{"filter", ctx.request.query_string},
                                           {"count", static_cast<long long>(accounts->size())}})});
    boost::json::array items;
    for (const auto& a : *accounts) items.push_back(account_json(a));
    return web.json(ctx, boost::json::serialize(boost::json::object{{"items", items}}));
  });

  web.api("GET", "/api/v1/accounts/{id}", kManage, [&web](Context& ctx) {
    auto id = parse_id(ctx.request.param("id"));
    if (!id) return web.error(ctx, Error::not_found("계정을 찾을 수 없습니다."));
    auto account = get(web.db(), web.policy(), ctx.actor, *id);
    if (!account) return web.error(ctx, account.error());
    history::log_access(web.db(), ctx.actor,
                        {"account", *id, account->display_name + " (" + account->login_id + ")",
                         history::AccessAction::view});
    return web.json(ctx, boost::json::serialize(account_json(*account)));
  });

  web.api("POST", "/api/v1/accounts", kManage, [&web](Context& ctx) {
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
    auto issued = create(web.db(), web.policy(), ctx.actor, in);
    if (!issued) return web.error(ctx, issued.error());
    auto account = get(web.db(), web.policy(), ctx.actor, issued->account_id);
    auto body = account_json(*account);
    body["initial_password"] = issued->initial_password;
    return web.json(ctx, boost::json::serialize(body), 201);
  });
}

}  // namespace sotong::platform::accounts
