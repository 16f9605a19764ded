// The request pipeline and page rendering every module's routes go through (body → authentication →
// sign-in required → password change required → CSRF → bad input → authorization → handler), and the helpers
// that keep handlers short.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "core/result.hpp"
#include "http/router.hpp"
#include "platform/module.hpp"
#include "platform/module_settings.hpp"
#include "platform/policy.hpp"
#include "platform/service_context.hpp"
#include "platform/settings.hpp"
#include "platform/web/context.hpp"
#include "render/template_set.hpp"
#include "store/database.hpp"

namespace sotong::platform {

// Cookie names as sent over plain HTTP; over TLS each goes by "__Host-" + the name (Web::cookie_name).
inline constexpr std::string_view kSessionCookie = "sotong_session";
inline constexpr std::string_view kLoginCsrfCookie = "sotong_login_csrf";
inline constexpr std::string_view kFlashCookie = "sotong_flash";

class Web {
 public:
  /// Takes the menu, cards, header badges and identity provider from the modules' manifests, and each
  /// module's checked settings section.
  Web(store::Database& db, const Policy& policy, const Settings& settings,
      const render::TemplateSet& templates, const std::vector<ModuleManifest>& modules,
      std::map<std::string, SettingsSection> module_settings = {});

  /// Registers a module's route table. Throws std::logic_error for an unknown action or a duplicate route.
  void add_routes(const std::vector<RouteSpec>& routes);
  /// A route outside the pipeline (health, metrics, static files).
  void raw(http::Route route) { router_.add(std::move(route)); }

  /// The full page (layout + template), or only the template for an htmx request.
  http::Response render(Context& ctx, std::string_view template_name, render::View view, const PageMeta& meta,
                        int status = 200);
  /// A page for an expected error: 403/404/409… in the layout, or JSON on an API route.
  http::Response error(Context& ctx, const Error& error);
  /// A page for a status without context (404 for unknown paths, 413, 500).
  http::Response status_page(int status, const http::Request& request);
  /// 303 to `location`, carrying a one-time message shown on the next page.
  http::Response redirect_with(Context& ctx, std::string location, Flash flash);
  /// JSON body with status.
  http::Response json(Context& ctx, std::string body, int status = 200);

  /// on_value(value) when `result` holds one, else the error as a page or JSON.
  template <typename T, typename F>
  http::Response respond(Context& ctx, Result<T>&& result, F&& on_value) {
    if (!result) return error(ctx, result.error());
    return on_value(*result);
  }
  /// After a refused form post: the form again with the field errors beside their fields (422 from
  /// `form_page(fields, status)`), or the error page when the refusal names no field.
  template <typename F>
  http::Response refuse_form(Context& ctx, const Error& refusal, F&& form_page) {
    if (refusal.fields.empty()) return error(ctx, refusal);
    return form_page(refusal.fields, 422);
  }

  /// The database, the policy and the actor of this request, for a service call.
  ServiceContext service(const Context& ctx) { return {db_, policy_, ctx.actor}; }

  /// Renders a named template with the actor's common fields (for dashboard cards and partials).
  std::string render_fragment(std::string_view template_name, const render::View& view) const;

  store::Database& db() { return db_; }
  const Policy& policy() const { return policy_; }
  const Settings& settings() const { return settings_; }
  /// A module's checked settings section (its declared defaults when the file has none).
  const SettingsSection& module_settings(std::string_view module) const;
  const render::TemplateSet& templates() const { return templates_; }
  http::Router& router() { return router_; }
  const std::vector<DashboardCard>& cards() const { return cards_; }
  const std::vector<TaskSource>& tasks() const { return tasks_; }
  /// The menu, in order (the home page lists what each entry is for).
  const std::vector<MenuEntry>& menu() const { return menu_; }
  /// Every (method, pattern, action) registered, for the route-coverage test and the admin roles page.
  const std::vector<std::tuple<std::string, std::string, std::string>>& guarded_routes() const {
    return guarded_;
  }

