#include "core/clock.hpp"

#include <chrono>
#include <cstdio>

namespace sotong {
namespace {
constexpr std::int64_t kSeoulOffsetSeconds = 9 * 3600;
constexpr std::int64_t kSecondsPerDay = 86400;

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

bool is_leap(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int days_in_month(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}
}  // namespace

Timestamp now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// Howard Hinnant's civil calendar algorithms, public domain formulation.
std::int64_t days_from_civil(CivilDate d) {
  const std::int64_t y = d.year - (d.month <= 2 ? 1 : 0);
  const std::int64_t era = floor_div(y, 400);
  const std::int64_t yoe = y - era * 400;
  const std::int64_t mp = (d.month + 9) % 12;
  const std::int64_t doy = (153 * mp + 2) / 5 + d.day - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate civil_from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = floor_div(z, 146097);
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
  return {year, month, day};
}

int weekday(CivilDate date) {
  // 1970-01-01 was a Thursday (4).
  const std::int64_t days = days_from_civil(date);
  return static_cast<int>(days - floor_div(days + 4, 7) * 7 + 4);
}

namespace {
enum class Precision { day, minute, second };

std::string format_with_offset(Timestamp t, std::int64_t offset, Precision precision) {
  const std::int64_t local = t + offset;
  const std::int64_t days = floor_div(local, kSecondsPerDay);
  const std::int64_t secs = local - days * kSecondsPerDay;
  const CivilDate d = civil_from_days(days);
  const int hour = static_cast<int>(secs / 3600), minute = static_cast<int>(secs % 3600 / 60),
            second = static_cast<int>(secs % 60);
  char buf[32];
  switch (precision) {
    case Precision::day:
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
      break;
    case Precision::minute:
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d", d.year, d.month, d.day, hour, minute);
      break;
    case Precision::second:
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d:%02d", d.year, d.month, d.day, hour, minute,
                    second);
      break;
  }
  return buf;
}
}  // namespace

std::string format_seoul_minute(Timestamp t) {
  return format_with_offset(t, kSeoulOffsetSeconds, Precision::minute);
}
std::string format_seoul_second(Timestamp t) {
  return format_with_offset(t, kSeoulOffsetSeconds, Precision::second);
}
std::string format_seoul_date(Timestamp t) {
  return format_with_offset(t, kSeoulOffsetSeconds, Precision::day);
}

CivilDate seoul_date(Timestamp t) {
  return civil_from_days(floor_div(t + kSeoulOffsetSeconds, kSecondsPerDay));
}

CivilDate seoul_today() {
  return seoul_date(now());
}

Timestamp seoul_day_start(CivilDate date) {
  return days_from_civil(date) * kSecondsPerDay - kSeoulOffsetSeconds;
}

std::string format_iso_utc(Timestamp t) {
  const std::int64_t days = floor_div(t, kSecondsPerDay);
  const std::int64_t secs = t - days * kSecondsPerDay;
  const CivilDate d = civil_from_days(days);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", d.year, d.month, d.day,
                static_cast<int>(secs / 3600), static_cast<int>(secs % 3600 / 60),
                static_cast<int>(secs % 60));
  return buf;
}

std::optional<CivilDate> parse_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto digits = [&](std::size_t from, std::size_t len) -> int {
    int v = 0;
    for (std::size_t i = from; i < from + len; ++i) {
      if (text[i] < '0' || text[i] > '9') return -1;
      v = v * 10 + (text[i] - '0');
    }
    return v;
  };
  const int y = digits(0, 4), m = digits(5, 2), d = digits(8, 2);
  if (y < 1900 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return std::nullopt;
  return CivilDate{y, m, d};
}

}  // namespace sotong
