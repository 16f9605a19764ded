#include "modules/suggestions/suggestion_figures.hpp"

#include <gtest/gtest.h>

namespace sotong::suggestions {
namespace {

using platform::calendar::HolidayKind;
using platform::calendar::WorkingCalendar;

constexpr std::size_t kQ1 = 0, kQ2 = 1, kQ3 = 2, kQ4 = 3;

// The autumn of 2026: 추석 on Thursday–Saturday 24–26 September, 개천절 on Saturday 3 October with its
// substitute on Monday 5 October, 한글날 on Friday 9 October.
WorkingCalendar figures_calendar() {
  return WorkingCalendar({{{2026, 9, 24}, "추석 전날", HolidayKind::statutory},
                          {{2026, 9, 25}, "추석", HolidayKind::statutory},
                          {{2026, 9, 26}, "추석 다음날", HolidayKind::statutory},
                          {{2026, 10, 3}, "개천절", HolidayKind::statutory},
                          {{2026, 10, 5}, "대체공휴일(개천절)", HolidayKind::substitute},
                          {{2026, 10, 9}, "한글날", HolidayKind::statutory}});
}

/// An instant on a Korean calendar day (10:00 Korean time unless said).
Timestamp at(CivilDate day, int hour = 10, int minute = 0) {
  return seoul_day_start(day) + hour * 3600 + minute * 60;
}

const Timestamp kFiguresNow = at({2026, 11, 20});

YearFigures figures_of(const std::vector<FigureRow>& rows, Timestamp now = kFiguresNow) {
  return compute_figures(rows, 2026, now, figures_calendar());
}

/// A suggestion adopted by `bureau` on `adopted`, still in progress, due on `due`.
FigureRow in_progress(std::int64_t bureau, CivilDate adopted, CivilDate due) {
  FigureRow r;
  r.bureau = bureau;
  r.state = State::in_progress;
  r.submitted_at = at(adopted, 9);
  r.adopted_at = at(adopted);
  r.due_date = due;
  return r;
}

/// A suggestion adopted on `adopted` whose outcome `outcome` was reached on `decided` (and stands now).
FigureRow decided(CivilDate adopted, State outcome, CivilDate decided) {
  FigureRow r;
  r.state = outcome;
  r.submitted_at = at(adopted, 9);
  r.adopted_at = at(adopted);
  r.outcome_at = at(decided);
  return r;
}

}  // namespace

TEST(SuggestionFigures, QuartersAndTheYearStartAtMidnightKoreanTime) {
  const auto p = periods_of(2026);
  // 2026-01-01 00:00 in Korea is 2025-12-31 15:00 UTC.
  EXPECT_EQ(p[kQ1].from, 1767193200);
  EXPECT_EQ(p[kQ1].to, seoul_day_start({2026, 4, 1}));
  EXPECT_EQ(p[kQ3].code, "q3");
  EXPECT_EQ(p[kQ3].label, "3분기");
  EXPECT_EQ(days_from_civil(p[kQ3].first), days_from_civil({2026, 7, 1}));
  EXPECT_EQ(days_from_civil(p[kQ3].last), days_from_civil({2026, 9, 30}));
  EXPECT_EQ(p[kQ4].to, seoul_day_start({2027, 1, 1}));
  EXPECT_EQ(p[kYearPeriod].code, "year");
  EXPECT_EQ(p[kYearPeriod].from, p[kQ1].from);
  EXPECT_EQ(p[kYearPeriod].to, p[kQ4].to);
  EXPECT_EQ(days_from_civil(p[kYearPeriod].last), days_from_civil({2026, 12, 31}));
}

TEST(SuggestionFigures, AQuarterEndsAtKoreanMidnightNotAtUtcMidnight) {
  FigureRow late_march;  // 23:30 on 31 March in Korea
  late_march.submitted_at = at({2026, 3, 31}, 23, 30);
  FigureRow early_april;  // 00:10 on 1 April in Korea, still 31 March in UTC
  early_april.submitted_at = at({2026, 4, 1}, 0, 10);
  ASSERT_EQ(*early_april.submitted_at / 86400, days_from_civil({2026, 3, 31}));
  const auto f = figures_of({late_march, early_april});
  EXPECT_EQ(f.total[kQ1].received, 1);
  EXPECT_EQ(f.total[kQ2].received, 1);
  EXPECT_EQ(f.total[kYearPeriod].received, 2);
}

TEST(SuggestionFigures, EachSuggestionCountsForItsLeadBureauAndTheMunicipalityThatFiledIt) {
  FigureRow a = decided({2026, 7, 8}, State::resolved, {2026, 8, 14});
  a.bureau = 11;
  a.municipality = 101;
  FigureRow b = decided({2026, 7, 9}, State::answered, {2026, 10, 2});
  b.last_outcome = State::partly_resolved;
  b.answered_at = at({2026, 10, 6});
  b.bureau = 12;
  b.municipality = 101;
  FigureRow c;  // received, not yet adopted: no lead bureau
  c.submitted_at = at({2026, 8, 3});
  c.municipality = 102;
  FigureRow d = decided({2026, 2, 2}, State::closed, {2026, 3, 20});
  d.last_outcome = State::resolved;
  d.answered_at = at({2026, 3, 25});
  d.bureau = 11;
  d.municipality = 102;
  const auto f = figures_of({a, b, c, d});

  EXPECT_EQ(f.total[kQ1].received, 1);
  EXPECT_EQ(f.total[kQ1].adopted, 1);
  EXPECT_EQ(f.total[kQ1].resolved, 1);
  EXPECT_EQ(f.total[kQ3].received, 3);
  EXPECT_EQ(f.total[kQ3].adopted, 2);
  EXPECT_EQ(f.total[kQ3].resolved, 1);
  EXPECT_EQ(f.total[kQ4].partly_resolved, 1);
  EXPECT_EQ(f.total[kQ4].answered, 1);

  ASSERT_EQ(f.by_bureau.size(), 3u);  // 11, 12 and none (0)
  EXPECT_EQ(f.by_bureau.at(11)[kYearPeriod].received, 2);
  EXPECT_EQ(f.by_bureau.at(11)[kYearPeriod].resolved, 2);
  EXPECT_EQ(f.by_bureau.at(12)[kYearPeriod].partly_resolved, 1);
  EXPECT_EQ(f.by_bureau.at(12)[kYearPeriod].resolved, 0);
  EXPECT_EQ(f.by_bureau.at(0)[kYearPeriod].received, 1);
  EXPECT_EQ(f.by_bureau.at(0)[kYearPeriod].adopted, 0);
  ASSERT_EQ(f.by_municipality.size(), 2u);
  EXPECT_EQ(f.by_municipality.at(101)[kYearPeriod].received, 2);
  EXPECT_EQ(f.by_municipality.at(101)[kYearPeriod].resolved, 1);
  EXPECT_EQ(f.by_municipality.at(101)[kYearPeriod].partly_resolved, 1);
  EXPECT_EQ(f.by_municipality.at(102)[kYearPeriod].received, 2);
  EXPECT_EQ(f.by_municipality.at(102)[kQ1].resolved, 1);
}

TEST(SuggestionFigures, ResolutionRateIsTheShareOfThoseAdoptedInThePeriodResolvedByItsEnd) {
  const auto a = decided({2026, 7, 2}, State::resolved, {2026, 9, 10});
  const auto b = decided({2026, 7, 3}, State::resolved, {2026, 10, 20});       // resolved after Q3
  const auto c = decided({2026, 8, 3}, State::partly_resolved, {2026, 9, 1});  // partly: not in the rate
  const auto d = in_progress(11, {2026, 9, 1}, {2026, 12, 1});
  const auto e = decided({2026, 6, 1}, State::resolved, {2026, 7, 15});  // adopted in Q2
  const auto f = figures_of({a, b, c, d, e});

  EXPECT_EQ(f.total[kQ3].adopted, 4);
  EXPECT_EQ(f.total[kQ3].rate_resolved, 1);
  EXPECT_DOUBLE_EQ(*f.total[kQ3].resolution_rate, 25.0);
  EXPECT_EQ(f.total[kQ3].resolved, 2);  // a, and e adopted in Q2
  EXPECT_EQ(f.total[kQ3].partly_resolved, 1);
  EXPECT_DOUBLE_EQ(*f.total[kQ2].resolution_rate, 0.0);  // e was not resolved by 30 June
  EXPECT_FALSE(f.total[kQ4].resolution_rate.has_value()) << "nothing adopted in Q4";
  EXPECT_EQ(f.total[kQ4].resolved, 1);
  EXPECT_EQ(f.total[kYearPeriod].adopted, 5);
  EXPECT_EQ(f.total[kYearPeriod].rate_resolved, 3);
  EXPECT_DOUBLE_EQ(*f.total[kYearPeriod].resolution_rate, 60.0);
}

TEST(SuggestionFigures, MedianOfOddAndEvenCountsAndOfNothing) {
  EXPECT_DOUBLE_EQ(*median({3, 1, 2}), 2.0);
  EXPECT_DOUBLE_EQ(*median({4, 1, 3, 2}), 2.5);
  EXPECT_DOUBLE_EQ(*median({5, 9, 1, 5}), 5.0);
  EXPECT_DOUBLE_EQ(*median({7}), 7.0);
  EXPECT_FALSE(median({}).has_value());
}

TEST(SuggestionFigures, WorkingDaysToAnswerAndResolutionSkipChuseokAndTheSubstituteHoliday) {
  // Submitted Monday 21 September, answered Thursday 8 October: 22, 23; 28–30, 1, 2; 6, 7, 8 = 10 working
  // days (24–27 are 추석 and a weekend, 3–5 October 개천절, a Sunday and its substitute). Resolved on the
  // 7th: 9.
  FigureRow across;
  across.state = State::answered;
  across.last_outcome = State::resolved;
  across.submitted_at = at({2026, 9, 21}, 14);
  across.adopted_at = at({2026, 9, 22});
  across.outcome_at = at({2026, 10, 7});
  across.answered_at = at({2026, 10, 8}, 9);
  // Submitted Monday 21 September, partly resolved on the 22nd and answered on the 23rd: 1 and 2.
  FigureRow quick = across;
  quick.last_outcome = State::partly_resolved;
  quick.outcome_at = at({2026, 9, 22});
  quick.answered_at = at({2026, 9, 23});
  // Submitted at 08:00 on Tuesday 6 October in Korea — still the 5th (the substitute holiday) in UTC — and
  // answered that afternoon: 0 working days, because the days are Korean days.
  FigureRow same_day;
  same_day.state = State::answered;
  same_day.submitted_at = at({2026, 10, 6}, 8);
  same_day.answered_at = at({2026, 10, 6}, 17);
  ASSERT_EQ(*same_day.submitted_at / 86400, days_from_civil({2026, 10, 5}));
  const auto f = figures_of({across, quick, same_day});

  EXPECT_EQ(f.total[kQ3].answered, 1);
  EXPECT_DOUBLE_EQ(*f.total[kQ3].median_answer_days, 2.0);
  EXPECT_EQ(f.total[kQ4].answered, 2);
  EXPECT_DOUBLE_EQ(*f.total[kQ4].median_answer_days, 5.0);          // 10 and 0
  EXPECT_DOUBLE_EQ(*f.total[kYearPeriod].median_answer_days, 2.0);  // 0, 2, 10
  EXPECT_DOUBLE_EQ(*f.total[kQ3].median_resolution_days, 1.0);
  EXPECT_DOUBLE_EQ(*f.total[kQ4].median_resolution_days, 9.0);
  EXPECT_DOUBLE_EQ(*f.total[kYearPeriod].median_resolution_days, 5.0);  // 1 and 9
  EXPECT_FALSE(f.total[kQ1].median_answer_days.has_value());
}

TEST(SuggestionFigures, OverdueAtEachQuarterEndAndTodayForTheRunningOne) {
  const auto past_due = in_progress(11, {2026, 7, 1}, {2026, 9, 15});
  const auto due_on_last_day = in_progress(11, {2026, 7, 1}, {2026, 9, 30});  // due on 30 September itself
  auto resolved_late = decided({2026, 7, 1}, State::resolved, {2026, 10, 10});
  resolved_late.due_date = CivilDate{2026, 8, 31};
  // Resolved, then reopened and back with the coordinator: in nobody's hands as a bureau's, never overdue.
  FigureRow reopened = decided({2026, 7, 1}, State::reviewing, {2026, 8, 20});
  reopened.last_outcome = State::resolved;
  reopened.due_date = CivilDate{2026, 8, 31};
  const auto not_yet_due = in_progress(11, {2026, 7, 1}, {2026, 12, 31});
  const auto f = figures_of({past_due, due_on_last_day, resolved_late, reopened, not_yet_due});

  EXPECT_EQ(f.total[kQ1].overdue, 0);
  EXPECT_EQ(f.total[kQ2].overdue, 0);
  EXPECT_EQ(f.total[kQ3].overdue, 2);  // past_due and resolved_late, on 30 September
  EXPECT_EQ(f.total[kQ4].overdue, 2);  // past_due and due_on_last_day, on 20 November
  EXPECT_EQ(f.total[kYearPeriod].overdue, 2);
  EXPECT_FALSE(overdue_at(due_on_last_day, seoul_day_start({2026, 10, 1}), {2026, 9, 30}));
  EXPECT_TRUE(overdue_at(due_on_last_day, seoul_day_start({2026, 10, 2}), {2026, 10, 1}));
  EXPECT_FALSE(overdue_at(reopened, seoul_day_start({2026, 10, 1}), {2026, 9, 30}));

  // On 10 May: the first quarter is judged on 31 March, the second today, the later ones not at all.
  const auto early = in_progress(11, {2026, 2, 2}, {2026, 3, 2});
  const auto may = figures_of({early}, at({2026, 5, 10}));
  EXPECT_EQ(may.total[kQ1].overdue, 1);
  EXPECT_EQ(may.total[kQ2].overdue, 1);
  EXPECT_EQ(may.total[kQ3].overdue, 0);
  EXPECT_EQ(may.total[kQ4].overdue, 0);
  EXPECT_EQ(may.total[kYearPeriod].overdue, 1);
}

TEST(SuggestionFigures, ExtensionsAreThoseSoFarOfTheSuggestionsAdoptedInThePeriod) {
  auto twice = in_progress(11, {2026, 7, 1}, {2026, 11, 30});  // adopted in Q3, extended in Q3 and Q4
  twice.extensions = 2;
  auto once = in_progress(12, {2026, 10, 1}, {2026, 12, 30});  // adopted in Q4
  once.extensions = 1;
  auto earlier = in_progress(12, {2025, 12, 1}, {2026, 12, 30});  // adopted the year before: not this year's
  earlier.extensions = 2;
  const auto f = figures_of({twice, once, earlier});
  EXPECT_EQ(f.total[kQ3].extensions, 2);
  EXPECT_EQ(f.total[kQ4].extensions, 1);
  EXPECT_EQ(f.total[kYearPeriod].extensions, 3);
  EXPECT_EQ(f.by_bureau.at(11)[kYearPeriod].extensions, 2);
  EXPECT_EQ(f.by_bureau.at(12)[kYearPeriod].extensions, 1);
}

TEST(SuggestionFigures, MeanSatisfactionOfTheRatingsGivenInThePeriodWithTheirNumber) {
  auto rated = [](int score, Timestamp when) {
    FigureRow r;
    r.state = State::answered;
    r.satisfaction = score;
    r.rated_at = when;
    return r;
  };
  auto withdrawn = rated(1, at({2026, 10, 15}));  // the appeal cleared it: no rating stands
  withdrawn.satisfaction.reset();
  const auto f = figures_of({rated(5, at({2026, 10, 10})), rated(4, at({2026, 11, 2})),
                             rated(2, at({2026, 9, 29})), withdrawn, rated(3, at({2025, 12, 31}, 23, 59))});
  EXPECT_EQ(f.total[kQ4].ratings, 2);
  EXPECT_DOUBLE_EQ(*f.total[kQ4].mean_satisfaction, 4.5);
  EXPECT_EQ(f.total[kQ3].ratings, 1);
  EXPECT_DOUBLE_EQ(*f.total[kQ3].mean_satisfaction, 2.0);
  EXPECT_EQ(f.total[kYearPeriod].ratings, 3);
  EXPECT_EQ(f.total[kYearPeriod].satisfaction_sum, 11);
  EXPECT_NEAR(*f.total[kYearPeriod].mean_satisfaction, 11.0 / 3, 1e-9);
  EXPECT_FALSE(f.total[kQ1].mean_satisfaction.has_value());
}

TEST(SuggestionFigures, NoRowsGiveZerosAndNoValuesAndAQuietSuggestionMakesNoGroup) {
  const auto empty = figures_of({});
  for (const auto& f : empty.total) {
    EXPECT_EQ(f.received, 0);
    EXPECT_EQ(f.overdue, 0);
    EXPECT_FALSE(f.resolution_rate.has_value());
    EXPECT_FALSE(f.median_answer_days.has_value());
    EXPECT_FALSE(f.median_resolution_days.has_value());
    EXPECT_FALSE(f.mean_satisfaction.has_value());
  }
  EXPECT_TRUE(empty.by_bureau.empty());
  EXPECT_TRUE(empty.by_municipality.empty());

  // Filed, decided and answered in 2025: nothing of it happens in 2026.
  FigureRow last_year = decided({2025, 3, 2}, State::answered, {2025, 5, 1});
  last_year.last_outcome = State::resolved;
  last_year.answered_at = at({2025, 5, 2});
  last_year.bureau = 11;
  last_year.municipality = 101;
  const auto quiet = figures_of({last_year});
  EXPECT_TRUE(quiet.by_bureau.empty());
  EXPECT_TRUE(quiet.by_municipality.empty());
  EXPECT_EQ(quiet.total[kYearPeriod].resolved, 0);
}

TEST(SuggestionFigures, TheOutcomeOfAReplyIsItsLatestDecisionAndReopeningWithdrawsIt) {
  FigureRow r;
  r.state = State::partly_resolved;
  EXPECT_EQ(outcome_of(r), State::partly_resolved);
  r.state = State::answered;
  r.last_outcome = State::resolved;
  EXPECT_EQ(outcome_of(r), State::resolved);
  r.state = State::closed;
  r.last_outcome = State::rejected;
  EXPECT_EQ(outcome_of(r), State::rejected);
  r.state = State::reviewing;  // reopened
  EXPECT_FALSE(outcome_of(r).has_value());
  r.state = State::in_progress;
  r.last_outcome = State::resolved;
  r.outcome_at = at({2026, 8, 1});
  r.adopted_at = at({2026, 7, 1});
  EXPECT_EQ(figures_of({r}).total[kQ3].resolved, 0) << "back in progress: the earlier 해결 no longer counts";
}

// The worked example of docs/modules/suggestions.md ("Figures"), figure by figure.
TEST(SuggestionFigures, TheWorkedExampleOfTheDocs) {
  constexpr std::int64_t kPlanning = 11, kEconomy = 12, kJeonju = 101, kGunsan = 102;
  FigureRow a;  // 전주시: 해결, answered, rated 5
  a.bureau = kPlanning;
  a.municipality = kJeonju;
  a.state = State::answered;
  a.last_outcome = State::resolved;
  a.submitted_at = at({2026, 9, 21});
  a.adopted_at = at({2026, 9, 22});
  a.due_date = CivilDate{2026, 10, 8};
  a.outcome_at = at({2026, 10, 7});
  a.answered_at = at({2026, 10, 8});
  a.satisfaction = 5;
  a.rated_at = at({2026, 10, 12});
  FigureRow b;  // 전주시 (a department of it): extended once, 부분해결, answered, rated 3, closed
  b.bureau = kPlanning;
  b.municipality = kJeonju;
  b.state = State::closed;
  b.last_outcome = State::partly_resolved;
  b.submitted_at = at({2026, 9, 1});
  b.adopted_at = at({2026, 9, 3});
  b.extensions = 1;  // on 9-16, from 9-17 to 10-15
  b.due_date = CivilDate{2026, 10, 15};
  b.outcome_at = at({2026, 10, 20});
  b.answered_at = at({2026, 10, 22});
  b.satisfaction = 3;
  b.rated_at = at({2026, 10, 23});
  FigureRow c = in_progress(kEconomy, {2026, 9, 10}, {2026, 9, 29});  // 군산시: still in progress
  c.municipality = kGunsan;
  c.submitted_at = at({2026, 9, 8});
  FigureRow d;  // 군산시: 수용불가 at triage, answered
  d.municipality = kGunsan;
  d.state = State::answered;
  d.last_outcome = State::rejected;
  d.submitted_at = at({2026, 8, 3});
  d.outcome_at = at({2026, 8, 10});
  d.answered_at = at({2026, 8, 11});
  const auto f = figures_of({a, b, c, d});

  const Figures& q3 = f.total[kQ3];
  EXPECT_EQ(q3.received, 4);
  EXPECT_EQ(q3.adopted, 3);
  EXPECT_EQ(q3.resolved + q3.partly_resolved, 0);
  EXPECT_DOUBLE_EQ(*q3.resolution_rate, 0.0);
  EXPECT_DOUBLE_EQ(*q3.median_answer_days, 6.0);
  EXPECT_FALSE(q3.median_resolution_days.has_value());
  EXPECT_EQ(q3.overdue, 1);
  EXPECT_EQ(q3.extensions, 1);
  EXPECT_EQ(q3.ratings, 0);

  const Figures& q4 = f.total[kQ4];
  EXPECT_EQ(q4.received, 0);
  EXPECT_EQ(q4.resolved, 1);
  EXPECT_EQ(q4.partly_resolved, 1);
  EXPECT_FALSE(q4.resolution_rate.has_value());
  EXPECT_DOUBLE_EQ(*q4.median_answer_days, 21.5);      // 10 and 33
  EXPECT_DOUBLE_EQ(*q4.median_resolution_days, 20.0);  // 9 and 31
  EXPECT_EQ(q4.overdue, 1);
  EXPECT_DOUBLE_EQ(*q4.mean_satisfaction, 4.0);

  const Figures& year = f.total[kYearPeriod];
  EXPECT_EQ(year.received, 4);
  EXPECT_EQ(year.adopted, 3);
  EXPECT_EQ(year.rate_resolved, 1);
  EXPECT_NEAR(*year.resolution_rate, 100.0 / 3, 1e-9);
  EXPECT_DOUBLE_EQ(*year.median_answer_days, 10.0);  // 6, 10, 33
  EXPECT_DOUBLE_EQ(*year.median_resolution_days, 20.0);
  EXPECT_EQ(year.overdue, 1);
  EXPECT_EQ(year.extensions, 1);
  EXPECT_EQ(year.ratings, 2);
  EXPECT_DOUBLE_EQ(*year.mean_satisfaction, 4.0);

  const Figures& planning = f.by_bureau.at(kPlanning)[kYearPeriod];
  EXPECT_EQ(planning.received, 2);
  EXPECT_DOUBLE_EQ(*planning.resolution_rate, 50.0);
  EXPECT_DOUBLE_EQ(*planning.median_answer_days, 21.5);
  const Figures& economy = f.by_bureau.at(kEconomy)[kYearPeriod];
  EXPECT_DOUBLE_EQ(*economy.resolution_rate, 0.0);
  EXPECT_EQ(economy.overdue, 1);
  const Figures& none = f.by_bureau.at(0)[kYearPeriod];
  EXPECT_EQ(none.received, 1);
  EXPECT_DOUBLE_EQ(*none.median_answer_days, 6.0);
  const Figures& gunsan = f.by_municipality.at(kGunsan)[kYearPeriod];
  EXPECT_EQ(gunsan.received, 2);
  EXPECT_EQ(gunsan.adopted, 1);
  EXPECT_EQ(gunsan.overdue, 1);
  EXPECT_EQ(f.by_municipality.at(kJeonju)[kYearPeriod].ratings, 2);
}

}  // namespace sotong::suggestions
