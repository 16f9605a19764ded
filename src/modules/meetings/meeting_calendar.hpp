// The calendar of 회의 (meetings): what `?view=month|week|list&month=YYYY-MM&date=YYYY-MM-DD&body=ID&
// organization=ID` asks for, and the days it covers. Pure: no database, no policy.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "core/vocabulary.hpp"
#include "http/form.hpp"

namespace sotong::meetings {

enum class CalendarView { month, week, list };
inline constexpr std::array<Term<CalendarView>, 3> kCalendarViews = {{
    {CalendarView::month, "month", "월"},
    {CalendarView::week, "week", "주"},
    {CalendarView::list, "list", "목록"},
}};

struct CalendarQuery {
  CalendarView view = CalendarView::month;
  CivilDate anchor{};  // the first day of the month (month, list) or a day of the week (week)
  std::optional<std::int64_t> body;
  std::optional<std::int64_t> organization;
};

/// Reads the query; `today` (Korean date) when neither month nor date is given. A 422 in Korean, with the
/// field, for an unknown view, a month that is not YYYY-MM, a date that is not YYYY-MM-DD, or a filter that
/// is not an id.
Result<CalendarQuery> parse_calendar_query(const http::Form& query, CivilDate today);

/// The first and last day the view covers: the month, or Sunday to Saturday of the anchor's week.
std::pair<CivilDate, CivilDate> calendar_range(const CalendarQuery& q);
/// The same view one step before (-1) or after (+1): a month, or a week.
CalendarQuery calendar_step(const CalendarQuery& q, int direction);
/// The query string of a view ("view=week&date=2026-10-04&body=3"), filters kept.
std::string calendar_query_string(const CalendarQuery& q);

}  // namespace sotong::meetings
