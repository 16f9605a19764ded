#include "modules/meetings/meeting_cadence.hpp"

#include <charconv>
#include <optional>

#include "core/korean_text.hpp"
#include "platform/calendar/holiday_rules.hpp"

namespace sotong::meetings {
namespace {

using platform::calendar::WorkingCalendar;

Error refuse(const std::string& message) {
  return Error::invalid(message, {{"cadence", message}});
}

/// "첫째" … "여섯째": the months of a half-year are the most a period's month needs to be named by.
std::string_view ordinal(int n) {
  static constexpr std::array<std::string_view, 6> kOrdinals = {"첫째", "둘째",   "셋째",
                                                                "넷째", "다섯째", "여섯째"};
  return n >= 1 && n <= 6 ? kOrdinals[static_cast<std::size_t>(n - 1)] : std::string_view{};
}

/// A month of 1 to 12 written in digits only, without sign or leading zeros, so that a code has one spelling.
std::optional<int> read_month(std::string_view text) {
  if (text.empty() || text.size() > 2 || text.front() < '1' || text.front() > '9') return std::nullopt;
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || value > 12) return std::nullopt;
  return value;
}

int days_in_month(int year, int month) {
  const CivilDate next = month == 12 ? CivilDate{year + 1, 1, 1} : CivilDate{year, month + 1, 1};
  return static_cast<int>(days_from_civil(next) - days_from_civil({year, month, 1}));
}

/// The weekday number of core's weekday() (1 = Monday … 5 = Friday): MeetingDay lists the days in that order
/// after `any`.
int weekday_number(MeetingDay day) {
  return static_cast<int>(day);
}

/// The day of the month of the n-th (or last) `wday` (0 = Sunday … 6 = Saturday) in the month.
int nth_weekday(int year, int month, int wday, WeekOfMonth week) {
  const int first = 1 + (wday - weekday({year, month, 1}) + 7) % 7;
  if (week == WeekOfMonth::last) return first + 7 * ((days_in_month(year, month) - first) / 7);
  return first + 7 * static_cast<int>(week);
}

/// The day the cadence names in a month: the weekday's occurrence, or for `any` the first weekday inside the
/// month of the week holding the month's n-th Thursday (the Monday may still be in the previous month).
int named_day(const Cadence& cadence, int year, int month) {
  if (cadence.day != MeetingDay::any)
    return nth_weekday(year, month, weekday_number(cadence.day), cadence.week);
  const int thursday = nth_weekday(year, month, weekday_number(MeetingDay::thursday), cadence.week);
  return thursday - 3 >= 1 ? thursday - 3 : 1;
}

/// Where a meeting on a day that is not a working day goes: later in its Monday–Friday week, else earlier in
/// it, else the nearest working day of the month. Never across the month's edge.
std::optional<int> working_day_near(const WorkingCalendar& calendar, int year, int month, int day) {
  const int last = days_in_month(year, month);
  const int wday = weekday({year, month, day});  // 1 … 5: a named day is always Monday to Friday
  auto works = [&](int d) { return d >= 1 && d <= last && calendar.is_working_day({year, month, d}); };
  for (int d = day + 1; d <= day + (5 - wday); ++d)
    if (works(d)) return d;
  for (int d = day - 1; d >= day - (wday - 1); --d)
    if (works(d)) return d;
  for (int distance = 1; distance < last; ++distance) {
    if (works(day + distance)) return day + distance;
    if (works(day - distance)) return day - distance;
  }
  return std::nullopt;
}

/// What a reason calls the holiday: the calendar's name, with the three days of 설날 and 추석 said as one
/// 연휴 and a substitute as "개천절 대체공휴일" (the calendar's "대체공휴일(개천절)" reads badly before a
/// bracketed date).
std::string holiday_words(const WorkingCalendar& calendar, CivilDate date) {
  const auto holiday = calendar.holiday_on(date);
  if (!holiday) return "휴일";
  const std::string& name = holiday->name;
  if (auto statutory = platform::calendar::statutory_holiday(name);
      statutory && statutory->rule == platform::calendar::SubstituteRule::sunday_or_other_holiday)
    return std::string(statutory->group) + " 연휴";
  constexpr std::string_view kSubstitute = "대체공휴일(";
  if (name.starts_with(kSubstitute) && name.ends_with(')'))
    return name.substr(kSubstitute.size(), name.size() - kSubstitute.size() - 1) + " 대체공휴일";
  return name;
}

std::string month_day(CivilDate date) {
  return std::to_string(date.month) + "월 " + std::to_string(date.day) + "일";
}

ScheduledDate schedule_in_month(const Cadence& cadence, int year, int month,
                                const WorkingCalendar& calendar) {
  const CivilDate named{year, month, named_day(cadence, year, month)};
  if (calendar.is_working_day(named)) return {named, named, ""};
  const std::string holiday = holiday_words(calendar, named);
  const std::string clash = holiday + "(" + month_day(named) + ")" + std::string(particle(holiday, "과/와"));
  const auto day = working_day_near(calendar, year, month, named.day);
  if (!day) return {named, named, clash + " 겹치지만 이 달에 근무일이 없어 그대로 둠"};
  const CivilDate moved{year, month, *day};
  // Every date ends in 일, which takes 로.
  return {moved, named, clash + " 겹쳐 " + month_day(moved) + "로 옮김"};
}

}  // namespace

