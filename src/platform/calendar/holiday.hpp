// Holidays (공휴일) and their kinds: the plain data of the working-day calendar, with date helpers.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"

namespace sotong::platform::calendar {

enum class HolidayKind {
  statutory,  // 법정공휴일: 「관공서의 공휴일에 관한 규정」 제2조 (신정, 설날·추석 연휴, 국경일 …)
  substitute,  // 대체공휴일: 같은 규정 제3조
  election,    // 선거일: 「공직선거법」 제34조의 임기만료 선거일
  temporary,   // 임시공휴일: 정부가 수시로 지정하는 날
};

inline constexpr std::array kAllHolidayKinds = {HolidayKind::statutory, HolidayKind::substitute,
                                                HolidayKind::election, HolidayKind::temporary};

/// The stable code stored and used in the API ("substitute").
std::string_view holiday_kind_code(HolidayKind kind);
/// The Korean label ("대체공휴일").
std::string_view holiday_kind_label(HolidayKind kind);
std::optional<HolidayKind> holiday_kind_from_code(std::string_view code);

struct Holiday {
  CivilDate date;
  std::string name;  // "설날", "대체공휴일(어린이날)"
  HolidayKind kind = HolidayKind::statutory;
};

/// Days since 1970-01-01, the calendar's internal key.
inline std::int64_t day_number(CivilDate date) {
  return days_from_civil(date);
}
/// The date `days` days after (or, when negative, before) `date`.
inline CivilDate add_days(CivilDate date, std::int64_t days) {
  return civil_from_days(days_from_civil(date) + days);
}
/// True when both name the same day.
inline bool same_day(CivilDate a, CivilDate b) {
  return a.year == b.year && a.month == b.month && a.day == b.day;
}
/// "2026-09-25".
std::string format_date(CivilDate date);
/// The one-letter Korean weekday ("월", "토").
std::string_view weekday_label(CivilDate date);
/// "2026-09-25 (금)", as dates are shown on pages.
std::string format_date_with_weekday(CivilDate date);
/// True on Saturday and Sunday.
bool is_weekend(CivilDate date);

}  // namespace sotong::platform::calendar
