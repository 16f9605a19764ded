#include "modules/suggestions/suggestion_reminders.hpp"

#include <gtest/gtest.h>

#include "platform/calendar/calendar_service.hpp"
#include "platform/calendar/holiday_rules.hpp"
#include "platform/jobs/daily_jobs.hpp"

namespace sotong::suggestions {
namespace {

/// The shipped calendar: 추석 2026 falls on 24–26 September (Thursday to Saturday; a Saturday earns no
/// substitute for 추석), 개천절 on Saturday 3 October with its substitute on Monday the 5th.
platform::calendar::WorkingCalendar shipped() {
  return platform::calendar::WorkingCalendar(
      *platform::calendar::shipped_holidays(platform::calendar::shipped_csv()));
}

std::vector<Reminder> on(int month, int day, CivilDate due) {
  return reminders_due(shipped(), due, {2026, month, day});
}

}  // namespace

TEST(SuggestionReminders, RemindsTheLeadThreeWorkingDaysBeforeOnTheDayAndEscalatesAfter) {
  // Due Wednesday 2026-09-30. Three working days before it, counting back over 추석 (24–25 September are
  // holidays, 26–27 a weekend): the 29th, the 28th and the 23rd — the first reminder goes out on the 23rd.
  const CivilDate due{2026, 9, 30};
  EXPECT_TRUE(on(9, 22, due).empty());
  EXPECT_EQ(on(9, 23, due), std::vector<Reminder>{Reminder::before_due});
  EXPECT_EQ(on(9, 26, due), std::vector<Reminder>{Reminder::before_due});  // a holiday the job still runs on
  EXPECT_EQ(on(9, 29, due), std::vector<Reminder>{Reminder::before_due});
  EXPECT_EQ(on(9, 30, due), std::vector<Reminder>{Reminder::on_due});
  EXPECT_EQ(on(10, 1, due), std::vector<Reminder>{Reminder::overdue});
  EXPECT_EQ(on(12, 1, due), std::vector<Reminder>{Reminder::overdue});
}

TEST(SuggestionReminders, TheDailyRunIsAtEightInKoreanTime) {
  // 2026-12-01 07:59 KST is 2026-11-30 22:59 UTC: the run is the same Korean morning at 08:00 (23:00 UTC).
  const Timestamp before = seoul_day_start({2026, 12, 1}) + 7 * 3600 + 59 * 60;
  EXPECT_EQ(platform::jobs::next_daily_run(before, kReminderHour), seoul_day_start({2026, 12, 1}) + 8 * 3600);
  EXPECT_EQ(platform::jobs::next_daily_run(seoul_day_start({2026, 12, 1}) + 8 * 3600, kReminderHour),
            seoul_day_start({2026, 12, 2}) + 8 * 3600);
  EXPECT_EQ(platform::jobs::next_daily_run(seoul_day_start({2026, 12, 31}) + 20 * 3600, kReminderHour),
            seoul_day_start({2027, 1, 1}) + 8 * 3600);
}

}  // namespace sotong::suggestions
