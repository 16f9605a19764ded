#include "platform/web/web.hpp"

#include <algorithm>
#include <boost/json.hpp>

#include "core/clock.hpp"
#include "core/korean_text.hpp"
#include "http/status.hpp"
#include "platform/accounts/api_token_store.hpp"
#include "platform/accounts/session_store.hpp"
#include "platform/crypto.hpp"
#include "platform/notifications/notifications.hpp"

namespace sotong::platform {
namespace {

bool is_write(const http::Request& r) {
  return r.method != "GET" && r.method != "HEAD";
}

std::string client_address(const http::Request& r, bool trust_proxy) {
  if (trust_proxy) {
    std::string_view forwarded = r.header("x-forwarded-for");
    if (!forwarded.empty()) {
      // nginx appends the peer it saw last; the left-most entry is the original client.
      const auto comma = forwarded.find(',');
      return std::string(trim(forwarded.substr(0, comma)));
    }
  }
  return r.remote_address;
}

void add_security_headers(http::Response& res) {
  res.header("X-Content-Type-Options", "nosniff");
  res.header("X-Frame-Options", "DENY");
  res.header("Referrer-Policy", "same-origin");
  res.header("Content-Security-Policy",
             "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
             "frame-ancestors 'none'; form-action 'self'; base-uri 'none'");
  const bool has_cache_control = std::any_of(res.headers.begin(), res.headers.end(),
                                             [](const auto& h) { return h.first == "Cache-Control"; });
  if (!has_cache_control) res.header("Cache-Control", "no-store");
}

struct StatusText {
  const char* heading;
  const char* message;
};

StatusText status_text(int status) {
  switch (status) {
    case 400:
      return {"잘못된 요청입니다", "요청의 형식이 올바르지 않습니다. 주소와 입력 내용을 확인해 주십시오."};
    case 401:
      return {"로그인이 필요합니다", "로그인한 뒤 다시 시도해 주십시오."};
    case 403:
      return {"접근 권한이 없습니다",
              "이 페이지나 작업에 대한 권한이 없습니다. 필요하면 시스템 관리자에게 문의하십시오."};
    case 404:
      return {"페이지를 찾을 수 없습니다",
              "주소가 바뀌었거나 삭제된 페이지입니다. 주소를 다시 확인해 주십시오."};
    case 405:
      return {"허용되지 않는 요청 방식입니다", "이 주소는 해당 방식의 요청을 받지 않습니다."};
    case 409:
      return {"처리할 수 없는 요청입니다", "다른 자료와 충돌하여 요청을 처리하지 못했습니다."};
    case 413:
      return {"요청이 너무 큽니다", "보낸 내용이 허용된 크기를 넘었습니다. 크기를 줄여 다시 보내 주십시오."};
    case 422:
      return {"입력 내용을 확인해 주십시오", "입력한 내용이 올바르지 않습니다."};
    case 423:
      return {"계정이 잠겼습니다", "잠시 후 다시 시도해 주십시오."};
    case 431:
      return {"요청 헤더가 너무 큽니다", "브라우저의 쿠키를 지운 뒤 다시 시도해 주십시오."};
    default:
      return {"일시적인 오류가 발생했습니다",
              "요청을 처리하는 중 문제가 생겼습니다. 잠시 후 다시 시도해 주십시오."};
  }
}

std::string json_error(std::string_view code, std::string_view message,
                       const std::vector<FieldError>& fields) {
  boost::json::object f;
  for (const auto& e : fields) f[e.field] = e.message;
  boost::json::object error{{"code", code}, {"message", message}, {"fields", f}};
  return boost::json::serialize(boost::json::object{{"error", error}});
}

std::string flash_encode(const Flash& f) {
  return http::percent_encode(f.kind + "|" + f.message);
}

}  // namespace

render::View errors_view(const std::vector<FieldError>& errors) {
  render::View list = render::View::list();
  for (std::size_t i = 0; i < errors.size(); ++i) {
    // `last` lets the partial draw its box once: mustache cannot ask whether a list is empty.
    list.push(render::View::object(
        {{"field", errors[i].field}, {"message", errors[i].message}, {"last", i + 1 == errors.size()}}));
  }
  return list;
}

Web::Web(store::Database& db, const Policy& policy, const Settings& settings,
         const render::TemplateSet& templates, std::vector<MenuEntry> menu, std::vector<DashboardCard> cards)
    : db_(db),
      policy_(policy),
      settings_(settings),
      templates_(templates),
      menu_(std::move(menu)),
      cards_(std::move(cards)) {
  std::stable_sort(menu_.begin(), menu_.end(),
                   [](const auto& a, const auto& b) { return a.order < b.order; });
  std::stable_sort(cards_.begin(), cards_.end(),
                   [](const auto& a, const auto& b) { return a.order < b.order; });
}

void Web::page(std::string method, std::string pattern, std::string action, PageHandler handler,
               std::size_t max_body) {
  if (!policy_.knows(action))
    throw std::logic_error("route " + pattern + " names an unknown action " + action);
  guarded_.emplace_back(method, pattern, action);
  router_.add({std::move(method), std::move(pattern),
               [this, action, handler = std::move(handler)](http::Request& r) {
                 return handle(r, action, handler, false);
               },
               false, max_body});
}

void Web::api(std::string method, std::string pattern, std::string action, PageHandler handler) {
  if (!policy_.knows(action))
    throw std::logic_error("route " + pattern + " names an unknown action " + action);
  guarded_.emplace_back(method, pattern, action);
  router_.add({std::move(method), std::move(pattern),
               [this, action, handler = std::move(handler)](http::Request& r) {
                 return handle(r, action, handler, true);
               },
               false, 0});
}

http::CookieOptions Web::cookie_options(const Context& ctx, long max_age) const {
  http::CookieOptions o;
  o.secure = settings_.secure_cookies ||
             (settings_.trust_proxy && ctx.request.header("x-forwarded-proto") == "https");
  o.max_age = max_age;
  return o;
}

void Web::resolve_session(Context& ctx) {
  const std::string token = ctx.request.cookie(kSessionCookie);
  if (token.empty()) {
    ctx.csrf = ctx.request.cookie(kLoginCsrfCookie);
    return;
  }
  const Timestamp t = now();
  auto found = db_.read([&](store::Connection& c) { return sessions::find(c, token, t, settings_); });
  if (!found) {
    ctx.csrf = ctx.request.cookie(kLoginCsrfCookie);
    ctx.set_cookies.push_back(http::set_cookie(kSessionCookie, "", cookie_options(ctx, 0)));
    return;
  }
  if (t - found->last_seen_at >= 60)
    db_.write([&](store::Connection& c) {
      sessions::touch(c, *found, t);
      return 0;
    });
  ctx.actor = std::move(found->actor);
  ctx.csrf = std::move(found->csrf);
  ctx.session_hash = std::move(found->hash);
  ctx.must_change_password = found->must_change_password;
}

void Web::resolve_bearer(Context& ctx) {
  std::string_view auth = ctx.request.header("authorization");
  if (auth.substr(0, 7) != "Bearer ") return;
  const std::string token(trim(auth.substr(7)));
  const Timestamp t = now();
  auto actor = db_.write([&](store::Connection& c) -> std::optional<Actor> {
    auto account = api_tokens::account_for(c, token, t);
    if (!account) return std::nullopt;
    return sessions::load_actor(c, *account);
  });
  if (actor) {
    ctx.actor = std::move(*actor);
    ctx.bearer = true;
  }
}

http::Response Web::handle(http::Request& request, const std::string& action, const PageHandler& handler,
                           bool api) {
  Context ctx{request};
  ctx.api = api;
  ctx.remote_address = client_address(request, settings_.trust_proxy);
  ctx.query = http::Form::parse(request.query_string);
  const bool writes = is_write(request);
  if (writes && request.header("content-type").substr(0, 33) == "application/x-www-form-urlencoded") {
    ctx.form = http::Form::parse(request.body);
  }
  std::optional<Error> multipart_error;
  if (writes) {
    if (auto boundary = http::Multipart::boundary_of(request.header("content-type"))) {
      auto parsed = http::Multipart::parse(request.body, *boundary);
      if (parsed) {
        ctx.multipart = std::move(*parsed);
      } else {
        multipart_error = parsed.error();
      }
    }
  }
  const bool has_bearer = api && !request.header("authorization").empty();
  if (has_bearer) {
    resolve_bearer(ctx);
    if (!ctx.signed_in())
      return json(ctx, json_error("unauthenticated", "API 토큰이 올바르지 않거나 만료되었습니다.", {}), 401);
  } else if (!api || !writes) {
    resolve_session(ctx);  // the browser's session may read the API; writes need a token
  }

  ctx.actor.remote_address = ctx.remote_address;

  if (action != kPublic && !ctx.signed_in()) {
    if (api) return json(ctx, json_error("unauthenticated", "로그인 또는 API 토큰이 필요합니다.", {}), 401);
    if (request.is_htmx()) {
      http::Response r = http::Response::text("로그인이 필요합니다.", 401);
      r.header("HX-Redirect", "/login");
      return r;
    }
    const bool had_cookie = !request.cookie(kSessionCookie).empty();
    std::string location = "/login";
    if (!writes) location += "?next=" + http::percent_encode(request.target);
    if (had_cookie) location += (writes ? "?" : "&") + std::string("expired=1");
    http::Response r = http::Response::redirect(location);
    for (auto& cookie : ctx.set_cookies) r.header("Set-Cookie", cookie);
    return r;
  }

  if (ctx.must_change_password && !api && request.route_pattern != "/password" &&
      request.route_pattern != "/logout") {
    return http::Response::redirect("/password");
  }

  if (writes && !ctx.bearer) {
    std::string sent = ctx.form.get("_csrf");
    if (sent.empty()) sent = ctx.multipart.get("_csrf");
    if (sent.empty()) sent = std::string(request.header("x-csrf-token"));
    if (ctx.csrf.empty() || !secrets_equal(sent, ctx.csrf)) {
      return error(ctx, Error{ErrorCode::forbidden,
                              "보안 확인값이 맞지 않습니다. 페이지를 새로 고친 뒤 다시 시도해 주십시오.",
                              {}});
    }
  }
  if (writes && ctx.form.malformed()) return error(ctx, Error::invalid("요청의 형식이 올바르지 않습니다."));
  if (multipart_error) return error(ctx, *multipart_error);

  if (!policy_.allows(ctx.actor, action)) return error(ctx, Error::forbidden());

  http::Response res = handler(ctx);
  for (auto& cookie : ctx.set_cookies) res.header("Set-Cookie", cookie);
  add_security_headers(res);
  return res;
}

Flash Web::take_flash(Context& ctx) {
  const std::string raw = ctx.request.cookie(kFlashCookie);
  if (raw.empty()) return {};
  ctx.set_cookies.push_back(http::set_cookie(kFlashCookie, "", cookie_options(ctx, 0)));
  std::string decoded;
  if (!http::percent_decode(raw, decoded, false)) return {};
  const auto bar = decoded.find('|');
  if (bar == std::string::npos) return {};
  Flash f{decoded.substr(0, bar), decoded.substr(bar + 1)};
  if (f.kind != "success" && f.kind != "danger" && f.kind != "info") return {};
  return f;
}

render::View Web::layout_view(Context& ctx, const PageMeta& meta, std::string content) {
  render::View v;
  v.set("title", meta.title);
  v.set("site_name", settings_.site_name);
  v.set("operator", settings_.operator_name);
  v.set("content", std::move(content));
  if (ctx.signed_in()) {
    v.set("csrf", ctx.csrf);
    std::string roles;
    for (Role r : ctx.actor.roles) roles += (roles.empty() ? "" : ", ") + std::string(role_label(r));
    v.set("user", render::View::object({{"name", ctx.actor.display_name},
                                        {"organization", ctx.actor.organization_name},
                                        {"roles", roles},
                                        {"login_id", ctx.actor.login_id},
                                        {"unread", db_.read([&](store::Connection& c) {
                                           return notifications::unread_count(c, ctx.actor.account_id);
                                         })}}));
    v.set("session_seconds", settings_.session_idle_minutes * 60);
    render::View menu = render::View::list();
    std::size_t best = 0;
    for (const auto& m : menu_) {
      if (policy_.allows(ctx.actor, m.action) && ctx.request.path.rfind(m.href, 0) == 0)
        best = std::max(best, m.href.size());
    }
    for (const auto& m : menu_) {
      if (!policy_.allows(ctx.actor, m.action)) continue;
      const bool current = best > 0 && m.href.size() == best && ctx.request.path.rfind(m.href, 0) == 0;
      menu.push(render::View::object({{"label", m.label}, {"href", m.href}, {"current", current}}));
    }
    v.set("menu", menu);
  }
  render::View crumbs = render::View::list();
  crumbs.push(render::View::object({{"label", "홈"}, {"href", "/"}, {"last", meta.breadcrumb.empty()}}));
  for (std::size_t i = 0; i < meta.breadcrumb.size(); ++i) {
    crumbs.push(render::View::object({{"label", meta.breadcrumb[i].label},
                                      {"href", meta.breadcrumb[i].href},
                                      {"last", i + 1 == meta.breadcrumb.size()}}));
  }
  v.set("breadcrumb", crumbs);
  Flash flash = meta.flash.message.empty() ? take_flash(ctx) : meta.flash;
  if (!flash.message.empty())
    v.set("flash", render::View::object({{"kind", flash.kind}, {"message", flash.message}}));
  return v;
}

http::Response Web::render(Context& ctx, std::string_view template_name, render::View view,
                           const PageMeta& meta, int status) {
  view.set("csrf", ctx.csrf);
  std::string content = templates_.render(template_name, view);
  // htmx swaps the fragment in; a boosted link or a history restore needs the whole page.
  const bool fragment = ctx.request.is_htmx() && ctx.request.header("hx-boosted").empty() &&
                        ctx.request.header("hx-history-restore-request").empty();
  if (fragment) return http::Response::html(std::move(content), status);
  return http::Response::html(templates_.render("web/layout", layout_view(ctx, meta, std::move(content))),
                              status);
}

std::string Web::render_fragment(std::string_view template_name, const render::View& view) const {
  return templates_.render(template_name, view);
}

http::Response Web::json(Context&, std::string body, int status) {
  return http::Response::json(std::move(body), status);
}

http::Response Web::error(Context& ctx, const Error& e) {
  const int status = http::status_for(e.code);
  if (ctx.api) return json(ctx, json_error(http::error_code_name(e.code), e.message, e.fields), status);
  if (e.code == ErrorCode::unauthenticated) return http::Response::redirect("/login");
  const StatusText text = status_text(status);
  render::View v = render::View::object({{"status", status},
                                         {"heading", text.heading},
                                         {"message", e.message.empty() ? text.message : e.message},
                                         {"home_href", "/"}});
  auto res = render(ctx, "web/error", v, PageMeta{text.heading, {{text.heading, ""}}, {}}, status);
  add_security_headers(res);
  return res;
}

http::Response Web::status_page(int status, const http::Request& request) {
  const StatusText text = status_text(status);
  if (request.path.rfind("/api/", 0) == 0) {
    const char* code = status == 404   ? "not_found"
                       : status == 405 ? "method_not_allowed"
                       : status == 413 ? "too_large"
                       : status >= 500 ? "internal"
                                       : "bad_request";
    return http::Response::json(json_error(code, text.message, {}), status);
  }
  http::Request copy = request;
  Context ctx{copy};
  if (status == 404 || status == 405) {
    try {
      resolve_session(ctx);  // a signed-in person keeps their menu on a 404
    } catch (...) {
    }
  }
  ctx.set_cookies.clear();
  render::View v = render::View::object(
      {{"status", status}, {"heading", text.heading}, {"message", text.message}, {"home_href", "/"}});
  auto res = render(ctx, "web/error", v, PageMeta{text.heading, {{text.heading, ""}}, {}}, status);
  add_security_headers(res);
  return res;
}

http::Response Web::redirect_with(Context& ctx, std::string location, Flash flash) {
  http::Response r = http::Response::redirect(std::move(location));
  r.header("Set-Cookie", http::set_cookie(kFlashCookie, flash_encode(flash), cookie_options(ctx, 60)));
  return r;
}

}  // namespace sotong::platform
