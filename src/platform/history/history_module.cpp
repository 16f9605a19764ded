#include "platform/history/history_module.hpp"

#include "platform/history/history_service.hpp"

namespace sotong::embedded {
std::vector<EmbeddedFile> history();
}

namespace sotong::platform::history {

ModuleManifest manifest() {
  ModuleManifest m;
  m.name = "history";
  m.title = "변경·접속 기록";
  add_embedded(m, embedded::history());
  m.permissions = {
      {kView, {Role::admin, Role::auditor}, Scope::everywhere, "변경이력·접속기록 검색과 내려받기"},
  };
  m.menu = {{"변경·접속 기록", "/admin/history", kView, 920}};
  m.routes = register_routes;
  return m;
}

}  // namespace sotong::platform::history
