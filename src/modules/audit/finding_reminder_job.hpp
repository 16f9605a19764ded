// The daily follow-up job of field-audit findings: every morning it tells the audited organisation which of
// its findings await its action report within kFindingRemindWorkingDaysBefore working days or are overdue,
// each once per due date, and schedules itself for the next morning.
#pragma once

#include <vector>

#include "core/clock.hpp"
#include "platform/jobs/jobs.hpp"
#include "store/database.hpp"

namespace sotong::audit {

inline constexpr const char* kFindingReminderJob = "audit_finding_reminders";
/// A finding's first reminder comes this many working days before its due date.
inline constexpr int kFindingRemindWorkingDaysBefore = 5;

/// Sends, inside the caller's transaction, every reminder due on `today` not sent before; returns how many
/// findings were reminded of.
int send_finding_reminders(store::Connection& c, CivilDate today);

/// Makes sure one reminder job is queued (the start-up seed of every node; a lock keeps it to one).
void ensure_finding_reminders_scheduled(store::Connection& c, Timestamp at);

std::vector<platform::jobs::Kind> finding_job_kinds();

}  // namespace sotong::audit
