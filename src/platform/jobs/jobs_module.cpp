#include "platform/jobs/jobs_module.hpp"

namespace sotong::embedded {
std::vector<EmbeddedFile> jobs();
}

namespace sotong::platform::jobs {

ModuleManifest manifest() {
  ModuleManifest m;
  m.name = "jobs";
  m.title = "작업 대기열";
  add_embedded(m, embedded::jobs());
  m.permissions = {{kManage, {Role::admin}, Scope::everywhere, "작업 대기열 보기, 실패한 작업 다시 실행"}};
  m.menu = {{"작업 대기열", "/admin/jobs", kManage, 940}};
  m.routes = routes();
  return m;
}

}  // namespace sotong::platform::jobs
