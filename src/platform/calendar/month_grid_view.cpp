#include "platform/calendar/month_grid_view.hpp"

#include <map>

namespace sotong::platform::calendar {
namespace {

using EventsByDay = std::map<std::int64_t, std::vector<const GridEvent*>>;

EventsByDay by_day(const std::vector<GridEvent>& events) {
  EventsByDay out;
  for (const auto& e : events) out[day_number(e.date)].push_back(&e);
  return out;
}

render::View day_view(const GridDay& day, const EventsByDay& events) {
  // Read out by a screen reader as one cell: "10월 9일 금요일, 한글날, 일정 2건".
  std::string label = std::to_string(day.date.month) + "월 " + std::to_string(day.date.day) + "일 " +
                      std::string(weekday_label(day.date)) + "요일";
  if (!day.holiday.empty()) label += ", " + day.holiday;
  render::View list = render::View::list();
  if (auto it = events.find(day_number(day.date)); it != events.end()) {
    for (const GridEvent* e : it->second)
      list.push(render::View::object({{"time", e->time},
                                      {"has_time", !e->time.empty()},
                                      {"title", e->title},
                                      {"href", e->href},
                                      {"note", e->note},
                                      {"has_note", !e->note.empty()},
                                      {"cancelled", e->cancelled}}));
    label += ", 일정 " + std::to_string(it->second.size()) + "건";
  }
  const bool has_events = !list.empty_list();
  return render::View::object({{"iso", format_date(day.date)},
                               {"day", day.date.day},
                               {"short", std::to_string(day.date.month) + "." + std::to_string(day.date.day) +
                                             " (" + std::string(weekday_label(day.date)) + ")"},
                               {"label", label},
                               {"other_month", !day.in_month},
                               {"today", day.today},
                               {"weekend", day.weekend},
                               {"sunday", weekday(day.date) == 0},
                               {"holiday", day.holiday},
                               {"has_holiday", !day.holiday.empty()},
                               {"events", std::move(list)},
                               {"has_events", has_events}});
}

render::View week_view(const GridWeek& week, const EventsByDay& events) {
  render::View days = render::View::list();
  for (const auto& day : week) days.push(day_view(day, events));
  return render::View::object({{"days", std::move(days)}});
}

}  // namespace

render::View month_grid_view(const MonthGrid& grid, const std::vector<GridEvent>& events,
                             std::string caption) {
  const auto placed = by_day(events);
  render::View weeks = render::View::list();
  for (const auto& week : grid.weeks) weeks.push(week_view(week, placed));
  return render::View::object({{"caption", std::move(caption)}, {"weeks", std::move(weeks)}});
}

render::View week_grid_view(const GridWeek& week, const std::vector<GridEvent>& events, std::string caption) {
  render::View weeks = render::View::list();
  weeks.push(week_view(week, by_day(events)));
  return render::View::object({{"caption", std::move(caption)}, {"weeks", std::move(weeks)}});
}

}  // namespace sotong::platform::calendar
