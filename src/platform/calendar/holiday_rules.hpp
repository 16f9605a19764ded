// The rules of the Korean public-holiday calendar: substitute holidays (대체공휴일) by 「관공서의 공휴일에
// 관한 규정」 제3조, election days by 「공직선거법」 제34조, and reading the shipped holiday CSV. Pure: no
// I/O.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "platform/calendar/holiday.hpp"
#include "platform/calendar/working_calendar.hpp"

namespace sotong::platform::calendar {

/// When a statutory holiday earns a substitute holiday (규정 제3조, as in force since 2023-05-04).
enum class SubstituteRule {
  none,                      // 신정, 현충일: never
  sunday_or_other_holiday,   // 설날·추석 연휴 (each of the three days): on a Sunday or another holiday
  weekend_or_other_holiday,  // 어린이날: on a Saturday, a Sunday or another holiday
  weekend,  // 국경일(삼일절·제헌절·광복절·개천절·한글날), 부처님오신날, 기독탄신일: Saturday/Sunday
};

struct StatutoryHoliday {
  SubstituteRule rule;
  std::string_view group;  // the name a substitute carries: "설날" for all three days of 설날 연휴
};

/// The rule for a statutory holiday by its name in the shipped CSV ("설날 전날", "어린이날" …);
/// nullopt for a name that is not one of the statutory holidays.
std::optional<StatutoryHoliday> statutory_holiday(std::string_view name);

/// The substitute holidays the rules give for `holidays` (statutory, election, temporary days, any span of
/// years): for each statutory holiday whose rule applies, the first following day that is neither a
/// Saturday, a Sunday, a holiday nor an earlier substitute ("다음의 첫 번째 비공휴일"; two substitutes
/// that would fall on one day take consecutive days, 제3조제2항). Named "대체공휴일(설날)" etc.,
/// in date order. Holidays of other kinds never earn a substitute but do count as "another holiday".
std::vector<Holiday> substitute_holidays(const std::vector<Holiday>& holidays);

/// 「공직선거법」 제34조: the first Wednesday on or after the day `days_before` days before `term_end`;
/// when that Wednesday, or the day before or after it, is a holiday in `calendar`, the Wednesday of the
/// following week.
CivilDate election_day(CivilDate term_end, int days_before, const WorkingCalendar& calendar);
/// 국회의원선거: terms end on 29 May every fourth year from 2024 (2024, 2028 …); 50 days before.
CivilDate national_assembly_election_day(int year, const WorkingCalendar& calendar);
/// 전국동시지방선거: terms end on 30 June every fourth year from 2022 (2026, 2030 …); 30 days before.
CivilDate local_election_day(int year, const WorkingCalendar& calendar);
/// True in the years a term-end general election (4 years from 2024) or local election (from 2022) falls.
bool has_national_assembly_election(int year);
bool has_local_election(int year);

/// Reads "date,name,kind" CSV (a header line first). Errors name the line: a date that is not a real
/// YYYY-MM-DD date, an empty name, an unknown kind, a statutory row whose name has no rule, or the same
/// date and name twice.
Result<std::vector<Holiday>> parse_holiday_csv(std::string_view text);

/// What an installation ships: the CSV's holidays plus the substitutes the rules give for them,
/// merged per date (what the seed writes). Errors as parse_holiday_csv.
Result<std::vector<Holiday>> shipped_holidays(std::string_view csv);

}  // namespace sotong::platform::calendar
