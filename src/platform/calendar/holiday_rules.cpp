#include "platform/calendar/holiday_rules.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "core/csv.hpp"
#include "core/korean_text.hpp"

namespace sotong::platform::calendar {
namespace {

struct NamedRule {
  std::string_view name;
  StatutoryHoliday holiday;
};

// 「관공서의 공휴일에 관한 규정」 제2조의 공휴일 (일요일 제외), by the names the shipped CSV uses.
constexpr NamedRule kStatutory[] = {
    {"신정", {SubstituteRule::none, "신정"}},
    {"설날 전날", {SubstituteRule::sunday_or_other_holiday, "설날"}},
    {"설날", {SubstituteRule::sunday_or_other_holiday, "설날"}},
    {"설날 다음날", {SubstituteRule::sunday_or_other_holiday, "설날"}},
    {"삼일절", {SubstituteRule::weekend, "삼일절"}},
    {"부처님오신날", {SubstituteRule::weekend, "부처님오신날"}},
    {"어린이날", {SubstituteRule::weekend_or_other_holiday, "어린이날"}},
    {"현충일", {SubstituteRule::none, "현충일"}},
    {"제헌절", {SubstituteRule::weekend, "제헌절"}},
    {"광복절", {SubstituteRule::weekend, "광복절"}},
    {"추석 전날", {SubstituteRule::sunday_or_other_holiday, "추석"}},
    {"추석", {SubstituteRule::sunday_or_other_holiday, "추석"}},
    {"추석 다음날", {SubstituteRule::sunday_or_other_holiday, "추석"}},
    {"개천절", {SubstituteRule::weekend, "개천절"}},
    {"한글날", {SubstituteRule::weekend, "한글날"}},
    {"기독탄신일", {SubstituteRule::weekend, "기독탄신일"}},
};

bool triggers(SubstituteRule rule, CivilDate date, bool shares_the_day) {
  const int w = weekday(date);
  switch (rule) {
    case SubstituteRule::none:
      return false;
    case SubstituteRule::sunday_or_other_holiday:
      return w == 0 || shares_the_day;
    case SubstituteRule::weekend_or_other_holiday:
      return w == 0 || w == 6 || shares_the_day;
    case SubstituteRule::weekend:
      return w == 0 || w == 6;
  }
  return false;
}

Error csv_error(std::size_t line, const std::string& what) {
  return Error::invalid("공휴일 자료 " + std::to_string(line) + "번째 줄: " + what);
}
}  // namespace

std::optional<StatutoryHoliday> statutory_holiday(std::string_view name) {
  for (const auto& r : kStatutory) {
    if (r.name == name) return r.holiday;
  }
  return std::nullopt;
}

std::vector<Holiday> substitute_holidays(const std::vector<Holiday>& holidays) {
  std::map<std::int64_t, int> per_day;
  for (const auto& h : holidays) ++per_day[day_number(h.date)];
  std::set<std::int64_t> taken;
  for (const auto& [day, count] : per_day) taken.insert(day);

  struct Trigger {
    std::int64_t day;
    std::string_view group;
  };
  std::vector<Trigger> found;
  for (const auto& h : holidays) {
    if (h.kind != HolidayKind::statutory) continue;
    const auto statutory = statutory_holiday(h.name);
    if (!statutory) continue;
    const std::int64_t day = day_number(h.date);
    if (triggers(statutory->rule, h.date, per_day[day] > 1)) found.push_back({day, statutory->group});
  }
  std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.day < b.day; });

  std::vector<Holiday> out;
  for (const auto& t : found) {
    std::int64_t day = t.day + 1;
    while (taken.count(day) || is_weekend(civil_from_days(day))) ++day;
    taken.insert(day);
    out.push_back(
        {civil_from_days(day), "대체공휴일(" + std::string(t.group) + ")", HolidayKind::substitute});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return day_number(a.date) < day_number(b.date); });
  return out;
}

CivilDate election_day(CivilDate term_end, int days_before, const WorkingCalendar& calendar) {
  CivilDate day = add_days(term_end, -days_before);
  day = add_days(day, (3 - weekday(day) + 7) % 7);  // the first Wednesday (3) on or after it
  const bool near_holiday = calendar.holiday_on(day) || calendar.holiday_on(add_days(day, -1)) ||
                            calendar.holiday_on(add_days(day, 1));
  return near_holiday ? add_days(day, 7) : day;
}

bool has_national_assembly_election(int year) {
  return year >= 2008 && (year - 2008) % 4 == 0;
}

bool has_local_election(int year) {
  return year >= 2006 && (year - 2006) % 4 == 0;
}

CivilDate national_assembly_election_day(int year, const WorkingCalendar& calendar) {
  return election_day({year, 5, 29}, 50, calendar);
}

CivilDate local_election_day(int year, const WorkingCalendar& calendar) {
  return election_day({year, 6, 30}, 30, calendar);
}

Result<std::vector<Holiday>> parse_holiday_csv(std::string_view text) {
  const auto rows = parse_csv(text);
  if (rows.empty() || rows[0].size() < 3 || rows[0][0] != "date" || rows[0][1] != "name" ||
      rows[0][2] != "kind")
    return Error::invalid("공휴일 자료의 첫 줄에 date,name,kind 머리글이 있어야 합니다.");
  std::vector<Holiday> out;
  std::set<std::pair<std::int64_t, std::string>> seen;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const auto& row = rows[i];
    const std::size_t line = i + 1;
    if (row.size() == 1 && trim(row[0]).empty()) continue;  // a blank line
    if (row.size() != 3) return csv_error(line, "칸이 세 개(date,name,kind)가 아닙니다.");
    const auto date = parse_date(trim(row[0]));
    if (!date) return csv_error(line, "날짜 '" + row[0] + "'가 올바른 YYYY-MM-DD 날짜가 아닙니다.");
    const std::string name(trim(row[1]));
    if (name.empty()) return csv_error(line, "이름이 비어 있습니다.");
    const auto kind = holiday_kind_from_code(trim(row[2]));
    if (!kind) return csv_error(line, "종류 '" + row[2] + "'를 알 수 없습니다.");
    if (*kind == HolidayKind::statutory && !statutory_holiday(name))
      return csv_error(line,
                       with_particle("'" + name + "'", "은/는") + " 규정에 있는 법정공휴일 이름이 아닙니다.");
    if (!seen.insert({day_number(*date), name}).second)
      return csv_error(line, format_date(*date) + " " + with_particle(name, "이/가") + " 두 번 나옵니다.");
    out.push_back({*date, name, *kind});
  }
  return out;
}

Result<std::vector<Holiday>> shipped_holidays(std::string_view csv) {
  auto listed = parse_holiday_csv(csv);
  if (!listed) return listed.error();
  std::vector<Holiday> all = *listed;
  for (auto& s : substitute_holidays(*listed)) all.push_back(std::move(s));
  return merge_same_day(all);
}

}  // namespace sotong::platform::calendar
