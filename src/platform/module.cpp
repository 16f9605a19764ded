#include "platform/module.hpp"

#include <stdexcept>

#include "platform/display_names.hpp"
#include "platform/history/history_labels.hpp"
#include "platform/indicators/indicators.hpp"
#include "platform/organizations/organization_service.hpp"

namespace sotong::platform {

void add_embedded(ModuleManifest& manifest, const std::vector<EmbeddedFile>& files) {
  for (const auto& f : files) {
    const std::string path(f.path);
    const std::string stem = embedded_stem(path);
    if (path.rfind("migrations/", 0) == 0) {
      const int number = store::migration_number(stem);
      if (number == 0) throw std::logic_error("migration without a number: " + path);
      manifest.migrations.push_back({manifest.name, number, stem, std::string(f.text)});
    } else if (path == "openapi.json" || (path.rfind("openapi/", 0) == 0 && path.ends_with(".json"))) {
      manifest.openapi.emplace_back(f.text);
    } else if (path.rfind("templates/", 0) == 0) {
      manifest.templates.push_back({manifest.name + "/" + stem, std::string(f.text)});
    }
  }
}

void register_extensions(const std::vector<ModuleManifest>& modules) {
  for (const auto& m : modules) {
    for (const auto& v : m.history) history::register_vocabulary(v);
    for (const auto& s : m.search_sources) search::register_source(s);
    for (const auto& o : m.attachment_owners) attachments::register_owner(o);
    for (const auto& k : m.job_kinds) jobs::register_kind(k);
    for (const auto& r : m.review_sources) register_review_source(r);
    for (const auto& t : m.intake_targets) register_intake_target(t);
    for (const auto& p : m.survey_providers) register_survey_provider(p);
    for (const auto& f : m.calendar_feeds) calendar::register_feed_source(f);
    for (const auto& u : m.organization_usage) organizations::register_usage(u);
    if (m.identity) set_display_names(m.identity->display_names);
    for (const auto& i : m.indicators) {
      if (i.code.rfind(m.name + ".", 0) != 0)
        throw std::logic_error("indicator " + i.code + " must start with its module's name " + m.name);
      indicators::register_indicator(i);
    }
  }
}

}  // namespace sotong::platform
