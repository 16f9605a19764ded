// The daily job that disposes of data sets whose retention day has passed (and uploads never mapped), so
// that personal data is not held a day longer than its purpose needs.
#pragma once

#include <vector>

#include "core/clock.hpp"
#include "platform/jobs/jobs.hpp"
#include "store/database.hpp"

namespace sotong::audit {

inline constexpr const char* kRetentionJobKind = "audit.linkage_retention";
/// The job runs daily at 02:00 Korean time, when nobody works with the data sets.
inline constexpr int kRetentionHour = 2;

/// The job's kind for the manifest.
std::vector<platform::jobs::Kind> retention_job_kinds();

/// Queues the next run unless one is queued: called on every start.
void ensure_retention_scheduled(store::Connection& c, Timestamp at);

}  // namespace sotong::audit
