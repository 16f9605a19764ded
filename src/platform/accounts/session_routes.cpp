// Thin handlers for signing in and out, the forced password change and keeping a session alive.
#include "http/status.hpp"
#include "platform/accounts/account_service.hpp"
#include "platform/accounts/accounts_module.hpp"
#include "platform/crypto.hpp"
#include "platform/history/history.hpp"
#include "platform/web/web.hpp"

namespace sotong::platform::accounts {
namespace {
using render::View;

/// Only local paths are followed after login, so the login page cannot redirect off-site.
std::string safe_next(const std::string& next) {
  return http::is_local_path(next) ? next : "/";
}

http::Response login_page(Web& web, Context& ctx, const std::string& login_id, const std::string& next,
                          const Error* error, int status) {
  if (ctx.csrf.empty()) {
    ctx.csrf = random_token(24);
    ctx.set_cookies.push_back(web.set_cookie(ctx, kLoginCsrfCookie, ctx.csrf, 3600));
  }
  View v = View::object({{"login_id", login_id}, {"next", next}});
  if (error) {
    v.set("error", error->message);
    v.set("errors", errors_view(error->fields.empty() ? std::vector<FieldError>{{"login_id", error->message}}
                                                      : error->fields));
  }
  PageMeta meta{"로그인", {{"로그인", ""}}, {}};
  if (ctx.query.get("expired") == "1")
    meta.flash = {"info", "오랫동안 사용하지 않아 로그아웃되었습니다. 다시 로그인해 주십시오."};
  return web.render(ctx, "accounts/login", v, meta, status);
}

http::Response password_page(Web& web, Context& ctx, const std::vector<FieldError>& errors, int status) {
  View v = View::object({{"errors", errors_view(errors)}, {"forced", ctx.must_change_password}});
  for (const auto& e : errors) v.set("error_" + e.field, e.message);
  PageMeta meta{"비밀번호 변경", {{"비밀번호 변경", ""}}, {}};
  if (ctx.must_change_password && errors.empty()) {
    meta.flash = {"info", "처음 받은 비밀번호는 바로 변경해야 합니다. 새 비밀번호를 정해 주십시오."};
  }
  return web.render(ctx, "accounts/password", v, meta, status);
}

http::Response login_form(Web& web, Context& ctx) {
  if (ctx.signed_in()) return http::Response::redirect("/");
  return login_page(web, ctx, "", ctx.query.get("next"), nullptr, 200);
}

http::Response login_action(Web& web, Context& ctx) {
  const std::string login_id = ctx.form.get("login_id");
  const std::string next = ctx.form.get("next");
  auto signed_in = sign_in(web.db(), web.settings(), login_id, ctx.form.get("password"), ctx.remote_address,
                           ctx.request.header("user-agent"));
  if (!signed_in)
    return login_page(web, ctx, login_id, next, &signed_in.error(), http::status_for(signed_in.error().code));
  // A new session id at every sign-in, and the pre-login CSRF cookie is dropped.
  auto res = http::Response::redirect(signed_in->must_change_password ? "/password" : safe_next(next));
  res.header("Set-Cookie", web.set_cookie(ctx, kSessionCookie, signed_in->session.token));
  res.header("Set-Cookie", web.set_cookie(ctx, kLoginCsrfCookie, "", 0));
  return res;
}

http::Response logout_action(Web& web, Context& ctx) {
  web.db().write([&](store::Connection& c) {
    sessions::close(c, ctx.session_hash);
    history::record_sign_in(c, ctx.actor.login_id, ctx.actor.account_id, ctx.remote_address,
                            history::SignInOutcome::logout);
    return 0;
  });
  ctx.set_cookies.push_back(web.set_cookie(ctx, kSessionCookie, "", 0));
  return web.redirect_with(ctx, "/login", {"success", "로그아웃했습니다."});
}

http::Response extend_session_action(Web& web, Context& ctx) {
  web.db().write([&](store::Connection& c) {
    sessions::extend(c, ctx.session_hash, now());
    return 0;
  });
  return http::Response::json("{\"extended\":true}", 200);
}

http::Response password_form(Web& web, Context& ctx) {
  return password_page(web, ctx, {}, 200);
}

http::Response change_password_action(Web& web, Context& ctx) {
  auto changed = change_password(web.service(ctx), ctx.session_hash, ctx.form.get("current"),
                                 ctx.form.get("next"), ctx.form.get("confirm"));
  if (!changed)
    return web.refuse_form(ctx, changed.error(), [&](const auto& fields, int) {
      return password_page(web, ctx, fields, http::status_for(changed.error().code));
    });
  return web.redirect_with(ctx, "/", {"success", "비밀번호를 변경했습니다."});
}
}  // namespace

std::vector<RouteSpec> session_routes() {
  const std::string anyone(kPublic), signed_in(kSignedIn);
  return {
      {"GET", "/login", anyone, login_form},
      {"POST", "/login", anyone, login_action},
      {"POST", "/logout", signed_in, logout_action},
      {"POST", "/session/extend", signed_in, extend_session_action},
      {"GET", "/password", signed_in, password_form},
      {"POST", "/password", signed_in, change_password_action},
  };
}

}  // namespace sotong::platform::accounts
