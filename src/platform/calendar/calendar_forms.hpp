// Request fields of the holiday pages and API → typed values, with Korean field errors.
#pragma once

#include <string>
#include <string_view>

#include "core/result.hpp"
#include "platform/calendar/holiday.hpp"

namespace sotong::platform::calendar {

/// The largest working-day count the calculator and the API accept (about 14 years).
inline constexpr int kMaxWorkingDays = 3650;
inline constexpr int kFirstYear = 2000;
inline constexpr int kLastYear = 2100;

/// What the administrator's holiday form sends.
struct HolidayInput {
  std::string date;  // "2026-10-02"
  std::string name;
  std::string kind;  // a HolidayKind code
};

/// The form validated: field errors for a date that is not a real YYYY-MM-DD date within 2000–2100, an
/// empty name or one over 50 characters (NFC, counted in characters), or an unknown kind.
Result<Holiday> validate_holiday(const HolidayInput& input);

/// A year 2000–2100 ("2026"), or a field error on `field`.
Result<int> read_year(std::string_view text, std::string_view field = "year");

struct AddQuery {
  CivilDate start;
  int days;
};
/// "start + N working days": a real date and 0 ≤ N ≤ kMaxWorkingDays, or field errors on start/days.
Result<AddQuery> read_add_query(std::string_view start, std::string_view days);

struct BetweenQuery {
  CivilDate from;
  CivilDate to;
};
/// "working days between A and B": two real dates, or field errors on from/to.
Result<BetweenQuery> read_between_query(std::string_view from, std::string_view to);

}  // namespace sotong::platform::calendar
