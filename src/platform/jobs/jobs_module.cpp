#include "platform/jobs/jobs_module.hpp"

#include "platform/jobs/job_store.hpp"

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
  m.menu = {{"작업 대기열", "/admin/jobs", kManage, 940,
             "알림 발송 같은 예약 작업을 보고, 실패한 작업을 다시 실행합니다."}};
  m.tasks = {{kManage, 60, [](store::Connection& c, const Actor&, const Policy&) {
                return std::vector<WaitingTask>{
                    {"실패한 예약 작업", job_store::count_failed_jobs(c), "건", "/admin/jobs"}};
              }}};
  m.routes = routes();
  return m;
}

}  // namespace sotong::platform::jobs