  /// For a destructive or irreversible POST: nullopt once the person confirmed (the form carries
  /// confirmed=1, added by the confirmation dialog in the page or by this fallback); otherwise the page that
  /// asks first, for browsers without script, posting the same fields back with confirmed=1. A form opts into
  /// the dialog with data-confirm-title, data-confirm-message and data-confirm-button on the <form>.
  std::optional<http::Response> ask_first(Context& ctx, const Confirmation& confirmation);

  /// Session cookie options for this deployment (Secure when configured or behind TLS).
  http::CookieOptions cookie_options(const Context& ctx, long max_age = -1) const;
  /// Whether the request reached the server over TLS: [security] secure_cookies, or X-Forwarded-Proto: https
  /// from a trusted proxy.
  bool over_tls(const Context& ctx) const;
  /// The name cookie `name` (kSessionCookie …) goes by on this request: "__Host-" + name over TLS, the plain
  /// name over plain HTTP (where browsers refuse Secure cookies, and so the prefix).
  std::string cookie_name(const Context& ctx, std::string_view name) const;
  /// The request's value of cookie `name` under the name matching its transport ("" when absent).
  std::string read_cookie(const Context& ctx, std::string_view name) const;
  /// The Set-Cookie value of cookie `name` for this request: its name and options (max_age -1: until the
  /// browser closes, 0: delete).
  std::string set_cookie(const Context& ctx, std::string_view name, std::string_view value,
                         long max_age = -1) const;

 private:
  /// What a route asks of the caller: its policy action, and whether a refusal reads as not found.
  struct Guard {
    std::string action;
    bool hidden = false;
  };
  http::Response handle(http::Request& request, const Guard& guard, RouteHandler handler, bool api);
  /// The pipeline's first steps on a request whose large body is not read yet (see http::Admission).
  std::optional<http::Response> admit(const http::Request& request, const Guard& guard, bool api);
  /// Who asks, whether they must sign in or change their password first, and whether their role may:
  /// everything that needs no body, shared by admit() and handle().
  std::optional<http::Response> check_actor(Context& ctx, const Guard& guard);

  // The pipeline's steps, in order; each returns the response that ends the request early, if any.
  std::optional<http::Response> authenticate(Context& ctx);
  std::optional<http::Response> require_sign_in(Context& ctx, const std::string& action);
  std::optional<http::Response> require_password_change(Context& ctx);
  std::optional<http::Response> authorize(Context& ctx, const Guard& guard);
  /// The body is parsed only now, for someone allowed to send it.
  std::optional<http::Response> read_body(Context& ctx);
  /// The urlencoded form or multipart body of a write (a parse failure is kept in ctx.body_error).
  void read_form(Context& ctx);
  std::optional<http::Response> verify_csrf(Context& ctx);
  std::optional<http::Response> refuse_bad_input(Context& ctx);
  /// Adds the request's cookies and the security headers: every response of the pipeline ends here.
  http::Response finish(Context& ctx, http::Response response);

  void resolve_session(Context& ctx);
  void resolve_bearer(Context& ctx);
  render::View layout_view(Context& ctx, const PageMeta& meta, std::string content);
  Flash take_flash(Context& ctx);

  store::Database& db_;
  const Policy& policy_;
  const Settings& settings_;
  const render::TemplateSet& templates_;
  std::vector<MenuEntry> menu_;
  std::vector<DashboardCard> cards_;
  std::vector<TaskSource> tasks_;
  std::vector<HeaderBadge> badges_;
  IdentityProvider identity_;
  std::map<std::string, SettingsSection, std::less<>> module_settings_;
  http::Router router_;
  std::vector<std::tuple<std::string, std::string, std::string>> guarded_;
};

/// Korean field errors as a template list [{field, message}].
render::View errors_view(const std::vector<FieldError>& errors);

/// The positive id in the path parameter {id}, or not_found with `message` ("기관을 찾을 수 없습니다."):
/// "12a", "-1" and "" are no ids.
Result<std::int64_t> path_id(const Context& ctx, std::string_view message = {});

}  // namespace sotong::platform
