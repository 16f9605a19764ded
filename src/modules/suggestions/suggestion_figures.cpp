#include "modules/suggestions/suggestion_figures.hpp"

#include <algorithm>
#include <limits>

namespace sotong::suggestions {
namespace {

/// A group's running figures over one period: the medians need every value, not a running sum.
struct Tally {
  Figures figures;
  std::vector<int> answer_days;
  std::vector<int> resolution_days;
};
using GroupTally = std::array<Tally, kPeriodCount>;

/// Later than any period: the time of what has not happened.
constexpr Timestamp kNever = std::numeric_limits<Timestamp>::max();
constexpr int kOutside = -1;

/// When a period's overdue count is taken: the instant it ends (now, while it runs) and that day; a period
/// not begun has none.
struct Judgement {
  bool begun = false;
  Timestamp at = 0;
  CivilDate day{};
};

/// What one suggestion adds to the year: the quarter (0–3, kOutside) each of its milestones falls in, the day
/// counts of the medians, and the periods it was overdue at the end of.
struct Contribution {
  int received = kOutside, adopted = kOutside, resolved = kOutside, partly_resolved = kOutside;
  int answered = kOutside, rated = kOutside;
  bool resolved_by_quarter_end = false, resolved_by_year_end = false;
  int answer_days = 0, resolution_days = 0, satisfaction = 0;
  int extensions = 0;
  std::array<bool, kPeriodCount> overdue{};
  bool any = false;
};

int quarter_of(const FigurePeriods& p, Timestamp t) {
  for (int q = 0; q < 4; ++q)
    if (t >= p[q].from && t < p[q].to) return q;
  return kOutside;
}

int quarter_of(const FigurePeriods& p, const std::optional<Timestamp>& t) {
  return t ? quarter_of(p, *t) : kOutside;
}

int working_days(const platform::calendar::WorkingCalendar& calendar, Timestamp from, Timestamp to) {
  // Korean calendar days: a suggestion answered on the day it came is answered in 0 working days.
  return std::max(0, calendar.working_days_between(seoul_date(from), seoul_date(to)));
}

Contribution contribution(const FigureRow& r, const FigurePeriods& p,
                          const std::array<Judgement, kPeriodCount>& judgements,
                          const platform::calendar::WorkingCalendar& calendar) {
  Contribution c;
  const auto outcome = outcome_of(r);
  // An outcome withdrawn by reopening keeps its old time in the record: it counts nowhere.
  const Timestamp outcome_at = outcome && r.outcome_at ? *r.outcome_at : kNever;
  c.received = quarter_of(p, r.submitted_at);
  c.adopted = quarter_of(p, r.adopted_at);
  c.extensions = r.extensions;
  if (c.adopted != kOutside && outcome == State::resolved) {
    // "By the period's end": every outcome is in the past, so for the running period this means by now.
    c.resolved_by_quarter_end = outcome_at < p[c.adopted].to;
    c.resolved_by_year_end = outcome_at < p[kYearPeriod].to;
  }
  if (outcome == State::resolved || outcome == State::partly_resolved) {
    const int q = quarter_of(p, outcome_at);
    (outcome == State::resolved ? c.resolved : c.partly_resolved) = q;
    if (q != kOutside && r.submitted_at)
      c.resolution_days = working_days(calendar, *r.submitted_at, outcome_at);
  }
  c.answered = quarter_of(p, r.answered_at);
  if (c.answered != kOutside && r.submitted_at)
    c.answer_days = working_days(calendar, *r.submitted_at, *r.answered_at);
  if (r.satisfaction) {
    c.rated = quarter_of(p, r.rated_at);
    c.satisfaction = *r.satisfaction;
  }
  bool overdue = false;
  for (std::size_t i = 0; i < kPeriodCount; ++i) {
    c.overdue[i] = judgements[i].begun && overdue_at(r, judgements[i].at, judgements[i].day);
    overdue = overdue || c.overdue[i];
  }
  c.any = c.received != kOutside || c.adopted != kOutside || c.resolved != kOutside ||
          c.partly_resolved != kOutside || c.answered != kOutside || c.rated != kOutside || overdue;
  return c;
}

/// Adds `by` to a field of quarter `q` and of the year (nothing for kOutside).
void bump(GroupTally& g, int q, std::int64_t Figures::*field, std::int64_t by = 1) {
  if (q == kOutside) return;
  g[static_cast<std::size_t>(q)].figures.*field += by;
  g[kYearPeriod].figures.*field += by;
}

void add_to(GroupTally& g, const Contribution& c) {
  bump(g, c.received, &Figures::received);
  bump(g, c.adopted, &Figures::adopted);
  bump(g, c.resolved, &Figures::resolved);
  bump(g, c.partly_resolved, &Figures::partly_resolved);
  if (c.adopted != kOutside) {
    if (c.resolved_by_quarter_end) ++g[static_cast<std::size_t>(c.adopted)].figures.rate_resolved;
    if (c.resolved_by_year_end) ++g[kYearPeriod].figures.rate_resolved;
  }
  bump(g, c.answered, &Figures::answered);
  if (c.answered != kOutside) {
    g[static_cast<std::size_t>(c.answered)].answer_days.push_back(c.answer_days);
    g[kYearPeriod].answer_days.push_back(c.answer_days);
  }
  if (const int q = c.resolved != kOutside ? c.resolved : c.partly_resolved; q != kOutside) {
    g[static_cast<std::size_t>(q)].resolution_days.push_back(c.resolution_days);
    g[kYearPeriod].resolution_days.push_back(c.resolution_days);
  }
  bump(g, c.rated, &Figures::ratings);
  bump(g, c.rated, &Figures::satisfaction_sum, c.satisfaction);
  bump(g, c.adopted, &Figures::extensions, c.extensions);
  for (std::size_t i = 0; i < kPeriodCount; ++i)
    if (c.overdue[i]) ++g[i].figures.overdue;
}

PeriodFigures finish_tally(GroupTally& tally) {
  PeriodFigures out;
  for (std::size_t i = 0; i < kPeriodCount; ++i) {
    Figures f = tally[i].figures;
    if (f.adopted > 0) f.resolution_rate = 100.0 * static_cast<double>(f.rate_resolved) / f.adopted;
    if (f.ratings > 0) f.mean_satisfaction = static_cast<double>(f.satisfaction_sum) / f.ratings;
    f.median_answer_days = median(std::move(tally[i].answer_days));
    f.median_resolution_days = median(std::move(tally[i].resolution_days));
    out[i] = f;
  }
  return out;
}

}  // namespace

FigurePeriods periods_of(int year) {
  FigurePeriods out;
  for (int q = 0; q < 4; ++q) {
    const CivilDate first{year, 3 * q + 1, 1};
    const CivilDate next = q == 3 ? CivilDate{year + 1, 1, 1} : CivilDate{year, 3 * q + 4, 1};
    out[q] = {"q" + std::to_string(q + 1),
              std::to_string(q + 1) + "분기",
              first,
              civil_from_days(days_from_civil(next) - 1),
              seoul_day_start(first),
              seoul_day_start(next)};
  }
  out[kYearPeriod] = {"year", "연간", out[0].first, out[3].last, out[0].from, out[3].to};
  return out;
}

std::optional<State> outcome_of(const FigureRow& row) {
  if (is_outcome(row.state)) return row.state;
  if (row.state == State::answered || row.state == State::closed) return row.last_outcome;
  return std::nullopt;
}

bool overdue_at(const FigureRow& row, Timestamp at, CivilDate day) {
  if (!row.due_date || !row.adopted_at || *row.adopted_at >= at) return false;
  const auto outcome = outcome_of(row);
  const bool in_hand = outcome ? (row.outcome_at && *row.outcome_at >= at)
                               : (row.state == State::adopted || row.state == State::in_progress);
  return in_hand && days_from_civil(*row.due_date) < days_from_civil(day);
}

std::optional<double> median(std::vector<int> values) {
  if (values.empty()) return std::nullopt;
  const std::size_t mid = values.size() / 2;
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(mid), values.end());
  const double upper = values[mid];
  if (values.size() % 2 == 1) return upper;
  const double lower = *std::max_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(mid));
  return (lower + upper) / 2;
}