int months_in_period(Period period) {
  switch (period) {
    case Period::monthly:
      return 1;
    case Period::quarterly:
      return 3;
    case Period::half_yearly:
      return 6;
    case Period::yearly:
      return 12;
    case Period::irregular:
      return 0;
  }
  return 0;
}

Result<Cadence> check_cadence(const Cadence& cadence) {
  if (cadence.period == Period::irregular) return Cadence{.period = Period::irregular};
  const int months = months_in_period(cadence.period);
  if (cadence.month_of_period >= 1 && cadence.month_of_period <= months) return cadence;
  const std::string message = months == 1 ? std::string("매월 열리는 회의는 달을 고르지 않습니다.")
                                          : std::string(label_of<Period>(kPeriods, cadence.period)) +
                                                " 회의의 달은 1부터 " + std::to_string(months) +
                                                "까지 고를 수 있습니다.";
  return Error::invalid(message, {{"month_of_period", message}});
}

Result<Cadence> parse_cadence(std::string_view code) {
  if (code == code_of<Period>(kPeriods, Period::irregular)) return Cadence{.period = Period::irregular};
  const std::string quoted = "회의 주기 코드 ‘" + std::string(code) + "’";
  const auto first_slash = code.find('/');
  const auto second_slash =
      first_slash == std::string_view::npos ? first_slash : code.find('/', first_slash + 1);
  if (second_slash == std::string_view::npos)
    return refuse(with_particle(quoted, "은/는") +
                  " ‘주기/주/요일’ 꼴이어야 합니다(예: monthly/2/thu, quarterly/1/any@1).");
  const auto period = from_code<Period>(kPeriods, code.substr(0, first_slash));
  if (!period || *period == Period::irregular)
    return refuse(quoted + "의 주기는 monthly, quarterly, half_yearly, yearly 가운데 하나여야 합니다.");
  const auto week =
      from_code<WeekOfMonth>(kWeeksOfMonth, code.substr(first_slash + 1, second_slash - first_slash - 1));
  if (!week) return refuse(quoted + "의 주는 1, 2, 3, 4, last 가운데 하나여야 합니다.");

  std::string_view rest = code.substr(second_slash + 1);
  const auto at = rest.find('@');
  const auto day = from_code<MeetingDay>(kMeetingDays, rest.substr(0, at));
  if (!day) return refuse(quoted + "의 요일은 mon, tue, wed, thu, fri, any 가운데 하나여야 합니다.");

  Cadence cadence{.period = *period, .week = *week, .day = *day};
  if (*period == Period::monthly) {
    if (at != std::string_view::npos)
      return refuse(quoted + ": 매월 열리는 회의에는 달(@)을 붙이지 않습니다.");
    return cadence;
  }
  const auto month = at == std::string_view::npos ? std::nullopt : read_month(rest.substr(at + 1));
  if (!month || *month > months_in_period(*period))
    return refuse(quoted + ": " + std::string(label_of<Period>(kPeriods, *period)) + " 회의는 끝에 @1부터 @" +
                  std::to_string(months_in_period(*period)) + "까지로 달을 붙여야 합니다.");
  cadence.month_of_period = *month;
  return cadence;
}

