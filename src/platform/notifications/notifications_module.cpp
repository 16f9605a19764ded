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
  m.routes = routes();
  m.seed = [](store::Database& db) {
    db.write([](store::Connection& c) {
      ensure_digest_scheduled(c, now());
      return true;
    });
  };
  m.job_kinds = job_kinds();
  m.tasks = {{std::string(kSignedIn), 10, [](store::Connection& c, const Actor& actor, const Policy&) {
                return std::vector<WaitingTask>{
                    {"읽지 않은 알림", unread_count(c, actor.account_id), "건", "/notifications"}};
              }}};
  m.badges = {{"notifications", "알림", "/notifications", std::string(kSignedIn), 10,
               [](store::Connection& c, const Actor& actor) { return unread_count(c, actor.account_id); }}};
  return m;
}

}  // namespace sotong::platform::notifications
