#include "app/runtime.hpp"

#include <algorithm>
#include <stdexcept>

#include "core/korean_text.hpp"
#include "modules/audit/audit_module.hpp"
#include "modules/meetings/meetings_module.hpp"
#include "modules/suggestions/suggestions_module.hpp"
#include "modules/surveys/surveys_module.hpp"
#include "platform/operations/operations_routes.hpp"
#include "platform/platform_parts.hpp"
// new-module: includes

namespace sotong::embedded {
std::vector<EmbeddedFile> web();
}

namespace sotong::app {

std::vector<platform::ModuleManifest> all_modules() {
  // The platform's parts first, then one module per line, in migration order (a module's tables may refer
  // to those listed before it).
  std::vector<platform::ModuleManifest> modules = platform::platform_parts();
  // clang-format off
  for (auto& m : std::vector<platform::ModuleManifest>{
      suggestions::manifest(),
      meetings::manifest(),
      surveys::manifest(),
      audit::manifest(),
      // new-module: manifests
  })
    modules.push_back(std::move(m));
  // clang-format on
  platform::register_extensions(modules);
  return modules;
}

std::map<std::string, platform::SettingsSection> read_module_settings(
    const Config& config, const std::vector<platform::ModuleManifest>& modules) {
  std::map<std::string, platform::SettingsSection> out;
  for (const auto& entry : config.module_sections) {
    const std::string& section = entry.first;
    const bool known =
        std::any_of(modules.begin(), modules.end(), [&](const auto& m) { return m.name == section; });
    if (!known)
      throw std::runtime_error("설정 파일에 알 수 없는 구역 " + with_particle("[" + section + "]", "이/가") +
                               " 있습니다.");
  }
  static const std::map<std::string, std::string> kNone;
  for (const auto& m : modules) {
    auto it = config.module_sections.find(m.name);
    auto section = platform::SettingsSection::read(m.name, m.settings,
                                                   it == config.module_sections.end() ? kNone : it->second);
    if (!section) throw std::runtime_error(section.error().message);
    out.emplace(m.name, std::move(*section));
  }
  return out;
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

  auto module_settings = read_module_settings(rt->config, rt->modules);
  std::vector<render::TemplateSource> templates;
  for (const auto& f : embedded::web())
    templates.push_back({"web/" + embedded_stem(f.path), std::string(f.text)});
  for (const auto& m : rt->modules) {
    for (const auto& p : m.permissions) rt->policy.add(p);
    templates.insert(templates.end(), m.templates.begin(), m.templates.end());
  }
  // Static files first: the templates name them by their fingerprinted URLs ({{asset …}}).
  rt->static_files =
      std::make_unique<platform::StaticFiles>(platform::standard_mounts(rt->config.settings.web_root));
  rt->templates = std::make_unique<render::TemplateSet>(
      templates, [files = rt->static_files.get()](std::string_view path) { return files->url(path); });
  rt->web = std::make_unique<platform::Web>(*rt->db, rt->policy, rt->config.settings, *rt->templates,
                                            rt->modules, std::move(module_settings));
  for (const auto& m : rt->modules) rt->web->add_routes(m.routes);
  platform::operations::register_routes(*rt->web, rt->metrics,
                                        platform::operations::build_openapi(rt->modules));
  return rt;
}

}  // namespace sotong::app
