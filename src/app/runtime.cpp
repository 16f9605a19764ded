#include "app/runtime.hpp"

#include "platform/accounts/accounts_module.hpp"
#include "platform/attachments/attachments_module.hpp"
#include "platform/calendar/calendar_module.hpp"
#include "platform/history/history_module.hpp"
#include "platform/home/home_module.hpp"
#include "platform/jobs/jobs_module.hpp"
#include "platform/notifications/notifications_module.hpp"
#include "platform/operations/operations_routes.hpp"
#include "platform/organizations/organizations_module.hpp"
#include "platform/search/search_module.hpp"
// new-module: includes

namespace sotong::embedded {
std::vector<EmbeddedFile> web();
}

namespace sotong::app {

std::vector<platform::ModuleManifest> all_modules() {
  // One manifest per line, in migration order (a module's tables may refer to those listed before it).
  // clang-format off
  return {
      platform::organizations::manifest(),
      platform::accounts::manifest(),
      platform::home::manifest(),
      platform::jobs::manifest(),
      platform::notifications::manifest(),
      platform::history::manifest(),
      platform::search::manifest(),
      platform::calendar::manifest(),
      platform::attachments::manifest(),
      // new-module: manifests
  };
  // clang-format on
}

std::vector<store::Migration> all_migrations(const std::vector<platform::ModuleManifest>& modules) {
  std::vector<store::Migration> out;
  for (const auto& m : modules) out.insert(out.end(), m.migrations.begin(), m.migrations.end());
  return out;
}

void seed_reference_data(store::Database& db, const std::vector<platform::ModuleManifest>& modules) {
  for (const auto& m : modules) {
    if (m.seed) m.seed(db);
  }
}

std::unique_ptr<Runtime> build_runtime(Config config) {
  auto rt = std::make_unique<Runtime>();
  rt->config = std::move(config);
  rt->modules = all_modules();
  rt->db = store::Database::open(rt->config.database,
                                 static_cast<std::size_t>(rt->config.server.worker_threads) + 1);
  store::apply_migrations(*rt->db, all_migrations(rt->modules));
  seed_reference_data(*rt->db, rt->modules);

  std::vector<render::TemplateSource> templates;
  for (const auto& f : embedded::web())
    templates.push_back({"web/" + embedded_stem(f.path), std::string(f.text)});
  std::vector<platform::MenuEntry> menu;
  std::vector<platform::DashboardCard> cards;
  for (const auto& m : rt->modules) {
    for (const auto& p : m.permissions) rt->policy.add(p);
    templates.insert(templates.end(), m.templates.begin(), m.templates.end());
    menu.insert(menu.end(), m.menu.begin(), m.menu.end());
    cards.insert(cards.end(), m.cards.begin(), m.cards.end());
  }
  rt->templates = std::make_unique<render::TemplateSet>(templates);
  rt->web = std::make_unique<platform::Web>(*rt->db, rt->policy, rt->config.settings, *rt->templates,
                                            std::move(menu), std::move(cards));
  for (const auto& m : rt->modules) {
    if (m.routes) m.routes(*rt->web);
  }
  platform::operations::register_routes(*rt->web, rt->metrics,
                                        platform::operations::build_openapi(rt->modules));
  rt->static_files =
      std::make_unique<platform::StaticFiles>(platform::standard_mounts(rt->config.settings.web_root));
  return rt;
}

}  // namespace sotong::app
