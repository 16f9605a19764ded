#include "modules/audit/deadline_reminders.hpp"

namespace sotong::audit {

std::optional<DeadlineReminder> reminder_due(const platform::calendar::WorkingCalendar& calendar,
                                             CivilDate due, CivilDate today, int working_days_before) {
  const auto t = days_from_civil(today);
  if (t > days_from_civil(due)) return DeadlineReminder::overdue;
  if (t >= days_from_civil(calendar.add_working_days(due, -working_days_before)))
    return DeadlineReminder::before_due;
  return std::nullopt;
}

}  // namespace sotong::audit
