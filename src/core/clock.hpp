// Time: instants are stored as UTC seconds since the epoch and shown in Asia/Seoul (UTC+9, no DST).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sotong {

using Timestamp = std::int64_t;  // seconds since 1970-01-01T00:00:00Z

/// The current instant, from the system clock.
Timestamp now();

struct CivilDate {
  int year;
  int month;
  int day;
};

/// Days since 1970-01-01 of a proleptic Gregorian date.
std::int64_t days_from_civil(CivilDate date);
CivilDate civil_from_days(std::int64_t days);
/// Day of the week of a proleptic Gregorian date: 0 = Sunday, 1 = Monday … 6 = Saturday (as C's tm_wday).
int weekday(CivilDate date);

/// "2026-11-25 14:03" in Korean time.
std::string format_seoul_minute(Timestamp t);
/// "2026-11-25 14:03:09" in Korean time.
std::string format_seoul_second(Timestamp t);
/// "2026-11-25" in Korean time.
std::string format_seoul_date(Timestamp t);
/// The Korean (UTC+9) calendar date of an instant.
CivilDate seoul_date(Timestamp t);
/// Today in Korean time: the date deadlines, due days and "overdue" are counted from.
CivilDate seoul_today();
/// The instant a Korean (UTC+9) calendar day starts, as a UTC timestamp.
Timestamp seoul_day_start(CivilDate date);
/// "2026-11-25T05:03:00Z", for APIs.
std::string format_iso_utc(Timestamp t);

/// Parses "YYYY-MM-DD"; nullopt when the text is not a real calendar date.
std::optional<CivilDate> parse_date(std::string_view text);

}  // namespace sotong
