// The working-day calendar: weekends, holidays, adding and counting working days (checked against a
// day-by-day count), n = 0, negative n, year ends and the 설날·추석 holidays.
#include "platform/calendar/working_calendar.hpp"
#include "platform/calendar/calendar_test_support.hpp"

#include <gtest/gtest.h>

namespace sotong::platform::calendar {
namespace {

/// 2026's holidays as the shipped data has them, substitutes included.
WorkingCalendar calendar_2026() {
  return WorkingCalendar({make_holiday("2026-01-01", "신정"),
                          make_holiday("2026-02-16", "설날 전날"),
                          make_holiday("2026-02-17", "설날"),
                          make_holiday("2026-02-18", "설날 다음날"),
                          make_holiday("2026-03-01", "삼일절"),
                          make_holiday("2026-03-02", "대체공휴일(삼일절)", HolidayKind::substitute),
                          make_holiday("2026-05-05", "어린이날"),
                          make_holiday("2026-05-24", "부처님오신날"),
                          make_holiday("2026-05-25", "대체공휴일(부처님오신날)", HolidayKind::substitute),
                          make_holiday("2026-06-03", "제9회 전국동시지방선거일", HolidayKind::election),
                          make_holiday("2026-06-06", "현충일"),
                          make_holiday("2026-07-17", "제헌절"),
                          make_holiday("2026-08-15", "광복절"),
                          make_holiday("2026-08-17", "대체공휴일(광복절)", HolidayKind::substitute),
                          make_holiday("2026-09-24", "추석 전날"),
                          make_holiday("2026-09-25", "추석"),
                          make_holiday("2026-09-26", "추석 다음날"),
                          make_holiday("2026-10-03", "개천절"),
                          make_holiday("2026-10-05", "대체공휴일(개천절)", HolidayKind::substitute),
                          make_holiday("2026-10-09", "한글날"),
                          make_holiday("2026-12-25", "기독탄신일"),
                          make_holiday("2027-01-01", "신정")});
}

std::string add(const WorkingCalendar& cal, const char* start, int n) {
  return format_date(cal.add_working_days(date_on(start), n));
}

/// The obvious definition, one day at a time: working days in (from, to].
int count_slowly(const WorkingCalendar& cal, CivilDate from, CivilDate to) {
  int n = 0;
  for (auto day = day_number(from) + 1; day <= day_number(to); ++day)
    n += cal.is_working_day(civil_from_days(day));
  return n;
}
}  // namespace

TEST(WorkingCalendar, WeekendsAndHolidaysAreNotWorkingDays) {
  const auto cal = calendar_2026();
  EXPECT_TRUE(cal.is_working_day(date_on("2026-11-25")));   // a Wednesday
  EXPECT_FALSE(cal.is_working_day(date_on("2026-11-28")));  // Saturday
  EXPECT_FALSE(cal.is_working_day(date_on("2026-11-29")));  // Sunday
  EXPECT_FALSE(cal.is_working_day(date_on("2026-09-25")));  // 추석, a Friday
  EXPECT_FALSE(cal.is_working_day(date_on("2026-06-03")));  // election day
  EXPECT_FALSE(cal.is_working_day(date_on("2026-03-02")));  // a substitute holiday
  EXPECT_TRUE(cal.is_working_day(date_on("2026-05-01")));   // 노동절 is not in this calendar
  // An empty calendar knows only weekends.
  const WorkingCalendar none;
  EXPECT_TRUE(none.is_working_day(date_on("2026-09-25")));
  EXPECT_FALSE(none.is_working_day(date_on("2026-09-26")));
  EXPECT_FALSE(none.first_year().has_value());
}

TEST(WorkingCalendar, HolidayOnNamesTheDayEvenOnAWeekend) {
  const auto cal = calendar_2026();
  auto sat = cal.holiday_on(date_on("2026-08-15"));
  ASSERT_TRUE(sat);
  EXPECT_EQ(sat->name, "광복절");
  EXPECT_EQ(sat->kind, HolidayKind::statutory);
  EXPECT_EQ(cal.holiday_on(date_on("2026-08-17"))->kind, HolidayKind::substitute);
  EXPECT_FALSE(cal.holiday_on(date_on("2026-08-18")));
  EXPECT_EQ(*cal.first_year(), 2026);
  EXPECT_EQ(*cal.last_year(), 2027);
}

TEST(WorkingCalendar, CoversOnlyYearsWithStatutoryHolidays) {
  const auto cal = calendar_2026();
  EXPECT_TRUE(cal.covers(2026, 2026));
  EXPECT_TRUE(cal.covers(2027, 2026));  // either order
  EXPECT_FALSE(cal.covers(2025, 2026));
  EXPECT_FALSE(cal.covers(2026, 2028));
  // A year holding only an administrator's temporary holiday is still unknown.
  const WorkingCalendar one_day({make_holiday("2099-03-03", "임시공휴일", HolidayKind::temporary)});
  EXPECT_FALSE(one_day.covers(2099, 2099));
  EXPECT_FALSE(WorkingCalendar().covers(2026, 2026));
}

TEST(WorkingCalendar, SameDayHolidaysMergeIntoOne) {
  const WorkingCalendar cal({make_holiday("2025-05-05", "어린이날"),
                             make_holiday("2025-05-05", "부처님오신날"),
                             make_holiday("2025-05-06", "대체공휴일(어린이날)", HolidayKind::substitute)});
  ASSERT_TRUE(cal.holiday_on(date_on("2025-05-05")));
  EXPECT_EQ(cal.holiday_on(date_on("2025-05-05"))->name, "어린이날·부처님오신날");
  EXPECT_EQ(cal.holidays_between(date_on("2025-01-01"), date_on("2025-12-31")).size(), 2u);
  // The statutory kind wins over a temporary one on the same day, and a repeated name is not doubled.
  const auto merged =
      merge_same_day({make_holiday("2025-01-27", "임시공휴일", HolidayKind::temporary),
                      make_holiday("2025-01-27", "설날 전날"), make_holiday("2025-01-27", "설날 전날")});
  ASSERT_EQ(merged.size(), 1u);
  EXPECT_EQ(merged[0].kind, HolidayKind::statutory);
  EXPECT_EQ(merged[0].name, "임시공휴일·설날 전날");
}

TEST(WorkingCalendar, AddingZeroReturnsTheStartEvenOnAHoliday) {
  const auto cal = calendar_2026();
  EXPECT_EQ(add(cal, "2026-11-25", 0), "2026-11-25");
  EXPECT_EQ(add(cal, "2026-09-25", 0), "2026-09-25");  // 추석 itself
  EXPECT_EQ(add(cal, "2026-11-28", 0), "2026-11-28");  // a Saturday
  EXPECT_EQ(cal.working_days_between(date_on("2026-09-25"), date_on("2026-09-25")), 0);
}

TEST(WorkingCalendar, AddingSkipsWeekendsAndDoesNotCountTheStart) {
  const auto cal = calendar_2026();
  EXPECT_EQ(add(cal, "2026-11-25", 1), "2026-11-26");   // Wed → Thu
  EXPECT_EQ(add(cal, "2026-11-27", 1), "2026-11-30");   // Fri → Mon
  EXPECT_EQ(add(cal, "2026-11-28", 1), "2026-11-30");   // from a Saturday
  EXPECT_EQ(add(cal, "2026-11-25", 10), "2026-12-09");  // two weeks
}

TEST(WorkingCalendar, AddingAcrossChuseokAndItsSubstitutes) {
  const auto cal = calendar_2026();
  // Wed 09-23 + 5: 24–26 추석 연휴, 27 Sunday, then 28, 29, 30, 10-01, 10-02.
  EXPECT_EQ(add(cal, "2026-09-23", 5), "2026-10-02");
  // + 6 crosses the weekend and 10-05 (개천절 대체공휴일) to Tuesday 10-06.
  EXPECT_EQ(add(cal, "2026-09-23", 6), "2026-10-06");
  // Ten working days from 10-01 run past 10-05 and 10-09 (한글날).
  EXPECT_EQ(add(cal, "2026-10-01", 10), "2026-10-19");
  EXPECT_EQ(cal.working_days_between(date_on("2026-09-23"), date_on("2026-10-09")), 8);
}

TEST(WorkingCalendar, AddingAcrossSeollal) {
  const auto cal = calendar_2026();
  // Fri 02-13 + 1: the weekend and 설날 연휴 (Mon–Wed) pass, Thursday 02-19 is the first working day.
  EXPECT_EQ(add(cal, "2026-02-13", 1), "2026-02-19");
  EXPECT_EQ(cal.working_days_between(date_on("2026-02-13"), date_on("2026-02-19")), 1);
  EXPECT_EQ(cal.working_days_between(date_on("2026-02-13"), date_on("2026-02-18")), 0);
}

TEST(WorkingCalendar, AddingAcrossTheYearEnd) {
  const auto cal = calendar_2026();
  // Thu 12-24 + 1: 12-25 기독탄신일, the weekend, so Monday 12-28; + 4 passes 2027-01-01 (신정, a Friday).
  EXPECT_EQ(add(cal, "2026-12-24", 1), "2026-12-28");
  EXPECT_EQ(add(cal, "2026-12-24", 4), "2026-12-31");
  EXPECT_EQ(add(cal, "2026-12-24", 5), "2027-01-04");
  EXPECT_EQ(cal.working_days_between(date_on("2026-12-24"), date_on("2027-01-04")), 5);
  // The whole year: 365 days, 104 weekend days, 15 holidays on weekdays.
  EXPECT_EQ(cal.working_days_between(date_on("2025-12-31"), date_on("2026-12-31")), 365 - 104 - 15);
}

TEST(WorkingCalendar, CountingIsHalfOpenAndAntisymmetric) {
  const auto cal = calendar_2026();
  EXPECT_EQ(cal.working_days_between(date_on("2026-11-25"), date_on("2026-11-26")), 1);  // the end counts
  EXPECT_EQ(cal.working_days_between(date_on("2026-11-24"), date_on("2026-11-25")), 1);  // the start does not
  EXPECT_EQ(cal.working_days_between(date_on("2026-11-26"), date_on("2026-11-25")), -1);
  EXPECT_EQ(cal.working_days_between(date_on("2026-11-27"), date_on("2026-11-29")), 0);  // Fri → Sun
}

TEST(WorkingCalendar, NegativeCountsGoBackwards) {
  const auto cal = calendar_2026();
  EXPECT_EQ(add(cal, "2026-10-06", -1), "2026-10-02");  // back over 10-05 and the weekend
  EXPECT_EQ(add(cal, "2026-09-28", -1), "2026-09-23");  // back over 추석 연휴
  EXPECT_EQ(add(cal, "2027-01-04", -5), "2026-12-24");
  // From a working day, going back n and counting forward again gives n.
  for (int n = 1; n < 40; ++n) {
    const CivilDate back = cal.add_working_days(date_on("2026-10-06"), -n);
    EXPECT_TRUE(cal.is_working_day(back));
    EXPECT_EQ(cal.working_days_between(back, date_on("2026-10-06")), n) << n;
  }
}

TEST(WorkingCalendar, AgreesWithADayByDayCountEverywhere) {
  const auto cal = calendar_2026();
  for (auto start = day_number(date_on("2025-12-20")); start < day_number(date_on("2027-01-10"));
       start += 3) {
    const CivilDate from = civil_from_days(start);
    for (int n : {1, 2, 3, 4, 5, 6, 7, 10, 14, 20, 33, 60, 250, 400}) {
      const CivilDate result = cal.add_working_days(from, n);
      ASSERT_TRUE(cal.is_working_day(result)) << format_date(from) << " + " << n;
      ASSERT_EQ(count_slowly(cal, from, result), n) << format_date(from) << " + " << n;
      // The earliest such day: the day before holds one working day fewer.
      ASSERT_EQ(count_slowly(cal, from, add_days(result, -1)), n - 1) << format_date(from) << " + " << n;
    }
    for (int span : {0, 1, 6, 7, 30, 200, 800}) {
      const CivilDate to = add_days(from, span);
      ASSERT_EQ(cal.working_days_between(from, to), count_slowly(cal, from, to)) << format_date(from);
    }
  }
}

TEST(WorkingCalendar, FarDatesCountWeekendsOnly) {
  const auto cal = calendar_2026();
  // 2040 has no holiday data: 10 working days from Monday 2040-01-02 is two weeks later.
  EXPECT_EQ(add(cal, "2040-01-02", 10), "2040-01-16");
  EXPECT_EQ(cal.working_days_between(date_on("1999-12-31"), date_on("2000-12-31")),
            260);  // 2000: 366 days, 106 weekend
}

}  // namespace sotong::platform::calendar
