#include "modules/meetings/meeting_minutes_reminder.hpp"

#include <gtest/gtest.h>

#include "platform/calendar/calendar_service.hpp"
#include "platform/calendar/holiday_rules.hpp"
#include "platform/jobs/daily_jobs.hpp"

namespace sotong::meetings {
namespace {

/// The shipped_calendar calendar: 추석 2026 falls on 24–26 September (Thursday to Saturday).
platform::calendar::WorkingCalendar shipped_calendar() {
  return platform::calendar::WorkingCalendar(
      *platform::calendar::shipped_holidays(platform::calendar::shipped_csv()));
}

}  // namespace

TEST(MinutesReminder, DueTheDayAfterTheThirdWorkingDay) {
  // A meeting on Monday 2026-11-09: the 10th, 11th and 12th are its three working days; reminded from the
  // 13th.
  const CivilDate monday{2026, 11, 9};
  EXPECT_FALSE(minutes_reminder_due(shipped_calendar(), monday, {2026, 11, 9}));
  EXPECT_FALSE(minutes_reminder_due(shipped_calendar(), monday, {2026, 11, 12}));
  EXPECT_TRUE(minutes_reminder_due(shipped_calendar(), monday, {2026, 11, 13}));
}

TEST(MinutesReminder, WeekendsAndHolidaysDoNotCount) {
  // Wednesday 2026-09-23: 추석 (24–26) and the weekend pass; the 28th, 29th and 30th count; due on 1 October.
  const CivilDate before_chuseok{2026, 9, 23};
  EXPECT_FALSE(minutes_reminder_due(shipped_calendar(), before_chuseok, {2026, 9, 28}));
  EXPECT_FALSE(minutes_reminder_due(shipped_calendar(), before_chuseok, {2026, 9, 30}));
  EXPECT_TRUE(minutes_reminder_due(shipped_calendar(), before_chuseok, {2026, 10, 1}));
}

TEST(MinutesReminder, TheDailyRunIsAtEightInKoreanTime) {
  const Timestamp before = seoul_day_start({2026, 12, 1}) + 7 * 3600 + 59 * 60;
  EXPECT_EQ(platform::jobs::next_daily_run(before, kMinutesReminderHour),
            seoul_day_start({2026, 12, 1}) + 8 * 3600);
  EXPECT_EQ(platform::jobs::next_daily_run(seoul_day_start({2026, 12, 1}) + 8 * 3600, kMinutesReminderHour),
            seoul_day_start({2026, 12, 2}) + 8 * 3600);
}

}  // namespace sotong::meetings
