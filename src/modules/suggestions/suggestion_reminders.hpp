// Deadline reminders of an adopted suggestion, as a pure rule: the lead bureau is reminded a few working days
// before the due date and on it, and the coordinators are told the day after it passes. The daily job
// (suggestion_reminder_job) asks this rule for every item in hand and sends each reminder once per due date.
#pragma once

#include <array>
#include <vector>

#include "core/clock.hpp"
#include "core/vocabulary.hpp"
#include "platform/calendar/working_calendar.hpp"

namespace sotong::suggestions {

/// How many working days before the due date the lead bureau is first reminded.
inline constexpr int kRemindWorkingDaysBefore = 3;

enum class Reminder {
  before_due,  // to the lead bureau: the due date is near
  on_due,      // to the lead bureau: today is the due date
  overdue,     // to the coordinators: the due date has passed (escalation)
};

inline constexpr std::array<Term<Reminder>, 3> kReminders = {{
    {Reminder::before_due, "before_due", "처리 기한 임박"},
    {Reminder::on_due, "on_due", "처리 기한 당일"},
    {Reminder::overdue, "overdue", "처리 기한 경과"},
}};

/// The reminders that apply on `today` to an item in hand due on `due`. A day the job did not run is made up
/// for: from the first reminder day up to the day before the due date, before_due applies; on the due date,
/// on_due; any day after it, overdue. Sending each once is the caller's part.
std::vector<Reminder> reminders_due(const platform::calendar::WorkingCalendar& calendar, CivilDate due,
                                    CivilDate today);

/// The daily job runs at 08:00 Korean time, as the notification digest.
inline constexpr int kReminderHour = 8;

}  // namespace sotong::suggestions
