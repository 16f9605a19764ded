#include "platform/module.hpp"

#include <stdexcept>

namespace sotong::platform {

void add_embedded(ModuleManifest& manifest, const std::vector<EmbeddedFile>& files) {
  for (const auto& f : files) {
    const std::string path(f.path);
    const std::string stem = embedded_stem(path);
    if (path.rfind("migrations/", 0) == 0) {
      const int number = store::migration_number(stem);
      if (number == 0) throw std::logic_error("migration without a number: " + path);
      manifest.migrations.push_back({manifest.name, number, stem, std::string(f.text)});
    } else if (path == "openapi.json") {
      manifest.openapi = std::string(f.text);
    } else if (path.rfind("templates/", 0) == 0) {
      manifest.templates.push_back({manifest.name + "/" + stem, std::string(f.text)});
    }
  }
}

}  // namespace sotong::platform
