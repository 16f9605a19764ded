#include "platform/calendar/month_grid.hpp"

namespace sotong::platform::calendar {
namespace {

GridDay grid_day(CivilDate date, int month, CivilDate today, const WorkingCalendar& calendar) {
  GridDay d;
  d.date = date;
  d.in_month = date.month == month;
  d.today = same_day(date, today);
  d.weekend = is_weekend(date);
  if (auto h = calendar.holiday_on(date)) d.holiday = h->name;
  return d;
}

GridWeek week_from(CivilDate sunday, int month, CivilDate today, const WorkingCalendar& calendar) {
  GridWeek week;
  for (int i = 0; i < 7; ++i) week[i] = grid_day(add_days(sunday, i), month, today, calendar);
  return week;
}

CivilDate sunday_of(CivilDate date) {
  return add_days(date, -weekday(date));
}

}  // namespace

MonthGrid month_grid(int year, int month, CivilDate today, const WorkingCalendar& calendar) {
  MonthGrid grid;
  grid.year = year;
  grid.month = month;
  grid.previous = month == 1 ? CivilDate{year - 1, 12, 1} : CivilDate{year, month - 1, 1};
  grid.next = month == 12 ? CivilDate{year + 1, 1, 1} : CivilDate{year, month + 1, 1};
  const CivilDate last = add_days(grid.next, -1);
  for (CivilDate sunday = sunday_of({year, month, 1}); day_number(sunday) <= day_number(last);
       sunday = add_days(sunday, 7))
    grid.weeks.push_back(week_from(sunday, month, today, calendar));
  return grid;
}

GridWeek week_of(CivilDate date, CivilDate today, const WorkingCalendar& calendar) {
  return week_from(sunday_of(date), date.month, today, calendar);
}

std::string month_title(int year, int month) {
  return std::to_string(year) + "년 " + std::to_string(month) + "월";
}

}  // namespace sotong::platform::calendar
