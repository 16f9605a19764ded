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
  // By hand: snprintf's format parsing cost more than the rest of a list row's dates together.
  if (date.year < 0 || date.year > 9999 || date.month < 0 || date.month > 99 || date.day < 0 ||
      date.day > 99) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", date.year, date.month, date.day);
    return buf;
  }
  std::string out(10, '-');
  auto digits = [&](std::size_t at, int value, int width) {
    for (int i = width - 1; i >= 0; --i, value /= 10)
      out[at + static_cast<std::size_t>(i)] = char('0' + value % 10);
  };
  digits(0, date.year, 4);
  digits(5, date.month, 2);
  digits(8, date.day, 2);
  return out;
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
