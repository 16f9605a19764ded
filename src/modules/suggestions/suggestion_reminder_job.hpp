// The daily deadline job of 건의사항: every morning it sends the reminders the rule (suggestion_reminders)
// says are due — to the lead bureau before and on the due date, to the coordinators after it — each once per
// due date, through the notifications, and schedules itself for the next morning.
#pragma once

#include <vector>

#include "core/clock.hpp"
#include "platform/jobs/jobs.hpp"
#include "store/database.hpp"

namespace sotong::suggestions {

inline constexpr const char* kReminderJobKind = "suggestion_reminders";

/// Sends, inside the caller's transaction, every reminder due on `today` that was not sent before; returns
/// how many notifications went out.
int send_due_reminders(store::Connection& c, CivilDate today);

/// Makes sure one reminder job is queued (the start-up seed of every node; a lock keeps it to one).
void ensure_reminders_scheduled(store::Connection& c, Timestamp at);

/// The job kind, for the manifest.
std::vector<platform::jobs::Kind> reminder_job_kinds();

}  // namespace sotong::suggestions
