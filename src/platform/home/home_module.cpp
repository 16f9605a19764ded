#include "platform/home/home_module.hpp"

#include "core/clock.hpp"
#include "platform/web/web.hpp"

namespace sotong::embedded {
std::vector<EmbeddedFile> home();
}

namespace sotong::platform::home {
namespace {
using render::View;

constexpr const char* kOrganizationSummary = "home.organization-summary";

std::string my_account_card(Web& web, const Actor& actor) {
  auto last = web.db().read([&](store::Connection& c) {
    return c.query("SELECT last_login_at, password_changed_at FROM accounts WHERE id = ?",
                   {actor.account_id});
  });
  std::string roles;
  for (Role r : actor.roles) roles += (roles.empty() ? "" : ", ") + std::string(role_label(r));
  View v = View::object({{"organization", actor.organization_name}, {"roles", roles}});
  if (!last.empty() && !last[0].is_null(0)) v.set("last_login_at", format_seoul_minute(last[0].int64(0)));
  if (!last.empty()) v.set("password_changed_at", format_seoul_date(last[0].int64(1)));
  return web.render_fragment("home/_my_account", v);
}

std::string organizations_card(Web& web, const Actor&) {
  auto rows = web.db().read([](store::Connection& c) {
    return c.query("SELECT kind, COUNT(*) FROM organizations WHERE active = 1 GROUP BY kind");
  });
  auto count = [&](std::string_view kind) -> long long {
    for (const auto& r : rows)
      if (r.text(0) == kind) return r.int64(1);
    return 0;
  };
  View v = View::object({{"bureaus", count("bureau")},
                         {"divisions", count("division")},
                         {"municipalities", count("municipality")},
                         {"agencies", count("agency")}});
  return web.render_fragment("home/_organizations", v);
}

std::string accounts_card(Web& web, const Actor&) {
  const Timestamp t = now();
  auto rows = web.db().read([&](store::Connection& c) {
    return c.query(
        "SELECT COUNT(*), SUM(CASE WHEN locked_until > ? THEN 1 ELSE 0 END), "
        "SUM(CASE WHEN must_change_password = 1 THEN 1 ELSE 0 END) FROM accounts WHERE active = 1",
        {t});
  });
  View v = View::object(
      {{"active", rows[0].int64(0)}, {"locked", rows[0].int64(1)}, {"initial", rows[0].int64(2)}});
  return web.render_fragment("home/_accounts", v);
}
}  // namespace

ModuleManifest manifest() {
  ModuleManifest m;
  m.name = "home";
  m.title = "홈";
  add_embedded(m, embedded::home());
  m.permissions = {{kOrganizationSummary, std::vector<Role>(kAllRoles.begin(), kAllRoles.end()),
                    Scope::everywhere, "홈 화면의 기관 현황 보기"}};
  m.cards = {
      {"내 정보", std::string(kSignedIn), 10, my_account_card},
      {"기관 현황", kOrganizationSummary, 90, organizations_card},
      {"계정 현황", "account.manage", 95, accounts_card},
  };
  m.routes = [](Web& web) {
    web.page("GET", "/", std::string(kSignedIn), [&web](Context& ctx) {
      View cards = View::list();
      int index = 0;
      for (const auto& card : web.cards()) {
        if (!web.policy().allows(ctx.actor, card.action)) continue;
        cards.push(
            View::object({{"id", ++index}, {"title", card.title}, {"body", card.render(web, ctx.actor)}}));
      }
      View v = View::object({{"name", ctx.actor.display_name}, {"cards", cards}});
      return web.render(ctx, "home/dashboard", v, {"홈", {}, {}});
    });
  };
  return m;
}

}  // namespace sotong::platform::home
