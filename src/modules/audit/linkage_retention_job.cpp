#include "modules/audit/linkage_retention_job.hpp"

#include "modules/audit/dataset_service.hpp"

namespace sotong::audit {
namespace {

constexpr std::int64_t kScheduleLock = 0x736f746f6e6716;  // "sotong" + 0x16: one retention schedule at a time

Result<void> run_retention(platform::jobs::Run& run) {
  dispose_expired_datasets(run.db());
  run.finish([](store::Connection& c) {
    platform::jobs::enqueue(c, kRetentionJobKind, "{}", next_retention_run(now()));
  });
  return success();
}

}  // namespace

Timestamp next_retention_run(Timestamp at) {
  constexpr Timestamp kTwoOClock = 2 * 3600;
  const CivilDate today = seoul_date(at);
  const Timestamp today_run = seoul_day_start(today) + kTwoOClock;
  if (at < today_run) return today_run;
  return seoul_day_start(civil_from_days(days_from_civil(today) + 1)) + kTwoOClock;
}

void ensure_retention_scheduled(store::Connection& c, Timestamp at) {
  c.lock_named(kScheduleLock);
  if (platform::jobs::count_pending(c, kRetentionJobKind) == 0)
    platform::jobs::enqueue(c, kRetentionJobKind, "{}", next_retention_run(at));
}

std::vector<platform::jobs::Kind> retention_job_kinds() {
  return {{kRetentionJobKind, "전산감사 자료 보유 기한 폐기", run_retention,
           [](const platform::Settings&) { return true; }}};
}

}  // namespace sotong::audit
