#include "modules/suggestions/suggestion_reminders.hpp"

namespace sotong::suggestions {

std::vector<Reminder> reminders_due(const platform::calendar::WorkingCalendar& calendar, CivilDate due,
                                    CivilDate today) {
  const auto day = days_from_civil(today);
  const auto due_day = days_from_civil(due);
  if (day > due_day) return {Reminder::overdue};
  if (day == due_day) return {Reminder::on_due};
  const auto first = days_from_civil(calendar.add_working_days(due, -kRemindWorkingDaysBefore));
  if (day >= first) return {Reminder::before_due};
  return {};
}

}  // namespace sotong::suggestions
