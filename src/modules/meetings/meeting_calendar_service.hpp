// The calendar of 회의 (meetings): the meetings of a month or week the person may see, filtered by body and
// organisation, placed on the platform's wall calendar.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/result.hpp"
#include "modules/meetings/meeting.hpp"
#include "modules/meetings/meeting_calendar.hpp"
#include "platform/calendar/month_grid.hpp"
#include "platform/service_context.hpp"

namespace sotong::meetings {

struct CalendarEntry {
  Meeting meeting;  // host_name filled in
  std::string body_name;
  bool openable = false;  // may the person open the meeting's page
};

struct CalendarPage {
  CalendarQuery query;
  CivilDate from{};
  CivilDate to{};
  std::vector<CalendarEntry> entries;   // by date and time
  platform::calendar::MonthGrid month;  // the month view's weeks
  platform::calendar::GridWeek week{};  // the week view's days
  /// The filters' choices: the bodies the person sees, and the organisations sitting on them (id, name).
  std::vector<std::pair<std::int64_t, std::string>> bodies;
  std::vector<std::pair<std::int64_t, std::string>> organizations;
};

/// The meetings of the query's month or week that the person may see (a 시·군 officer: the bodies its
/// 시·군 sits on). A 422 in Korean when the body or organisation filter is not one of the choices offered.
Result<CalendarPage> calendar_meetings(const platform::ServiceContext& svc, const CalendarQuery& query);

}  // namespace sotong::meetings
