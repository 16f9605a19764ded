// The working-day calendar (근무일): weekends and holidays are not working days; adds and counts working
// days.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <vector>

#include "platform/calendar/holiday.hpp"

namespace sotong::platform::calendar {

/// A pure, immutable calendar built from a set of holidays. Saturdays, Sundays and the holidays are not
/// working days; every other day is. Dates outside the years the holidays cover count weekends only.
class WorkingCalendar {
 public:
  WorkingCalendar();
  /// Builds the calendar; holidays falling on the same date are merged into one ("어린이날·부처님오신날").
  explicit WorkingCalendar(std::vector<Holiday> holidays);

  /// False on Saturdays, Sundays and holidays.
  bool is_working_day(CivilDate date) const;
  /// The holiday on this date, if any (a holiday may fall on a weekend).
  std::optional<Holiday> holiday_on(CivilDate date) const;

  /// The n-th working day after `start`, not counting `start` itself (민법 제157조: 초일 불산입):
  /// "10 working days from receipt on Monday 2026-09-21" is add_working_days(2026-09-21, 10).
  /// n = 0 returns `start` unchanged, even on a holiday. For n > 0 the result is always a working day and
  /// working_days_between(start, result) == n. A negative n counts backwards: the |n|-th working day before
  /// `start` (a reminder three working days before a deadline is add_working_days(deadline, -3)).
  /// Costs O(log h + holidays passed), not O(n).
  CivilDate add_working_days(CivilDate start, int n) const;

  /// The number of working days in the half-open range (from, to]: `from` is not counted, `to` is.
  /// Equal dates give 0; when `to` is before `from` the result is minus the count over (to, from].
  int working_days_between(CivilDate from, CivilDate to) const;

  /// Every holiday in the inclusive range, in date order.
  std::vector<Holiday> holidays_between(CivilDate first, CivilDate last) const;
  /// True when every year from `first` to `last` (either order) has statutory holidays in the calendar, i.e.
  /// its holidays are known; a year without any only knows its weekends.
  bool covers(int first, int last) const;
  /// The first and last year holding any holiday (nullopt for an empty calendar): beyond them only
  /// weekends are known.
  std::optional<int> first_year() const;
  std::optional<int> last_year() const;

 private:
  /// Holidays on Monday–Friday in (from, to], from <= to.
  std::int64_t weekday_holidays(std::int64_t from, std::int64_t to) const;

  // Shared and never changed once built: a copy of the calendar (one per request, from the cache kept by
  // calendar::load) costs a reference count, not the ~300 holidays.
  struct Days {
    std::map<std::int64_t, Holiday> by_day;
    std::set<int> statutory_years;
  };
  std::shared_ptr<const Days> days_;
};

/// Merges holidays that fall on the same date into one, names joined by "·" in the order given; the kind
/// kept is the first in the order statutory, election, temporary, substitute. Output is in date order.
std::vector<Holiday> merge_same_day(const std::vector<Holiday>& holidays);

}  // namespace sotong::platform::calendar
