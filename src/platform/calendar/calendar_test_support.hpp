// What the calendar's unit tests share: dates and holidays written as text. Included by tests only.
#pragma once

#include "core/clock.hpp"
#include "platform/calendar/holiday.hpp"

namespace sotong::platform::calendar {

/// The date of "YYYY-MM-DD" (a test's own literal, so always valid).
inline CivilDate date_on(const char* text) {
  return *parse_date(text);
}

/// A holiday on "YYYY-MM-DD".
inline Holiday make_holiday(const char* date, const char* name, HolidayKind kind = HolidayKind::statutory) {
  return {date_on(date), name, kind};
}

}  // namespace sotong::platform::calendar
