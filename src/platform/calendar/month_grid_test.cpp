// The wall calendar of a month: whole Sunday-first weeks, neighbouring days marked, holidays named.
#include "platform/calendar/month_grid.hpp"

#include "platform/calendar/month_grid_view.hpp"

#include <gtest/gtest.h>

namespace sotong::platform::calendar {
namespace {

WorkingCalendar autumn_2026() {
  return WorkingCalendar({{{2026, 9, 24}, "추석 전날", HolidayKind::statutory},
                          {{2026, 9, 25}, "추석", HolidayKind::statutory},
                          {{2026, 9, 26}, "추석 다음날", HolidayKind::statutory},
                          {{2026, 10, 3}, "개천절", HolidayKind::statutory},
                          {{2026, 10, 5}, "대체공휴일(개천절)", HolidayKind::substitute},
                          {{2026, 10, 9}, "한글날", HolidayKind::statutory}});
}

TEST(MonthGrid, October2026StartsOnThursdayAndTakesFiveWeeks) {
  const auto grid = month_grid(2026, 10, {2026, 10, 9}, autumn_2026());
  ASSERT_EQ(grid.weeks.size(), 5u);
  // 2026-10-01 is a Thursday: the first week runs from Sunday 27 September.
  EXPECT_TRUE(same_day(grid.weeks[0][0].date, {2026, 9, 27}));
  EXPECT_FALSE(grid.weeks[0][0].in_month);
  EXPECT_TRUE(same_day(grid.weeks[0][4].date, {2026, 10, 1}));
  EXPECT_TRUE(grid.weeks[0][4].in_month);
  // The last week ends on Saturday 31 October, inside the month.
  EXPECT_TRUE(same_day(grid.weeks[4][6].date, {2026, 10, 31}));
  EXPECT_TRUE(grid.weeks[4][6].in_month);
  EXPECT_TRUE(same_day(grid.previous, {2026, 9, 1}));
  EXPECT_TRUE(same_day(grid.next, {2026, 11, 1}));
}

TEST(MonthGrid, HolidaysWeekendsAndTodayAreMarked) {
  const auto grid = month_grid(2026, 10, {2026, 10, 9}, autumn_2026());
  const auto& first = grid.weeks[0];
  EXPECT_EQ(first[6].holiday, "개천절");  // Saturday 3 October
  EXPECT_TRUE(first[6].weekend);
  const auto& second = grid.weeks[1];
  EXPECT_EQ(second[1].holiday, "대체공휴일(개천절)");  // Monday 5 October
  EXPECT_FALSE(second[1].weekend);
  EXPECT_EQ(second[5].holiday, "한글날");
  EXPECT_TRUE(second[5].today);
  EXPECT_TRUE(second[0].weekend);
  EXPECT_EQ(second[2].holiday, "");
  int todays = 0;
  for (const auto& week : grid.weeks)
    for (const auto& day : week) todays += day.today ? 1 : 0;
  EXPECT_EQ(todays, 1);
}

TEST(MonthGrid, AFebruaryThatFitsFourWeeksAndADecemberThatNeedsSix) {
  // February 2026 starts on a Sunday and has 28 days: exactly four weeks, none borrowed.
  const auto february = month_grid(2026, 2, {2026, 1, 1}, {});
  ASSERT_EQ(february.weeks.size(), 4u);
  for (const auto& week : february.weeks)
    for (const auto& day : week) EXPECT_TRUE(day.in_month);
  // May 2026 starts on a Friday and has 31 days: six weeks.
  EXPECT_EQ(month_grid(2026, 5, {2026, 1, 1}, {}).weeks.size(), 6u);
  const auto december = month_grid(2026, 12, {2026, 1, 1}, {});
  EXPECT_TRUE(same_day(december.next, {2027, 1, 1}));
  EXPECT_TRUE(same_day(month_grid(2027, 1, {2026, 1, 1}, {}).previous, {2026, 12, 1}));
}

TEST(MonthGrid, TheWeekOfADayRunsSundayToSaturday) {
  const auto week = week_of({2026, 9, 25}, {2026, 9, 25}, autumn_2026());
  EXPECT_TRUE(same_day(week[0].date, {2026, 9, 20}));
  EXPECT_TRUE(same_day(week[6].date, {2026, 9, 26}));
  EXPECT_EQ(week[5].holiday, "추석");
  EXPECT_TRUE(week[5].today);
  // A week across the turn of the month keeps the month of the day asked about.
  const auto turn = week_of({2026, 10, 1}, {2026, 1, 1}, {});
  EXPECT_FALSE(turn[0].in_month);
  EXPECT_TRUE(turn[4].in_month);
  EXPECT_EQ(month_title(2026, 10), "2026년 10월");
}

const render::View* field(const render::View& v, const std::string& key) {
  for (const auto& [k, value] : v.fields())
    if (k == key) return &value;
  return nullptr;
}

TEST(MonthGridView, EventsLandOnTheirDaysAndTheCellSaysSoAloud) {
  const auto grid = month_grid(2026, 10, {2026, 10, 9}, autumn_2026());
  const std::vector<GridEvent> events = {
      {{2026, 10, 8}, "14:00", "부시장·부군수 회의", "/meetings/1", "", false},
      {{2026, 10, 8}, "", "실무협의회", "/meetings/2", "취소", true},
      {{2026, 11, 12}, "10:00", "다음 달 회의", "/meetings/3", "", false},  // outside the month: left out
  };
  const auto view = month_grid_view(grid, events, "2026년 10월 회의 일정");
  EXPECT_EQ(field(view, "caption")->text(), "2026년 10월 회의 일정");
  const auto& weeks = field(view, "weeks")->items();
  ASSERT_EQ(weeks.size(), 5u);
  int placed = 0;
  for (const auto& week : weeks)
    for (const auto& day : field(week, "days")->items())
      placed += static_cast<int>(field(day, "events")->items().size());
  EXPECT_EQ(placed, 2);
  // Thursday 8 October is the fifth cell of the second week.
  const auto& thursday = field(weeks[1], "days")->items()[4];
  EXPECT_EQ(field(thursday, "label")->text(), "10월 8일 목요일, 일정 2건");
  EXPECT_TRUE(field(thursday, "has_events")->flag());
  const auto& cancelled = field(thursday, "events")->items()[1];
  EXPECT_TRUE(field(cancelled, "cancelled")->flag());
  EXPECT_EQ(field(cancelled, "note")->text(), "취소");
  const auto& hangul_day = field(weeks[1], "days")->items()[5];
  EXPECT_EQ(field(hangul_day, "label")->text(), "10월 9일 금요일, 한글날");
  EXPECT_FALSE(field(hangul_day, "has_events")->flag());
}

}  // namespace
}  // namespace sotong::platform::calendar
