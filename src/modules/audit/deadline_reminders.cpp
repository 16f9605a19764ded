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

Timestamp next_reminder_run(Timestamp at) {
  constexpr Timestamp kEightOClock = 8 * 3600;
  const CivilDate today = seoul_date(at);
  const Timestamp today_run = seoul_day_start(today) + kEightOClock;
  if (at < today_run) return today_run;
  return seoul_day_start(civil_from_days(days_from_civil(today) + 1)) + kEightOClock;
}

}  // namespace sotong::audit
