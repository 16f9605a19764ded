// The figures of 건의사항 (성과 지표): pure formulas over plain rows, no I/O. Each suggestion is read once
// and counted, for each quarter and for the year, in the province's total, its lead bureau and the 시·군 that
// filed it. docs/modules/suggestions.md ("Figures") defines every figure with a worked example.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "modules/suggestions/suggestion_lifecycle.hpp"
#include "platform/calendar/working_calendar.hpp"

namespace sotong::suggestions {

/// One suggestion as the figures read it: its milestones, where it stands, and what it is grouped by.
struct FigureRow {
  std::int64_t organization_id = 0;  // the organisation that filed it
  std::int64_t bureau = 0;           // the organisation leading it now; 0 before adoption
  std::int64_t municipality = 0;  // the 시·군 that filed it (or that its organisation belongs to); 0: none
  State state = State::received;
  std::optional<State> last_outcome;  // the outcome last decided (해결 … 수용불가), kept once answered
  std::optional<Timestamp> submitted_at, adopted_at, outcome_at, answered_at;
  std::optional<CivilDate> due_date;
  int extensions = 0;                 // how many times its due date was extended
  std::optional<int> satisfaction;    // the standing rating, 1–5
  std::optional<Timestamp> rated_at;  // when the standing rating was given
};

/// A period the figures count over: Korean calendar days `first` to `last`, the instants [from, to).
struct FigurePeriod {
  std::string code;   // "q1" … "q4", "year"
  std::string label;  // "1분기" … "4분기", "연간"
  CivilDate first{};
  CivilDate last{};
  Timestamp from = 0;
  Timestamp to = 0;
};

/// The four quarters, then the year.
inline constexpr std::size_t kPeriodCount = 5;
inline constexpr std::size_t kYearPeriod = 4;
using FigurePeriods = std::array<FigurePeriod, kPeriodCount>;

/// The quarters and the whole of `year`, each from 00:00 of its first day in Korean time.
FigurePeriods periods_of(int year);

/// The figures of one group over one period (definitions in the docs' "Figures" section).
struct Figures {
  std::int64_t received = 0;                 // submitted in the period
  std::int64_t adopted = 0;                  // 의제화 in the period
  std::int64_t resolved = 0;                 // 해결 reached in the period
  std::int64_t partly_resolved = 0;          // 부분해결 reached in the period
  std::int64_t rate_resolved = 0;            // of those adopted in the period, 해결 by its end
  std::optional<double> resolution_rate;     // rate_resolved / adopted, in percent; none without adoptions
  std::int64_t answered = 0;                 // first answered in the period
  std::optional<double> median_answer_days;  // submission → first answer, working days
  std::optional<double> median_resolution_days;  // submission → 해결·부분해결, working days
  std::int64_t overdue = 0;     // in hand past the due date at the period's end (today, while it runs)
  std::int64_t extensions = 0;  // due-date extensions, so far, of the suggestions adopted in the period
  std::int64_t ratings = 0;     // ratings given in the period
  std::int64_t satisfaction_sum = 0;
  std::optional<double> mean_satisfaction;
};

using PeriodFigures = std::array<Figures, kPeriodCount>;

/// Every figure of a year: the total, per lead bureau (0: none yet) and per 시·군 (0: filed outside one). A
/// group appears only when one of its suggestions counts in some figure of the year.
struct YearFigures {
  int year = 0;
  FigurePeriods periods;
  PeriodFigures total;
  std::map<std::int64_t, PeriodFigures> by_bureau;
  std::map<std::int64_t, PeriodFigures> by_municipality;
};

/// Counts the figures of `year` as they stand at `now`, working days by `calendar`, one suggestion at a time:
/// the rows never need to be held together. finish() gives the figures once every row was added.
class FigureCounter {
 public:
  FigureCounter(int year, Timestamp now, const platform::calendar::WorkingCalendar& calendar);
  FigureCounter(const FigureCounter&) = delete;
  FigureCounter& operator=(const FigureCounter&) = delete;
  ~FigureCounter();

  void add(const FigureRow& row);
  YearFigures finish();

 private:
  struct Tallies;
  const platform::calendar::WorkingCalendar& calendar_;
  YearFigures figures_;
  std::unique_ptr<Tallies> tallies_;
};

/// The figures of `year` over `rows`, as they stand at `now` (a FigureCounter over all of them).
YearFigures compute_figures(const std::vector<FigureRow>& rows, int year, Timestamp now,
                            const platform::calendar::WorkingCalendar& calendar);

/// The outcome the suggestion stands at: its state when that is an outcome, the latest outcome decision once
/// answered or closed, none while it is (again) in hand — reopening withdraws an earlier outcome.
std::optional<State> outcome_of(const FigureRow& row);

/// In hand just before instant `at` and past its due date on `day`: adopted before `at`, its outcome not
/// yet reached, and due before `day` (overdue from the day after the due date).
bool overdue_at(const FigureRow& row, Timestamp at, CivilDate day);

/// The middle value, or the mean of the two middle values of an even count; none for no values.
std::optional<double> median(std::vector<int> values);

}  // namespace sotong::suggestions
