#include "modules/audit/linkage_retention_job.hpp"

#include "modules/audit/dataset_service.hpp"
#include "platform/jobs/daily_jobs.hpp"

namespace sotong::audit {
namespace {

Result<void> run_retention(platform::jobs::Run& run) {
  dispose_expired_datasets(run.db());
  run.finish([](store::Connection& c) {
    platform::jobs::enqueue(c, kRetentionJobKind, "{}",
                            platform::jobs::next_daily_run(now(), kRetentionHour));
  });
  return success();
}

}  // namespace

void ensure_retention_scheduled(store::Connection& c, Timestamp at) {
  platform::jobs::ensure_daily_scheduled(c, kRetentionJobKind, kRetentionHour, at);
}

std::vector<platform::jobs::Kind> retention_job_kinds() {
  return {{kRetentionJobKind, "전산감사 자료 보유 기한 폐기", run_retention,
           [](const platform::Settings&) { return true; }}};
}

}  // namespace sotong::audit
