#include "platform/indicators/indicators_module.hpp"

#include "platform/indicators/indicators_routes.hpp"

namespace sotong::embedded {
std::vector<EmbeddedFile> indicators();
}

namespace sotong::platform::indicators {

ModuleManifest manifest() {
  ModuleManifest m;
  m.name = "indicators";
  m.title = "지표";
  add_embedded(m, embedded::indicators());
  m.routes = routes();
  return m;
}

}  // namespace sotong::platform::indicators