std::string cadence_code(const Cadence& cadence) {
  if (cadence.period == Period::irregular) return std::string(code_of<Period>(kPeriods, Period::irregular));
  std::string code = std::string(code_of<Period>(kPeriods, cadence.period)) + "/" +
                     std::string(code_of<WeekOfMonth>(kWeeksOfMonth, cadence.week)) + "/" +
                     std::string(code_of<MeetingDay>(kMeetingDays, cadence.day));
  if (cadence.period != Period::monthly) code += "@" + std::to_string(cadence.month_of_period);
  return code;
}

std::string cadence_label(const Cadence& cadence) {
  std::string label;
  switch (cadence.period) {
    case Period::irregular:
      return std::string(label_of<Period>(kPeriods, Period::irregular));
    case Period::yearly:
      label = "매년 " + std::to_string(cadence.month_of_period) + "월";
      break;
    case Period::monthly:
    case Period::quarterly:
    case Period::half_yearly:
      label = std::string(label_of<Period>(kPeriods, cadence.period));
      if (cadence.month_of_period > 1) label += " " + std::string(ordinal(cadence.month_of_period)) + " 달";
      break;
  }
  label += " " + std::string(label_of<WeekOfMonth>(kWeeksOfMonth, cadence.week)) + " ";
  label += cadence.day == MeetingDay::any ? std::string("주")
                                          : std::string(label_of<MeetingDay>(kMeetingDays, cadence.day));
  return label;
}

std::vector<ScheduledDate> schedule_year(const Cadence& cadence, int year, const WorkingCalendar& calendar) {
  std::vector<ScheduledDate> dates;
  const int months = months_in_period(cadence.period);
  if (months == 0 || !check_cadence(cadence).ok()) return dates;
  for (int start = 1; start <= 12; start += months)
    dates.push_back(schedule_in_month(cadence, year, start + cadence.month_of_period - 1, calendar));
  return dates;
}

Result<Cadence> cadence_from_fields(std::string_view period, std::string_view week, std::string_view day,
                                    std::string_view month_of_period) {
  std::vector<FieldError> errors;
  Cadence c;
  if (auto p = from_code<Period>(kPeriods, period))
    c.period = *p;
  else
    errors.push_back({"period", "회의 주기를 골라 주십시오."});
  if (c.period == Period::irregular && errors.empty()) return check_cadence(c);
  if (auto w = from_code<WeekOfMonth>(kWeeksOfMonth, week))
    c.week = *w;
  else
    errors.push_back({"week", "몇째 주인지 골라 주십시오."});
  if (auto d = from_code<MeetingDay>(kMeetingDays, day))
    c.day = *d;
  else
    errors.push_back({"day", "요일을 골라 주십시오."});
  if (c.period != Period::monthly) {
    const std::string text(month_of_period);
    const bool digits =
        !text.empty() && text.size() <= 2 && text.find_first_not_of("0123456789") == std::string::npos;
    c.month_of_period = digits ? std::stoi(text) : 0;
  }
  if (!errors.empty()) return Error::invalid("입력 내용을 확인해 주십시오.", std::move(errors));
  return check_cadence(c);
}

}  // namespace sotong::meetings
