// The reminders a deadline earns, shared by the module's daily jobs (a consultation's answer, a finding's
// action): one ahead of the deadline, counted in working days, and one once it has passed. Each is sent once
// per record, kind and due date, so a changed deadline earns its reminders again.
#pragma once

#include <array>
#include <optional>

#include "core/clock.hpp"
#include "core/vocabulary.hpp"
#include "platform/calendar/working_calendar.hpp"

namespace sotong::audit {

enum class DeadlineReminder { before_due, overdue };
inline constexpr std::array<Term<DeadlineReminder>, 2> kDeadlineReminders = {{
    {DeadlineReminder::before_due, "before_due", "기한 임박"},
    {DeadlineReminder::overdue, "overdue", "기한 지남"},
}};

/// The reminder a record due on `due` earns on `today`: before_due from `working_days_before` working days
/// before the deadline up to it, overdue after it, none before that.
std::optional<DeadlineReminder> reminder_due(const platform::calendar::WorkingCalendar& calendar,
                                             CivilDate due, CivilDate today, int working_days_before);

/// The hour (Korean time) at which the daily reminder jobs run, before the working day starts.
inline constexpr int kReminderHour = 8;

}  // namespace sotong::audit
