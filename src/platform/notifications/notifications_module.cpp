#include "platform/notifications/notifications_module.hpp"

#include "platform/notifications/notifications.hpp"

namespace sotong::embedded {
std::vector<EmbeddedFile> notifications();
}

namespace sotong::platform::notifications {

ModuleManifest manifest() {
  ModuleManifest m;
  m.name = "notifications";
  m.title = "알림";
  add_embedded(m, embedded::notifications());
  m.routes = register_routes;
  m.seed = [](store::Database& db) {
    db.write([](store::Connection& c) {
      ensure_digest_scheduled(c, now());
      return true;
    });
  };
  register_job_kinds();
  return m;
}

}  // namespace sotong::platform::notifications
