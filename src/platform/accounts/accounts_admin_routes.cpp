// Thin handlers for the administrator's account pages under /admin/accounts, the admin home and roles.
#include "core/korean_text.hpp"
#include "http/status.hpp"
#include "platform/accounts/account_service.hpp"
#include "platform/accounts/accounts_module.hpp"
#include "platform/crypto.hpp"
#include "platform/exports/list_export.hpp"
#include "platform/history/history.hpp"
#include "platform/organizations/organization_store.hpp"
#include "platform/web/list_filter.hpp"
#include "platform/web/params.hpp"
#include "platform/web/web.hpp"

namespace sotong::platform::accounts {
namespace {
using render::View;

std::string roles_text(const std::vector<Role>& roles) {
  std::string out;
  for (Role r : roles) out += (out.empty() ? "" : ", ") + std::string(role_label(r));
  return out;
}

View account_view(const Account& a, Timestamp t) {
  return View::object({{"id", a.id},
                       {"login_id", a.login_id},
                       {"display_name", a.display_name},
                       {"email", a.email},
                       {"position", a.position},
                       {"organization_name", a.organization_name},
                       {"organization_id", a.organization_id},
                       {"roles", roles_text(a.roles)},
                       {"active", a.active},
                       {"locked", is_locked(a.locked_until, t)},
                       {"locked_until", a.locked_until ? format_seoul_minute(a.locked_until) : ""},
                       {"must_change_password", a.must_change_password},
                       {"last_login_at", a.last_login_at ? format_seoul_minute(*a.last_login_at) : "없음"},
                       {"created_at", format_seoul_minute(a.created_at)}});
}

exports::Table accounts_table(const std::vector<Account>& accounts, Timestamp t) {
  using exports::ColumnKind;
  exports::Table table{"계정 목록",
                       {{"아이디", 14, ColumnKind::text},
                        {"이름", 10, ColumnKind::text},
                        {"직위", 10, ColumnKind::text},
                        {"전자우편", 26, ColumnKind::text},
                        {"소속 기관", 20, ColumnKind::text},
                        {"역할", 24, ColumnKind::text},
                        {"상태", 10, ColumnKind::text},
                        {"잠김", 6, ColumnKind::text},
                        {"최근 로그인", 18, ColumnKind::date},
                        {"만든 날", 18, ColumnKind::date}},
                       {}};
  for (const auto& a : accounts) {
    table.rows.push_back(
        {a.login_id, a.display_name, a.position, a.email, a.organization_name, roles_text(a.roles),
         a.active ? "사용" : "비활성", is_locked(a.locked_until, t) ? "잠김" : "",
         a.last_login_at ? format_seoul_minute(*a.last_login_at) : "", format_seoul_minute(a.created_at)});
  }
  return table;
}

View organizations_view(Web& web, const std::string& selected) {
  View list = View::list();
  auto orgs = web.db().read([](store::Connection& c) {
    return organization_store::list(c, {std::nullopt, true, ""});
  });
  for (const auto& o : orgs) {
    list.push(View::object({{"id", o.id}, {"name", o.name}, {"selected", std::to_string(o.id) == selected}}));
  }
  return list;
}

View roles_view(const std::vector<std::string>& selected) {
  View list = View::list();
  for (Role r : kAllRoles) {
    const std::string code(role_code(r));
    list.push(
        View::object({{"code", code},
                      {"label", role_label(r)},
                      {"checked", std::find(selected.begin(), selected.end(), code) != selected.end()}}));
  }
  return list;
}

AccountInput input_from_form(const http::Form& f) {
  return {f.get("login_id"),        f.get("display_name"), f.get("email"),        f.get("position"),
          f.get("organization_id"), f.all("roles"),        f.get("active") != "0"};
}

AccountInput input_from(const Account& a) {
  AccountInput in{a.login_id, a.display_name, a.email, a.position, std::to_string(a.organization_id),
                  {},         a.active};
  for (Role r : a.roles) in.roles.emplace_back(role_code(r));
  return in;
}

const std::vector<Crumb> kTrail = {{"관리", "/admin/"}, {"계정 관리", "/admin/accounts"}};

std::vector<Crumb> trail(std::string last) {
  auto t = kTrail;
  t.push_back({std::move(last), ""});
  return t;
}

http::Response form_page(Web& web, Context& ctx, const AccountInput& in,
                         const std::optional<std::int64_t>& id, const std::vector<FieldError>& errors,
                         int status) {
  View v = View::object({{"login_id", in.login_id},
                         {"display_name", in.display_name},
                         {"email", in.email},
                         {"position", in.position},
                         {"organizations", organizations_view(web, in.organization_id)},
                         {"roles", roles_view(in.roles)},
                         {"active", in.active},
                         {"editing", id.has_value()},
                         {"errors", errors_view(errors)},
                         {"action", id ? "/admin/accounts/" + std::to_string(*id) : "/admin/accounts"},
                         {"cancel_href", id ? "/admin/accounts/" + std::to_string(*id) : "/admin/accounts"}});
  for (const auto& e : errors) v.set("error_" + e.field, e.message);
  const std::string title = id ? "계정 정보 수정" : "계정 등록";
  return web.render(ctx, "accounts/form", v, {title, trail(title), {}}, status);
}

// An issued initial password crosses the redirect after the POST in a cookie sealed for the administrator's
// session (post/redirect/get): the page that shows it can be reloaded, and a reload never posts the form
// again ("이미 사용 중인 아이디입니다"). Nothing is stored on the server; after 10 minutes, or in another
// session, the password is gone for good.
constexpr std::string_view kIssuedCookie = "sotong_issued";
constexpr std::string_view kIssuedPurpose = "accounts.issued-password";
constexpr long kIssuedSeconds = 600;

http::Response redirect_to_issued(Web& web, Context& ctx, const Issued& issued, std::string_view kind) {
  const std::string plain =
      std::to_string(issued.account_id) + "|" + std::string(kind) + "|" + issued.initial_password;
  const std::string sealed = seal_for_session(web.read_cookie(ctx, kSessionCookie), kIssuedPurpose, plain);
  auto res = http::Response::redirect("/admin/accounts/" + std::to_string(issued.account_id) + "/issued");
  res.header("Set-Cookie", web.set_cookie(ctx, kIssuedCookie, sealed, kIssuedSeconds));
  return res;
}

http::Response issued_page(Web& web, Context& ctx) {
  auto id = path_id(ctx, kNotFound);
  if (!id) return web.error(ctx, id.error());
  return web.respond(ctx, get_account(web.service(ctx), *id), [&](const Account& account) {
    View v = account_view(account, now());
    std::string heading = "초기 비밀번호";
    const auto plain = open_for_session(web.read_cookie(ctx, kSessionCookie), kIssuedPurpose,
                                        web.read_cookie(ctx, kIssuedCookie));
    const std::string prefix = std::to_string(*id) + "|";
    if (plain && plain->rfind(prefix, 0) == 0) {
      const auto bar = plain->find('|', prefix.size());
      const std::string kind = plain->substr(prefix.size(), bar - prefix.size());
      heading = kind == "created" ? "계정을 등록했습니다" : "비밀번호를 초기화했습니다";
      v.set("initial_password", plain->substr(bar + 1));
    }
    return web.render(ctx, "accounts/issued", v, {heading, trail(heading), {}});
  });
}

std::string detail_href(std::int64_t id) {
  return "/admin/accounts/" + std::to_string(id);
}

/// The account of the path's {id} for the administrator, its viewing recorded in the access log.
Result<Account> viewed_account(Web& web, Context& ctx) {
  auto account =
      path_id(ctx, kNotFound).and_then([&](std::int64_t id) { return get_account(web.service(ctx), id); });
  if (account)
    history::log_access(web.db(), ctx.actor,
                        {"account", account->id, account->display_name + " (" + account->login_id + ")",
                         history::AccessAction::view});
  return account;
}

http::Response admin_home_page(Web& web, Context& ctx) {
  View links = View::list();
  for (const auto& m : std::vector<std::tuple<const char*, const char*, const char*>>{
           {"기관 관리", "/admin/organizations",
            "도, 실국, 시·군, 유관기관을 등록하고 이름 변경 이력을 관리합니다."},
           {"계정 관리", "/admin/accounts", "계정을 등록하고 역할과 소속을 정하며 잠금을 풉니다."},
           {"역할과 권한", "/admin/roles", "역할마다 할 수 있는 일을 확인합니다."}}) {
    links.push(
        View::object({{"label", std::get<0>(m)}, {"href", std::get<1>(m)}, {"description", std::get<2>(m)}}));
  }
  return web.render(ctx, "accounts/admin_home", View::object({{"links", links}}),
                    {"관리", {{"관리", ""}}, {}});
}

http::Response roles_page(Web& web, Context& ctx) {
  View rows = View::list();
  for (const auto& [action, p] : web.policy().permissions()) {
    std::string roles;
    for (Role r : p.roles) roles += (roles.empty() ? "" : ", ") + std::string(role_label(r));
    rows.push(
        View::object({{"action", action},
                      {"description", p.description},
                      {"roles", roles},
                      {"scope", p.scope == Scope::everywhere ? "전체" : "소속 기관 (도 전체 역할은 전체)"}}));
  }
  View roles = View::list();
  for (Role r : kAllRoles) {
    roles.push(View::object(
        {{"code", role_code(r)}, {"label", role_label(r)}, {"province_wide", is_province_wide(r)}}));
  }
  return web.render(ctx, "accounts/roles", View::object({{"permissions", rows}, {"roles", roles}}),
                    {"역할과 권한", {{"관리", "/admin/"}, {"역할과 권한", ""}}, {}});
}

http::Response list_page(Web& web, Context& ctx) {
  const ListFilter common = read_list_filter(ctx.query);
  account_store::Filter filter{parse_id(ctx.query.get("organization_id")),
                               role_from_code(ctx.query.get("role")), common.active, common.text};
  const std::string state = ctx.query.get("state");
  if (state == "locked") filter.locked_at = now();
  filter.initial_password = state == "initial";
  return web.respond(ctx, list_accounts(web.service(ctx), filter), [&](const std::vector<Account>& accounts) {
    const Timestamp t = now();
    if (auto file = exports::export_if_requested(web, ctx, {"account", "계정 목록", "accounts"},
                                                 [&] { return accounts_table(accounts, t); }))
      return std::move(*file);
    history::log_access(web.db(), ctx.actor,
                        {"account", 0, "계정 목록", history::AccessAction::view,
                         history::to_json({{"filter", ctx.request.query_string},
                                           {"count", static_cast<long long>(accounts.size())}})});
    View rows = View::list();
    for (const auto& a : accounts) rows.push(account_view(a, t));
    View v = View::object({{"accounts", rows},
                           {"count", static_cast<long long>(accounts.size())},
                           {"organizations", organizations_view(web, ctx.query.get("organization_id"))},
                           {"roles", roles_view({ctx.query.get("role")})},
                           {"state_locked", state == "locked"},
                           {"state_initial", state == "initial"}});
    add_list_filter(v, common);
    exports::add_export_links(v, ctx);
    return web.render(ctx, "accounts/list", v, {"계정 관리", {{"관리", "/admin/"}, {"계정 관리", ""}}, {}});
  });
}

http::Response new_page(Web& web, Context& ctx) {
  return form_page(web, ctx, {"", "", "", "", "", {}, true}, std::nullopt, {}, 200);
}

http::Response create_action(Web& web, Context& ctx) {
  const auto in = input_from_form(ctx.form);
  auto issued = create_account(web.service(ctx), in);
  if (!issued)
    return web.refuse_form(ctx, issued.error(), [&](const auto& fields, int) {
      return form_page(web, ctx, in, std::nullopt, fields, http::status_for(issued.error().code));
    });
  return redirect_to_issued(web, ctx, *issued, "created");
}

http::Response detail_page(Web& web, Context& ctx) {
  return web.respond(ctx, viewed_account(web, ctx), [&](const Account& account) {
    return web.render(ctx, "accounts/detail", account_view(account, now()),
                      {account.display_name, trail(account.display_name), {}});
  });
}

http::Response edit_page(Web& web, Context& ctx) {
  return web.respond(ctx, viewed_account(web, ctx), [&](const Account& account) {
    return form_page(web, ctx, input_from(account), account.id, {}, 200);
  });
}

http::Response update_action(Web& web, Context& ctx) {
  const auto svc = web.service(ctx);
  auto before = path_id(ctx, kNotFound).and_then([&](std::int64_t id) { return get_account(svc, id); });
  if (!before) return web.error(ctx, before.error());
  const std::int64_t id = before->id;
  auto in = input_from_form(ctx.form);
  in.login_id = before->login_id;  // the login id is fixed once issued
  auto updated = update_account(svc, id, in);
  if (!updated) {
    if (updated.error().fields.empty())
      return web.redirect_with(ctx, detail_href(id), {"danger", updated.error().message});
    return form_page(web, ctx, in, id, updated.error().fields, http::status_for(updated.error().code));
  }
  return web.redirect_with(ctx, detail_href(id), {"success", "계정 정보를 수정했습니다."});
}

http::Response reset_password_action(Web& web, Context& ctx) {
  // An account that does not exist is 404 before anything is asked.
  if (auto id = path_id(ctx, kNotFound); id && get_account(web.service(ctx), *id)) {
    if (auto page = web.ask_first(
            ctx, {"비밀번호를 초기화할까요?",
                  "새 초기 비밀번호를 발급하고, 이 계정으로 로그인 중인 곳을 모두 로그아웃합니다. "
                  "본인은 새 비밀번호로 다시 로그인한 뒤 비밀번호를 바꿔야 합니다.",
                  "초기화", detail_href(*id)}))
      return std::move(*page);
  }
  auto issued = path_id(ctx, kNotFound).and_then([&](std::int64_t id) {
    return reset_account_password(web.service(ctx), id);
  });
  return web.respond(ctx, std::move(issued),
                     [&](const Issued& i) { return redirect_to_issued(web, ctx, i, "reset"); });
}

http::Response unlock_action(Web& web, Context& ctx) {
  auto id = path_id(ctx, kNotFound);
  if (!id) return web.error(ctx, id.error());
  auto done = unlock_account(web.service(ctx), *id);
  if (!done) return web.error(ctx, done.error());
  return web.redirect_with(ctx, detail_href(*id), {"success", "계정 잠금을 풀었습니다."});
}
}  // namespace

std::vector<RouteSpec> admin_routes() {
  return {
      {"GET", "/admin/", kAdminArea, admin_home_page},
      {"GET", "/admin/roles", kAdminArea, roles_page},
      {"GET", "/admin/accounts", kManage, list_page},
      {"GET", "/admin/accounts/new", kManage, new_page},
      {"POST", "/admin/accounts", kManage, create_action},
      {"GET", "/admin/accounts/{id}", kManage, detail_page},
      {"GET", "/admin/accounts/{id}/edit", kManage, edit_page},
      {"POST", "/admin/accounts/{id}", kManage, update_action},
      {"POST", "/admin/accounts/{id}/reset-password", kManage, reset_password_action},
      {"GET", "/admin/accounts/{id}/issued", kManage, issued_page},
      {"POST", "/admin/accounts/{id}/unlock", kManage, unlock_action},
  };
}

}  // namespace sotong::platform::accounts
