// The daily deadline job of the standing consultation: every morning it tells the audit office which
// consultations are due within kRemindWorkingDaysBefore working days or overdue, each once per due date, and
// schedules itself for the next morning.
#pragma once

#include <vector>

#include "core/clock.hpp"
#include "platform/jobs/jobs.hpp"
#include "store/database.hpp"

namespace sotong::audit {

inline constexpr const char* kConsultationReminderJob = "audit_consultation_reminders";

/// Sends, inside the caller's transaction, every reminder due on `today` not sent before; returns how many
/// notifications went out.
int send_consultation_reminders(store::Connection& c, CivilDate today);

/// Makes sure one reminder job is queued (the start-up seed of every node; a lock keeps it to one).
void ensure_consultation_reminders_scheduled(store::Connection& c, Timestamp at);

std::vector<platform::jobs::Kind> consultation_job_kinds();

}  // namespace sotong::audit