struct FigureCounter::Tallies {
  std::array<Judgement, kPeriodCount> judgements;
  GroupTally total;
  std::map<std::int64_t, GroupTally> bureaus, municipalities;
};

FigureCounter::FigureCounter(int year, Timestamp now, const platform::calendar::WorkingCalendar& calendar)
    : calendar_(calendar), tallies_(std::make_unique<Tallies>()) {
  figures_.year = year;
  figures_.periods = periods_of(year);
  for (std::size_t i = 0; i < kPeriodCount; ++i) {
    // A finished period is judged on its last day, the running one today.
    const auto& p = figures_.periods[i];
    const bool finished = p.to <= now;
    tallies_->judgements[i] = {p.from <= now, finished ? p.to : now, finished ? p.last : seoul_date(now)};
  }
}

FigureCounter::~FigureCounter() = default;

void FigureCounter::add(const FigureRow& row) {
  const Contribution c = contribution(row, figures_.periods, tallies_->judgements, calendar_);
  // A suggestion that counts nowhere this year makes no row appear for its groups.
  if (!c.any) return;
  add_to(tallies_->total, c);
  add_to(tallies_->bureaus[row.bureau], c);
  add_to(tallies_->municipalities[row.municipality], c);
}

YearFigures FigureCounter::finish() {
  YearFigures out = figures_;
  out.total = finish_tally(tallies_->total);
  for (auto& [id, tally] : tallies_->bureaus) out.by_bureau[id] = finish_tally(tally);
  for (auto& [id, tally] : tallies_->municipalities) out.by_municipality[id] = finish_tally(tally);
  return out;
}

YearFigures compute_figures(const std::vector<FigureRow>& rows, int year, Timestamp now,
                            const platform::calendar::WorkingCalendar& calendar) {
  FigureCounter counter(year, now, calendar);
  for (const auto& row : rows) counter.add(row);
  return counter.finish();
}

}  // namespace sotong::suggestions
