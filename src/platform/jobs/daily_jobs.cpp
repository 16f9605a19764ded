#include "platform/jobs/daily_jobs.hpp"

#include <cstdint>
#include <string_view>
#include <utility>

#include "core/fnv_hash.hpp"

namespace sotong::platform::jobs {
namespace {

// The advisory lock of a kind's schedule: FNV-1a of the kind's name, in the positive 63-bit range, so that
// each daily kind has its own lock without a table of hand-picked numbers.
std::int64_t schedule_lock(std::string_view kind) {
  return static_cast<std::int64_t>(fnv1a(kind, fnv1a("jobs.daily:")) >> 1U);
}

}  // namespace

Timestamp next_daily_run(Timestamp at, int hour) {
  const Timestamp offset = static_cast<Timestamp>(hour) * 3600;
  const CivilDate today = seoul_date(at);
  const Timestamp today_run = seoul_day_start(today) + offset;
  if (at < today_run) return today_run;
  return seoul_day_start(civil_from_days(days_from_civil(today) + 1)) + offset;
}

void ensure_daily_scheduled(store::Connection& c, std::string_view kind, int hour, Timestamp at) {
  c.lock_named(schedule_lock(kind));
  if (count_pending(c, kind) == 0) enqueue(c, kind, "{}", next_daily_run(at, hour));
}

Kind daily_kind(DailyJob job) {
  Kind kind;
  kind.name = job.name;
  kind.label = job.label;
  kind.handler = [job = std::move(job)](Run& run) -> Result<void> {
    const Timestamp at = now();
    run.finish([&](store::Connection& c) {
      job.work(c, seoul_date(at));
      enqueue(c, job.name, "{}", next_daily_run(at, job.hour));
    });
    return success();
  };
  return kind;
}

}  // namespace sotong::platform::jobs
