// The request pipeline and page rendering every module's routes go through: session → forced password
// change → CSRF on writes → policy → handler; full layout for a GET, the bare fragment for htmx.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "http/router.hpp"
#include "platform/module.hpp"
#include "platform/policy.hpp"
#include "platform/settings.hpp"
#include "platform/web/context.hpp"
#include "render/template_set.hpp"
#include "store/database.hpp"

namespace sotong::platform {

using PageHandler = std::function<http::Response(Context&)>;

inline constexpr std::string_view kSessionCookie = "sotong_session";
inline constexpr std::string_view kLoginCsrfCookie = "sotong_login_csrf";
inline constexpr std::string_view kFlashCookie = "sotong_flash";

class Web {
 public:
  Web(store::Database& db, const Policy& policy, const Settings& settings,
      const render::TemplateSet& templates, std::vector<MenuEntry> menu, std::vector<DashboardCard> cards);

  /// An HTML route. `action` is checked by the policy before `handler` runs.
  void page(std::string method, std::string pattern, std::string action, PageHandler handler,
            std::size_t max_body = 0);
  /// A JSON route (under /api/v1). Bearer token, or the session cookie for GET; errors as JSON.
  void api(std::string method, std::string pattern, std::string action, PageHandler handler);
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

  /// Renders a named template with the actor's common fields (for dashboard cards and partials).
  std::string render_fragment(std::string_view template_name, const render::View& view) const;

  store::Database& db() { return db_; }
  const Policy& policy() const { return policy_; }
  const Settings& settings() const { return settings_; }
  const render::TemplateSet& templates() const { return templates_; }
  http::Router& router() { return router_; }
  const std::vector<DashboardCard>& cards() const { return cards_; }
  /// Every (method, pattern, action) registered, for the route-coverage test and the admin roles page.
  const std::vector<std::tuple<std::string, std::string, std::string>>& guarded_routes() const {
    return guarded_;
  }

  /// Session cookie options for this deployment (Secure when configured or behind TLS).
  http::CookieOptions cookie_options(const Context& ctx, long max_age = -1) const;

 private:
  http::Response handle(http::Request& request, const std::string& action, const PageHandler& handler,
                        bool api);
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
  http::Router router_;
  std::vector<std::tuple<std::string, std::string, std::string>> guarded_;
};

/// Korean field errors as a template list [{field, message}].
render::View errors_view(const std::vector<FieldError>& errors);

}  // namespace sotong::platform
