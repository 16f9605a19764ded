// A month or a week of the wall calendar as the shared partial `web/_month_grid` shows it, with a module's
// events placed on their days. A page includes `{{> web/_month_grid}}` inside a field holding this view.
#pragma once

#include <string>
#include <vector>

#include "platform/calendar/month_grid.hpp"
#include "render/view.hpp"

namespace sotong::platform::calendar {

/// One thing on a day: a meeting, a course session.
struct GridEvent {
  CivilDate date{};
  std::string time;   // "14:00"; empty for the whole day
  std::string title;  // "부시장·부군수 회의"
  std::string href;   // its page
  std::string note;   // shown after the title ("취소", "전주시 개최"); empty for none
  bool cancelled = false;
};

/// The month with `events` on their days (events outside it are left out), in the order given per day.
render::View month_grid_view(const MonthGrid& grid, const std::vector<GridEvent>& events,
                             std::string caption);
/// One week, the same way.
render::View week_grid_view(const GridWeek& week, const std::vector<GridEvent>& events, std::string caption);

}  // namespace sotong::platform::calendar
