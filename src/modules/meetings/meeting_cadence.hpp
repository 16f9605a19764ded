// The cadence of a standing meeting body (회의체) — 매월 둘째 목요일, 매 분기 첫째 주, 수시 — as a value with
// a stable storage code and a Korean label, and the year of meeting dates it gives over the working calendar
// (a holiday moves a meeting within its week, else within its month). Pure: no I/O, so every case is
// unit-tested.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "core/vocabulary.hpp"
#include "platform/calendar/working_calendar.hpp"

namespace sotong::meetings {

/// How often the body meets. Irregular (수시) bodies are convened when needed and get no generated dates.
enum class Period { monthly, quarterly, half_yearly, yearly, irregular };

/// Which week of the meeting's month: with a weekday, its n-th (or last) occurrence in the month ("둘째
/// 목요일" is the second Thursday); without one, the Monday-to-Sunday week holding the month's n-th (or last)
/// Thursday, as Korean calendars number weeks (KS X ISO 8601: 첫째 주는 그 달의 첫 목요일이 든 주).
enum class WeekOfMonth { first, second, third, fourth, last };

/// The weekday of the meeting; `any` means the first working day of the week.
enum class MeetingDay { any, monday, tuesday, wednesday, thursday, friday };

inline constexpr std::array<Term<Period>, 5> kPeriods = {{
    {Period::monthly, "monthly", "매월"},
    {Period::quarterly, "quarterly", "매 분기"},
    {Period::half_yearly, "half_yearly", "매 반기"},
    {Period::yearly, "yearly", "연 1회"},
    {Period::irregular, "irregular", "수시"},
}};

inline constexpr std::array<Term<WeekOfMonth>, 5> kWeeksOfMonth = {{
    {WeekOfMonth::first, "1", "첫째"},
    {WeekOfMonth::second, "2", "둘째"},
    {WeekOfMonth::third, "3", "셋째"},
    {WeekOfMonth::fourth, "4", "넷째"},
    {WeekOfMonth::last, "last", "마지막"},
}};

inline constexpr std::array<Term<MeetingDay>, 6> kMeetingDays = {{
    {MeetingDay::any, "any", "그 주 첫 근무일"},
    {MeetingDay::monday, "mon", "월요일"},
    {MeetingDay::tuesday, "tue", "화요일"},
    {MeetingDay::wednesday, "wed", "수요일"},
    {MeetingDay::thursday, "thu", "목요일"},
    {MeetingDay::friday, "fri", "금요일"},
}};

/// A cadence. `month_of_period` picks the month inside a longer period: 1 is its first month (January,
/// April, July, October for a quarter), up to 3 for a quarter, 6 for a half-year and 12 for a year (there it
/// is the calendar month); a monthly cadence keeps 1. An irregular cadence ignores the other fields.
struct Cadence {
  Period period = Period::monthly;
  WeekOfMonth week = WeekOfMonth::first;
  MeetingDay day = MeetingDay::any;
  int month_of_period = 1;

  bool operator==(const Cadence&) const = default;
};

/// The months a period spans: 1, 3, 6, 12; 0 for an irregular one.
int months_in_period(Period period);

/// The cadence when it makes sense (an irregular one with its other fields reset), else a Korean refusal
/// naming `month_of_period`: a month beyond the period, or any month but the first for a monthly cadence.
Result<Cadence> check_cadence(const Cadence& cadence);

/// Reads a storage code: "irregular", or PERIOD/WEEK/DAY for a monthly cadence and PERIOD/WEEK/DAY@MONTH for
/// the others, where PERIOD is monthly|quarterly|half_yearly|yearly, WEEK is 1|2|3|4|last, DAY is
/// mon|tue|wed|thu|fri|any and MONTH is the month of the period without leading zeros ("monthly/2/thu",
/// "quarterly/1/any@1", "yearly/last/fri@12"). Exactly one spelling per cadence, so a code read back is
/// written the same. Anything else is refused with a Korean message (ErrorCode::invalid_input, field
/// `cadence`).
Result<Cadence> parse_cadence(std::string_view code);

/// The cadence a form's four selects give (period, week, day, month of the period, as their codes; the month
/// is ignored for a monthly or irregular cadence), or Korean field errors naming the select that is wrong.
Result<Cadence> cadence_from_fields(std::string_view period, std::string_view week, std::string_view day,
                                    std::string_view month_of_period);
/// The storage code of a valid cadence (see parse_cadence).
std::string cadence_code(const Cadence& cadence);

/// The cadence in Korean: "매월 둘째 목요일", "매 분기 첫째 주", "매 반기 둘째 달 마지막 금요일",
/// "매년 3월 첫째 주", "수시".
std::string cadence_label(const Cadence& cadence);

/// One meeting of the year.
struct ScheduledDate {
  CivilDate date;      // when it meets: a working day in the month the cadence names
  CivilDate original;  // the day the cadence names, before a holiday moved it
  std::string reason;  // why it moved ("추석 연휴(9월 24일)와 겹쳐 9월 23일로 옮김"); empty when it did not
};

/// The meetings of a valid cadence in `year`, in date order: one per period (12 monthly, 4 quarterly, 2
/// half-yearly, 1 yearly, none for an irregular or invalid cadence). A day the calendar says is not a working
/// day moves to the next working day of the same week, else the previous one of that week, else the nearest
/// working day of the same month (the later one when two are as near); a meeting never leaves its month, so
/// two never share a date. In the rare month without any working day the named day is kept, with a reason.
std::vector<ScheduledDate> schedule_year(const Cadence& cadence, int year,
                                         const platform::calendar::WorkingCalendar& calendar);

}  // namespace sotong::meetings
