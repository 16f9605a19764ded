#include "platform/calendar/working_calendar.hpp"

#include <algorithm>
#include <string>
#include <utility>

namespace sotong::platform::calendar {
namespace {

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

constexpr std::int64_t kMonday = 4;  // 1970-01-05, day 4, was a Monday

/// Monday–Friday days in [kMonday, x] (negative and periodic below kMonday), so that the count of
/// weekdays in (a, b] is weekdays_upto(b) - weekdays_upto(a).
std::int64_t weekdays_upto(std::int64_t x) {
  const std::int64_t n = x - kMonday + 1;
  const std::int64_t weeks = floor_div(n, 7);
  return weeks * 5 + std::min<std::int64_t>(n - weeks * 7, 5);
}

bool weekend_day(std::int64_t day) {
  const std::int64_t w = day - floor_div(day - kMonday, 7) * 7 - kMonday;  // 0 = Monday … 6 = Sunday
  return w >= 5;
}

/// The k-th Monday–Friday day after `day` (k >= 1), or before it (k <= -1).
std::int64_t nth_weekday(std::int64_t day, std::int64_t k) {
  const std::int64_t step = k > 0 ? 1 : -1;
  std::int64_t left = k > 0 ? k : -k;
  day += step * 7 * ((left - 1) / 5);  // whole weeks hold five weekdays each
  left -= 5 * ((left - 1) / 5);
  while (left > 0) {
    day += step;
    if (!weekend_day(day)) --left;
  }
  return day;
}

int kind_rank(HolidayKind k) {
  switch (k) {
    case HolidayKind::statutory:
      return 0;
    case HolidayKind::election:
      return 1;
    case HolidayKind::temporary:
      return 2;
    case HolidayKind::substitute:
      return 3;
  }
  return 3;
}
}  // namespace

std::vector<Holiday> merge_same_day(const std::vector<Holiday>& holidays) {
  struct Merged {
    Holiday holiday;
    std::vector<std::string> names;
  };
  std::map<std::int64_t, Merged> merged;
  for (const auto& h : holidays) {
    auto [it, inserted] = merged.try_emplace(day_number(h.date), Merged{h, {}});
    Merged& m = it->second;
    if (std::find(m.names.begin(), m.names.end(), h.name) == m.names.end()) m.names.push_back(h.name);
    if (!inserted && kind_rank(h.kind) < kind_rank(m.holiday.kind)) m.holiday.kind = h.kind;
  }
  std::vector<Holiday> out;
  out.reserve(merged.size());
  for (auto& [day, m] : merged) {
    m.holiday.name.clear();
    for (const auto& name : m.names) m.holiday.name += (m.holiday.name.empty() ? "" : "·") + name;
    out.push_back(std::move(m.holiday));
  }
  return out;
}

WorkingCalendar::WorkingCalendar() : days_(std::make_shared<const Days>()) {}

WorkingCalendar::WorkingCalendar(std::vector<Holiday> holidays) {
  auto days = std::make_shared<Days>();
  for (auto& h : merge_same_day(holidays)) {
    if (h.kind == HolidayKind::statutory) days->statutory_years.insert(h.date.year);
    days->by_day.emplace(day_number(h.date), std::move(h));
  }
  days_ = std::move(days);
}

bool WorkingCalendar::covers(int first, int last) const {
  if (last < first) std::swap(first, last);
  for (int y = first; y <= last; ++y) {
    if (!days_->statutory_years.count(y)) return false;
  }
  return true;
}

bool WorkingCalendar::is_working_day(CivilDate date) const {
  return !is_weekend(date) && !days_->by_day.count(day_number(date));
}

std::optional<Holiday> WorkingCalendar::holiday_on(CivilDate date) const {
  auto it = days_->by_day.find(day_number(date));
  if (it == days_->by_day.end()) return std::nullopt;
  return it->second;
}

std::int64_t WorkingCalendar::weekday_holidays(std::int64_t from, std::int64_t to) const {
  std::int64_t count = 0;
  for (auto it = days_->by_day.upper_bound(from); it != days_->by_day.end() && it->first <= to; ++it) {
    if (!weekend_day(it->first)) ++count;
  }
  return count;
}

CivilDate WorkingCalendar::add_working_days(CivilDate start, int n) const {
  std::int64_t current = day_number(start);
  std::int64_t remaining = n;
  // Jump over `remaining` weekdays, then make up for the holidays jumped over, until none are left.
  while (remaining != 0) {
    const std::int64_t next = nth_weekday(current, remaining);
    const std::int64_t skipped =
        remaining > 0 ? weekday_holidays(current, next) : weekday_holidays(next - 1, current - 1);
    current = next;
    remaining = remaining > 0 ? skipped : -skipped;
  }
  return civil_from_days(current);
}

int WorkingCalendar::working_days_between(CivilDate from, CivilDate to) const {
  const std::int64_t a = day_number(from);
  const std::int64_t b = day_number(to);
  if (b < a) return -working_days_between(to, from);
  return static_cast<int>(weekdays_upto(b) - weekdays_upto(a) - weekday_holidays(a, b));
}

std::vector<Holiday> WorkingCalendar::holidays_between(CivilDate first, CivilDate last) const {
  std::vector<Holiday> out;
  for (auto it = days_->by_day.lower_bound(day_number(first));
       it != days_->by_day.end() && it->first <= day_number(last); ++it) {
    out.push_back(it->second);
  }
  return out;
}

std::optional<int> WorkingCalendar::first_year() const {
  if (days_->by_day.empty()) return std::nullopt;
  return days_->by_day.begin()->second.date.year;
}

std::optional<int> WorkingCalendar::last_year() const {
  if (days_->by_day.empty()) return std::nullopt;
  return days_->by_day.rbegin()->second.date.year;
}

}  // namespace sotong::platform::calendar
