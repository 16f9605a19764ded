#include "platform/calendar/holiday.hpp"

#include <cstdio>

namespace sotong::platform::calendar {

std::string_view holiday_kind_code(HolidayKind kind) {
  switch (kind) {
    case HolidayKind::statutory:
      return "statutory";
    case HolidayKind::substitute:
      return "substitute";
    case HolidayKind::election:
      return "election";
    case HolidayKind::temporary:
      return "temporary";
  }
  return "statutory";
}

std::string_view holiday_kind_label(HolidayKind kind) {
  switch (kind) {
    case HolidayKind::statutory:
      return "법정공휴일";
    case HolidayKind::substitute:
      return "대체공휴일";
    case HolidayKind::election:
      return "선거일";
    case HolidayKind::temporary:
      return "임시공휴일";
  }
  return "법정공휴일";
}

std::optional<HolidayKind> holiday_kind_from_code(std::string_view code) {
  for (auto k : kAllHolidayKinds) {
    if (holiday_kind_code(k) == code) return k;
  }
  return std::nullopt;
}

std::string format_date(CivilDate date) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", date.year, date.month, date.day);
  return buf;
}

std::string_view weekday_label(CivilDate date) {
  static constexpr std::string_view kLabels[] = {"일", "월", "화", "수", "목", "금", "토"};
  return kLabels[weekday(date)];
}

std::string format_date_with_weekday(CivilDate date) {
  return format_date(date) + " (" + std::string(weekday_label(date)) + ")";
}

bool is_weekend(CivilDate date) {
  const int w = weekday(date);
  return w == 0 || w == 6;
}

}  // namespace sotong::platform::calendar
