// The daily minutes reminder of 회의: every morning at 08:00 (Korean time) the secretariat of a body is told
// of each meeting held whose minutes are still not confirmed three working days after it, once per meeting
// (the marker commits with the notifications, so two nodes send it once); the job schedules itself again.
#pragma once

#include <vector>

#include "core/clock.hpp"
#include "platform/calendar/working_calendar.hpp"
#include "platform/jobs/jobs.hpp"
#include "store/database.hpp"

namespace sotong::meetings {

inline constexpr const char* kMinutesReminderJobKind = "meeting_minutes_reminders";
inline constexpr int kMinutesWorkingDays = 3;
/// The job runs daily at 08:00 Korean time.
inline constexpr int kMinutesReminderHour = 8;

/// Whether a meeting of `meeting_date` whose minutes are not confirmed is overdue on `today`: the secretariat
/// has the three working days after the meeting (not counting its day); from the next day on it is reminded.
bool minutes_reminder_due(const platform::calendar::WorkingCalendar& calendar, CivilDate meeting_date,
                          CivilDate today);

/// Sends, inside the caller's transaction, every reminder due on `today` not sent before; returns how many
/// notifications went out.
int send_minutes_reminders(store::Connection& c, CivilDate today);

/// Makes sure one reminder job is queued (the start-up seed of every node; a lock keeps it to one).
void ensure_minutes_reminders_scheduled(store::Connection& c, Timestamp at);

/// The job kind, for the manifest.
std::vector<platform::jobs::Kind> minutes_reminder_job_kinds();

}  // namespace sotong::meetings
