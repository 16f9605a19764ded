#include "platform/web/web.hpp"

#include <algorithm>
#include <boost/json.hpp>

#include "core/clock.hpp"
#include "core/korean_text.hpp"
#include "http/status.hpp"
#include "platform/crypto.hpp"
#include "platform/web/client_address.hpp"
#include "platform/web/params.hpp"

namespace sotong::platform {
namespace {

bool is_write(const http::Request& r) {
  return r.method != "GET" && r.method != "HEAD";
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

std::string json_error(std::string_view code, std::string_view message,
                       const std::vector<FieldError>& fields) {
  boost::json::object f;
  for (const auto& e : fields) f[e.field] = e.message;
  boost::json::object error{{"code", code}, {"message", message}, {"fields", f}};
  return boost::json::serialize(boost::json::object{{"error", error}});
}

/// The first query, form or multipart field holding NUL or another control character, as a 422 naming it.
std::optional<Error> control_characters(const Context& ctx) {
  for (const auto* fields : {&ctx.query.fields(), &ctx.form.fields(), &ctx.multipart.fields()}) {
    for (const auto& [name, value] : *fields) {
      if (http::has_control_characters(name) || http::has_control_characters(value))
        return Error::invalid("입력에 쓸 수 없는 제어 문자(NUL 등)가 있습니다.",
                              {{name, "제어 문자는 쓸 수 없습니다."}});
    }
  }
  return std::nullopt;
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

Result<std::int64_t> path_id(const Context& ctx, std::string_view message) {
  auto id = parse_id(ctx.request.param("id"));
  if (!id) return message.empty() ? Error::not_found() : Error::not_found(std::string(message));
  return *id;
}

Web::Web(store::Database& db, const Policy& policy, const Settings& settings,
         const render::TemplateSet& templates, const std::vector<ModuleManifest>& modules,
         std::map<std::string, SettingsSection> module_settings)
    : db_(db), policy_(policy), settings_(settings), templates_(templates) {
  for (auto& [name, section] : module_settings) module_settings_.emplace(name, std::move(section));
  bool has_identity = false;
  for (const auto& m : modules) {
    menu_.insert(menu_.end(), m.menu.begin(), m.menu.end());
    cards_.insert(cards_.end(), m.cards.begin(), m.cards.end());
    tasks_.insert(tasks_.end(), m.tasks.begin(), m.tasks.end());
    badges_.insert(badges_.end(), m.badges.begin(), m.badges.end());
    if (m.identity) {
      if (has_identity) throw std::logic_error("two modules provide the identity: " + m.name);
      identity_ = *m.identity;
      has_identity = true;
    }
  }
  const auto by_order = [](const auto& a, const auto& b) { return a.order < b.order; };
  std::stable_sort(menu_.begin(), menu_.end(), by_order);
  std::stable_sort(cards_.begin(), cards_.end(), by_order);
  std::stable_sort(tasks_.begin(), tasks_.end(), by_order);
  std::stable_sort(badges_.begin(), badges_.end(), by_order);
}

const SettingsSection& Web::module_settings(std::string_view module) const {
  auto it = module_settings_.find(module);
  if (it == module_settings_.end()) throw std::logic_error("no settings section for " + std::string(module));
  return it->second;
}

void Web::add_routes(const std::vector<RouteSpec>& routes) {
  for (const auto& r : routes) {
    if (r.handler == nullptr) throw std::logic_error("route " + r.pattern + " has no handler");
    if (!policy_.knows(r.action))
      throw std::logic_error("route " + r.pattern + " names an unknown action " + r.action);
    guarded_.emplace_back(r.method, r.pattern, r.action);
    if (r.secret_in_path) router_.add_secret_prefix(r.pattern.substr(0, r.pattern.find('{')));
    const bool api = r.kind == RouteKind::api;
    router_.add({r.method, r.pattern,
                 [this, guard = Guard{r.action, r.hidden}, handler = r.handler, api,
                  secret = r.secret_in_path](http::Request& request) {
                   request.secret_in_path = secret;
                   return handle(request, guard, handler, api);
                 },
                 false, r.max_body,
                 [this, guard = Guard{r.action, r.hidden}, api](const http::Request& request) {
                   return admit(request, guard, api);
                 }});
  }
}

bool Web::over_tls(const Context& ctx) const {
  return settings_.secure_cookies || (from_trusted_proxy(ctx.request, settings_.trusted_proxies) &&
                                      ctx.request.header("x-forwarded-proto") == "https");
}

http::CookieOptions Web::cookie_options(const Context& ctx, long max_age) const {
  http::CookieOptions o;
  o.secure = over_tls(ctx);
  o.max_age = max_age;
  return o;
}

std::string Web::cookie_name(const Context& ctx, std::string_view name) const {
  return http::cookie_name(name, over_tls(ctx));
}

std::string Web::read_cookie(const Context& ctx, std::string_view name) const {
  return ctx.request.cookie(cookie_name(ctx, name));
}

std::string Web::set_cookie(const Context& ctx, std::string_view name, std::string_view value,
                            long max_age) const {
  return http::set_cookie(cookie_name(ctx, name), value, cookie_options(ctx, max_age));
}

void Web::resolve_session(Context& ctx) {
  const std::string token = read_cookie(ctx, kSessionCookie);
  if (token.empty() || !identity_.session) {
    ctx.csrf = read_cookie(ctx, kLoginCsrfCookie);
    return;
  }
  auto found = identity_.session(db_, settings_, token);
  if (!found) {
    ctx.csrf = read_cookie(ctx, kLoginCsrfCookie);
    ctx.set_cookies.push_back(set_cookie(ctx, kSessionCookie, "", 0));
    return;
  }
  ctx.actor = std::move(found->actor);
  ctx.csrf = std::move(found->csrf);
  ctx.session_hash = std::move(found->hash);
  ctx.must_change_password = found->must_change_password;
}

void Web::resolve_bearer(Context& ctx) {
  std::string_view auth = ctx.request.header("authorization");
  if (auth.substr(0, 7) != "Bearer " || !identity_.bearer) return;
  if (auto actor = identity_.bearer(db_, trim(auth.substr(7)))) {
    ctx.actor = std::move(*actor);
    ctx.bearer = true;
  }
}

std::optional<http::Response> Web::read_body(Context& ctx) {
  const http::Request& request = ctx.request;
  ctx.query = http::Form::parse(request.query_string);
  if (is_write(request)) read_form(ctx);
  if (!ctx.body_error) ctx.body_error = control_characters(ctx);
  return std::nullopt;  // bad input is refused after the CSRF check, so that a forged request says nothing
}

void Web::read_form(Context& ctx) {
  const http::Request& request = ctx.request;
  if (request.header("content-type").substr(0, 33) == "application/x-www-form-urlencoded") {
    ctx.form = http::Form::parse(request.body);
  } else if (auto boundary = http::Multipart::boundary_of(request.header("content-type"))) {
    auto parsed = http::Multipart::parse(request.body, *boundary);
    if (!parsed) {
      ctx.body_error = parsed.error();
    } else {
      ctx.multipart = std::move(*parsed);
    }
    // The files now hold their own bytes: the raw body (up to the route's limit) is let go at once.
    std::string().swap(ctx.request.body);
  }
  if (ctx.form.malformed()) ctx.body_error = Error::invalid("요청의 형식이 올바르지 않습니다.");
}

std::optional<http::Response> Web::authenticate(Context& ctx) {
  const bool writes = is_write(ctx.request);
  if (ctx.api && !ctx.request.header("authorization").empty()) {
    resolve_bearer(ctx);
    if (!ctx.signed_in())
      return json(ctx, json_error("unauthenticated", "API 토큰이 올바르지 않거나 만료되었습니다.", {}), 401);
  } else if (!ctx.api || !writes) {
    resolve_session(ctx);  // the browser's session may read the API; writes need a token
  }
  ctx.actor.remote_address = ctx.remote_address;
  return std::nullopt;
}

std::optional<http::Response> Web::require_sign_in(Context& ctx, const std::string& action) {
  if (action == kPublic || ctx.signed_in()) return std::nullopt;
  if (ctx.api) return json(ctx, json_error("unauthenticated", "로그인 또는 API 토큰이 필요합니다.", {}), 401);
  if (ctx.request.is_htmx()) {
    http::Response r = http::Response::text("로그인이 필요합니다.", 401);
    r.header("HX-Redirect", "/login");
    return r;
  }
  const bool writes = is_write(ctx.request);
  const bool had_cookie = !read_cookie(ctx, kSessionCookie).empty();
  std::string location = "/login";
  if (!writes) location += "?next=" + http::percent_encode(ctx.request.target);
  if (had_cookie) location += (writes ? "?" : "&") + std::string("expired=1");
  return http::Response::redirect(location);
}

std::optional<http::Response> Web::require_password_change(Context& ctx) {
  // Only a session carries the flag: an API token is issued by the operator for another system, not signed in
  // with the initial password, so it is unaffected.
  if (!ctx.must_change_password) return std::nullopt;
  if (ctx.api) {
    return json(
        ctx,
        json_error("password_change_required",
                   "비밀번호를 바꾼 뒤에 이용할 수 있습니다. 화면에서 새 비밀번호를 정해 주십시오.", {}),
        403);
  }
  const auto& pattern = ctx.request.route_pattern;
  if (pattern != "/password" && pattern != "/logout") return http::Response::redirect("/password");
  return std::nullopt;
}

std::optional<http::Response> Web::verify_csrf(Context& ctx) {
  if (!is_write(ctx.request) || ctx.bearer) return std::nullopt;
  std::string sent = ctx.form.get("_csrf");
  if (sent.empty()) sent = ctx.multipart.get("_csrf");
  if (sent.empty()) sent = std::string(ctx.request.header("x-csrf-token"));
  if (ctx.csrf.empty() || !secrets_equal(sent, ctx.csrf)) {
    return error(ctx, Error{ErrorCode::forbidden,
                            "보안 확인값이 맞지 않습니다. 페이지를 새로 고친 뒤 다시 시도해 주십시오.",
                            {}});
  }
  return std::nullopt;
}

std::optional<http::Response> Web::refuse_bad_input(Context& ctx) {
  if (ctx.body_error) return error(ctx, *ctx.body_error);
  return std::nullopt;
}

std::optional<http::Response> Web::authorize(Context& ctx, const Guard& guard) {
  if (policy_.allows(ctx.actor, guard.action)) return std::nullopt;
  if (guard.hidden) return error(ctx, Error::not_found());
  return error(ctx, Error::forbidden());
}

http::Response Web::finish(Context& ctx, http::Response response) {
  for (auto& cookie : ctx.set_cookies) response.header("Set-Cookie", cookie);
  add_security_headers(response);
  return response;
}

std::optional<http::Response> Web::check_actor(Context& ctx, const Guard& guard) {
  if (auto early = authenticate(ctx)) return early;
  if (auto early = require_sign_in(ctx, guard.action)) return early;
  if (auto early = require_password_change(ctx)) return early;
  if (auto early = authorize(ctx, guard)) return early;
  return std::nullopt;
}

std::optional<http::Response> Web::admit(const http::Request& request, const Guard& guard, bool api) {
  http::Request head_only = request;  // the header alone: no body has been read
  Context ctx{head_only};
  ctx.api = api;
  ctx.remote_address = client_address(request, settings_.trusted_proxies);
  if (auto early = check_actor(ctx, guard)) return finish(ctx, std::move(*early));
  return std::nullopt;
}

http::Response Web::handle(http::Request& request, const Guard& guard, RouteHandler handler, bool api) {
  Context ctx{request};
  ctx.api = api;
  ctx.remote_address = client_address(request, settings_.trusted_proxies);
  if (auto early = check_actor(ctx, guard)) return finish(ctx, std::move(*early));
  if (auto early = read_body(ctx)) return finish(ctx, std::move(*early));
  if (auto early = verify_csrf(ctx)) return finish(ctx, std::move(*early));
  if (auto early = refuse_bad_input(ctx)) return finish(ctx, std::move(*early));
  return finish(ctx, handler(*this, ctx));
}

Flash Web::take_flash(Context& ctx) {
  const std::string raw = read_cookie(ctx, kFlashCookie);
  if (raw.empty()) return {};
  ctx.set_cookies.push_back(set_cookie(ctx, kFlashCookie, "", 0));
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
                                        {"login_id", ctx.actor.login_id}}));
    render::View badges = render::View::list();
    std::vector<const HeaderBadge*> shown;
    for (const auto& b : badges_)
      if (b.count && policy_.allows(ctx.actor, b.action)) shown.push_back(&b);
    if (!shown.empty()) {
      db_.read([&](store::Connection& c) {
        for (const HeaderBadge* b : shown) {
          badges.push(render::View::object({{"code", b->code},
                                            {"label", b->label},
                                            {"href", b->href},
                                            {"count", b->count(c, ctx.actor)}}));
        }
        return 0;
      });
    }
    v.set("badges", badges);
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
  const http::StatusText& text = http::status_text(e.code);
  if (ctx.api) return json(ctx, json_error(text.api_code, e.message, e.fields), text.status);
  if (e.code == ErrorCode::unauthenticated) return http::Response::redirect("/login");
  render::View v = render::View::object({{"status", text.status},
                                         {"heading", text.heading},
                                         {"message", e.message.empty() ? text.message : e.message},
                                         {"home_href", "/"}});
  return render(ctx, "web/error", v, PageMeta{text.heading, {{text.heading, ""}}, {}}, text.status);
}

http::Response Web::status_page(int status, const http::Request& request) {
  const http::StatusText text = http::status_text(status);
  // The page needs the request's line and headers, never its body (which may be megabytes).
  http::Request copy;
  copy.method = request.method;
  copy.target = request.target;
  copy.path = request.path;
  copy.query_string = request.query_string;
  copy.headers = request.headers;
  copy.remote_address = request.remote_address;
  Context ctx{copy};
  if (request.path.rfind("/api/", 0) == 0) {
    return finish(ctx, http::Response::json(json_error(text.api_code, text.message, {}), status));
  }
  if (status == 404 || status == 405) {
    try {
      resolve_session(ctx);  // a signed-in person keeps their menu on a 404
    } catch (...) {
    }
  }
  ctx.set_cookies.clear();
  render::View v = render::View::object(
      {{"status", status}, {"heading", text.heading}, {"message", text.message}, {"home_href", "/"}});
  return finish(ctx, render(ctx, "web/error", v, PageMeta{text.heading, {{text.heading, ""}}, {}}, status));
}

std::optional<http::Response> Web::ask_first(Context& ctx, const Confirmation& c) {
  if (ctx.form.get("confirmed") == "1" || ctx.multipart.get("confirmed") == "1") return std::nullopt;
  render::View fields = render::View::list();
  for (const auto& [name, value] : ctx.form.fields())
    if (name != "_csrf" && name != "confirmed")
      fields.push(render::View::object({{"name", name}, {"value", value}}));
  // The form posts back to the action asked; a path that could read as another host ("//x") is never written.
  std::string action = ctx.request.path;
  while (action.size() > 1 && action[1] == '/') action.erase(0, 1);
  render::View v =
      render::View::object({{"title", c.title},
                            {"message", c.message},
                            {"button", c.button},
                            {"cancel_href", http::is_local_path(c.cancel_href) ? c.cancel_href : "/"},
                            {"action", action},
                            {"fields", fields}});
  return render(ctx, "web/confirm", v, PageMeta{c.title, {{c.title, ""}}, {}});
}

http::Response Web::redirect_with(Context& ctx, std::string location, Flash flash) {
  http::Response r = http::Response::redirect(std::move(location));
  r.header("Set-Cookie", set_cookie(ctx, kFlashCookie, flash_encode(flash), 60));
  return r;
}

}  // namespace sotong::platform
