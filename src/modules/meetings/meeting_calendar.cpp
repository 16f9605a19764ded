#include "modules/meetings/meeting_calendar.hpp"

#include <charconv>
#include <string_view>

#include "platform/calendar/holiday.hpp"
#include "platform/web/params.hpp"

namespace sotong::meetings {
namespace {

constexpr const char* kRefused = "달력을 보여 드릴 수 없는 조건입니다.";

std::optional<int> number(std::string_view text) {
  int value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

/// "2026-10" → the first of October 2026.
std::optional<CivilDate> parse_month(std::string_view text) {
  if (text.size() != 7 || text[4] != '-') return std::nullopt;
  const auto year = number(text.substr(0, 4));
  const auto month = number(text.substr(5, 2));
  if (!year || !month || *year < 2000 || *year > 2100 || *month < 1 || *month > 12) return std::nullopt;
  return CivilDate{*year, *month, 1};
}

std::string two(int v) {
  return (v < 10 ? "0" : "") + std::to_string(v);
}

CivilDate add_months(CivilDate d, int months) {
  const int index = d.year * 12 + (d.month - 1) + months;
  return {index / 12, index % 12 + 1, 1};
}

}  // namespace

Result<CalendarQuery> parse_calendar_query(const http::Form& query, CivilDate today) {
  CalendarQuery q;
  std::vector<FieldError> errors;
  const std::string view = query.get("view");
  if (!view.empty()) {
    if (const auto v = from_code<CalendarView>(kCalendarViews, view))
      q.view = *v;
    else
      errors.push_back({"view", "보기는 월(month), 주(week), 목록(list) 가운데에서 골라 주십시오."});
  }
  q.anchor = {today.year, today.month, q.view == CalendarView::week ? today.day : 1};
  if (const std::string month = query.get("month"); !month.empty()) {
    if (const auto first = parse_month(month))
      q.anchor = *first;
    else
      errors.push_back({"month", "달은 2026-10처럼 입력해 주십시오."});
  }
  if (const std::string date = query.get("date"); !date.empty()) {
    const auto day = parse_date(date);
    if (day && day->year >= 2000 && day->year <= 2100)
      q.anchor = q.view == CalendarView::week ? *day : CivilDate{day->year, day->month, 1};
    else
      errors.push_back({"date", "날짜는 2026-10-08처럼 입력해 주십시오."});
  }
  if (const std::string body = query.get("body"); !body.empty()) {
    q.body = platform::parse_id(body);
    if (!q.body) errors.push_back({"body", "회의체를 목록에서 골라 주십시오."});
  }
  if (const std::string org = query.get("organization"); !org.empty()) {
    q.organization = platform::parse_id(org);
    if (!q.organization) errors.push_back({"organization", "기관을 목록에서 골라 주십시오."});
  }
  if (!errors.empty()) return Error::invalid(kRefused, errors);
  return q;
}

std::pair<CivilDate, CivilDate> calendar_range(const CalendarQuery& q) {
  if (q.view == CalendarView::week) {
    const auto first = days_from_civil(q.anchor) - weekday(q.anchor);
    return {civil_from_days(first), civil_from_days(first + 6)};
  }
  const CivilDate first{q.anchor.year, q.anchor.month, 1};
  return {first, civil_from_days(days_from_civil(add_months(first, 1)) - 1)};
}

CalendarQuery calendar_step(const CalendarQuery& q, int direction) {
  CalendarQuery out = q;
  if (q.view == CalendarView::week)
    out.anchor = civil_from_days(days_from_civil(q.anchor) + 7 * direction);
  else
    out.anchor = add_months(q.anchor, direction);
  return out;
}

std::string calendar_query_string(const CalendarQuery& q) {
  std::string out = "view=" + std::string(code_of<CalendarView>(kCalendarViews, q.view));
  if (q.view == CalendarView::week)
    out += "&date=" + platform::calendar::format_date(q.anchor);
  else
    out += "&month=" + std::to_string(q.anchor.year) + "-" + two(q.anchor.month);
  if (q.body) out += "&body=" + std::to_string(*q.body);
  if (q.organization) out += "&organization=" + std::to_string(*q.organization);
  return out;
}

}  // namespace sotong::meetings
