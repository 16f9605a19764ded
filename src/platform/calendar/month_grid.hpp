// The days of a month as a wall calendar shows them (일요일 first, as Korean office calendars do): whole
// weeks, the days of the neighbouring months marked, holidays named from the working-day calendar. Pure; the
// meetings, academy and forums modules place their events on it (month_grid_view.hpp) and share one partial.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "platform/calendar/working_calendar.hpp"

namespace sotong::platform::calendar {

struct GridDay {
  CivilDate date{};
  bool in_month =
      true;  // false for the days of the months before and after that fill the first and last week
  bool today = false;
  bool weekend = false;
  std::string holiday;  // "추석", "대체공휴일(개천절)"; empty on other days
};

using GridWeek = std::array<GridDay, 7>;  // Sunday … Saturday

struct MonthGrid {
  int year = 0;
  int month = 0;
  std::vector<GridWeek> weeks;  // 4 to 6
  CivilDate previous{};         // the first day of the month before
  CivilDate next{};             // the first day of the month after
};

/// The month `year`-`month` (1–12) in whole weeks.
MonthGrid month_grid(int year, int month, CivilDate today, const WorkingCalendar& calendar);
/// The week, Sunday to Saturday, that holds `date`.
GridWeek week_of(CivilDate date, CivilDate today, const WorkingCalendar& calendar);
/// "2026년 10월"
std::string month_title(int year, int month);

}  // namespace sotong::platform::calendar
