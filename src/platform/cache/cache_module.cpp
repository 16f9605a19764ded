#include "platform/cache/cache_module.hpp"

namespace sotong::embedded {
std::vector<EmbeddedFile> cache();
}

namespace sotong::platform::cache {

ModuleManifest manifest() {
  ModuleManifest m;
  m.name = "cache";
  m.title = "캐시";
  add_embedded(m, embedded::cache());
  return m;
}

}  // namespace sotong::platform::cache
