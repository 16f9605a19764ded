// Jobs that run once a day at a fixed hour, Korean time (a module's deadline reminders, a retention sweep):
// each run queues the next one, and every node seeds the first at start-up, so exactly one is always waiting.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "platform/jobs/jobs.hpp"
#include "store/database.hpp"

namespace sotong::platform::jobs {

/// The first `hour`:00 in Korean time strictly after `at`: today's when it is still ahead, else tomorrow's.
Timestamp next_daily_run(Timestamp at, int hour);

/// Queues the kind's run at the next `hour`:00 unless one is queued or running. Every node calls it at
/// start-up, inside a write transaction: a lock named after the kind keeps two nodes starting at once from
/// queueing two.
void ensure_daily_scheduled(store::Connection& c, std::string_view kind, int hour, Timestamp at);

/// A daily job whose whole work is writes to the database (reminders and their markers).
struct DailyJob {
  std::string name;   // the job kind, stored with each job
  std::string label;  // what /admin/jobs calls it
  int hour = 8;       // Korean time
  /// The day's work for the Korean date `today`, inside the run's write transaction.
  std::function<void(store::Connection&, CivilDate today)> work;
};

/// The kind that runs the job's work and queues the next day's run in one write transaction, so that a run is
/// never done without its successor queued, nor its successor queued without the work done.
Kind daily_kind(DailyJob job);

}  // namespace sotong::platform::jobs
