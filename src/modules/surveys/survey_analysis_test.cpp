#include "modules/surveys/survey_analysis.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <random>
#include <stdexcept>
#include <vector>

namespace sotong::surveys {
namespace {

using Row = std::vector<std::uint8_t>;

AnswerColumns columns_of(std::vector<int> question_domain, int domain_count,
                         const std::vector<std::pair<std::int64_t, Row>>& rows) {
  auto columns = AnswerColumns::for_questions(std::move(question_domain), domain_count);
  for (const auto& [subject, answers] : rows) columns.add(subject, answers);
  return columns;
}

// The worked example of docs/modules/index-method.md: bureaus 가 (id 1) and 나 (id 2), domains 예산 (0: Q1,
// Q2) and 사업 (1: Q3, Q4), six responses each.
constexpr std::int64_t kGa = 1;
constexpr std::int64_t kNa = 2;

AnswerColumns worked_example() {
  return columns_of({0, 0, 1, 1}, 2,
                    {{kGa, {4, 5, 4, 4}},
                     {kGa, {3, 4, 5, 5}},
                     {kGa, {5, 5, 0, 4}},
                     {kGa, {2, 3, 3, 2}},
                     {kGa, {4, 0, 4, 5}},
                     {kGa, {0, 0, 3, 3}},
                     {kNa, {3, 3, 2, 3}},
                     {kNa, {4, 3, 3, 3}},
                     {kNa, {2, 2, 1, 2}},
                     {kNa, {5, 4, 4, 0}},
                     {kNa, {3, 4, 0, 0}},
                     {kNa, {4, 4, 0, 0}}});
}

/// One group's row of the doc's tables: the exact fractions, and the rounded figures as printed.
struct Printed {
  const char* name;
  std::int64_t responses;
  std::int64_t n;
  std::int64_t sum;       // Σv
  std::int64_t positive;  // count of 4 and 5
  double mean;            // printed to 4 decimals
  double positive_ratio;  // printed to 4 decimals
  double score;           // printed to 4 decimals
  double s;               // printed to 4 decimals
  double half_width;      // 1.96 · s / √n, printed to 4 decimals
  double ci_low;          // printed to 4 decimals
  double ci_high;         // printed to 4 decimals
};

/// Half a unit of the fourth decimal: the printed figure is the true one rounded.
constexpr double kPrinted = 0.5e-4 + 1e-12;

void expect_printed(const Stat& stat, const Printed& want) {
  SCOPED_TRACE(want.name);
  EXPECT_EQ(stat.responses, want.responses);
  EXPECT_EQ(stat.n, want.n);
  // The exact fractions: Σv / n and count(4, 5) / n.
  EXPECT_NEAR(stat.mean, double(want.sum) / double(want.n), 1e-12);
  EXPECT_NEAR(stat.positive_ratio, double(want.positive) / double(want.n), 1e-12);
  EXPECT_NEAR(stat.score, (double(want.sum) / double(want.n) - 1) / 4 * 100, 1e-12);
  EXPECT_NEAR(stat.mean, want.mean, kPrinted);
  EXPECT_NEAR(stat.positive_ratio, want.positive_ratio, kPrinted);
  EXPECT_NEAR(stat.score, want.score, kPrinted);
  EXPECT_NEAR(stat.ci_low, want.ci_low, kPrinted);
  EXPECT_NEAR(stat.ci_high, want.ci_high, kPrinted);
  // s and the half-width back from the interval (none of the example's intervals is clamped).
  const double half_width = (stat.ci_high - stat.ci_low) / 2 / 100 * 4;
  EXPECT_NEAR(half_width, want.half_width, kPrinted);
  EXPECT_NEAR(half_width / 1.96 * std::sqrt(double(stat.n)), want.s, kPrinted);
}

TEST(SurveyAnalysis, ReproducesTheWorkedExampleOfTheDoc) {
  const IndexFigures figures = compute_index(worked_example());
  ASSERT_EQ(figures.subjects, (std::vector<std::int64_t>{kGa, kNa}));
  ASSERT_EQ(figures.by_subject.size(), 2U);
  ASSERT_EQ(figures.overall.size(), 3U);
  const auto& ga = figures.by_subject[0];
  const auto& na = figures.by_subject[1];
  // name, responses, n, Σv, count(4,5), mean, positive ratio, score, s, 1.96·s/√n, CI low, CI high
  expect_printed(ga[0], {"가 예산", 5, 9, 35, 6, 3.8889, 0.6667, 72.2222, 1.0541, 0.6887, 55.0054, 89.4391});
  expect_printed(ga[1], {"가 사업", 6, 11, 42, 7, 3.8182, 0.6364, 70.4545, 0.9816, 0.5801, 55.9516, 84.9575});
  expect_printed(ga[2],
                 {"가 전체", 6, 20, 77, 13, 3.8500, 0.6500, 71.2500, 0.9881, 0.4330, 60.4238, 82.0762});
  expect_printed(na[0], {"나 예산", 6, 12, 41, 6, 3.4167, 0.5000, 60.4167, 0.9003, 0.5094, 47.6813, 73.1520});
  expect_printed(na[1], {"나 사업", 4, 7, 18, 1, 2.5714, 0.1429, 39.2857, 0.9759, 0.7230, 21.2118, 57.3596});
  expect_printed(na[2], {"나 전체", 6, 19, 59, 7, 3.1053, 0.3684, 52.6316, 0.9941, 0.4470, 41.4561, 63.8070});
  expect_printed(figures.overall[0],
                 {"예산 전체", 11, 21, 76, 12, 3.6190, 0.5714, 65.4762, 0.9735, 0.4164, 55.0673, 75.8851});
  expect_printed(figures.overall[1],
                 {"사업 전체", 10, 18, 60, 8, 3.3333, 0.4444, 58.3333, 1.1376, 0.5255, 45.1948, 71.4719});
  expect_printed(figures.overall[2],
                 {"전체", 12, 39, 136, 20, 3.4872, 0.5128, 62.1795, 1.0481, 0.3289, 53.9558, 70.4032});
  // 나's 사업 has four responses: no figure of it is shown.
  EXPECT_TRUE(ga[0].shown());
  EXPECT_FALSE(na[1].shown());

  ASSERT_EQ(figures.alpha.size(), 2U);
  EXPECT_EQ(figures.alpha[0].domain, 0);
  EXPECT_EQ(figures.alpha[0].n, 10);
  ASSERT_TRUE(figures.alpha[0].alpha);
  EXPECT_NEAR(*figures.alpha[0].alpha, 65.0 / 79.0, 1e-12);
  EXPECT_NEAR(*figures.alpha[0].alpha, 0.8228, kPrinted);
  EXPECT_EQ(figures.alpha[1].domain, 1);
  EXPECT_EQ(figures.alpha[1].n, 8);
  ASSERT_TRUE(figures.alpha[1].alpha);
  EXPECT_NEAR(*figures.alpha[1].alpha, 69.0 / 76.0, 1e-12);
  EXPECT_NEAR(*figures.alpha[1].alpha, 0.9079, kPrinted);
}

TEST(SurveyAnalysis, TheScoreMapsTheFivePointScaleOntoZeroToHundred) {
  EXPECT_DOUBLE_EQ(score_of_mean(1), 0);
  EXPECT_DOUBLE_EQ(score_of_mean(3), 50);
  EXPECT_DOUBLE_EQ(score_of_mean(5), 100);
  EXPECT_DOUBLE_EQ(score_of_mean(3.5), 62.5);
}

TEST(SurveyAnalysis, DontKnowAndNotAskedAreNoAnswers) {
  // Subject 7 only ever says 모름 or was not asked (or holds a byte that is no answer at all).
  const auto columns = columns_of({0, 0, 0}, 1,
                                  {{7, {0, 0, 0}},
                                   {7, {kNotAsked, kDontKnow, 9}},
                                   {8, {5, 0, kNotAsked}},
                                   {8, {1, kNotAsked, 0}},
                                   {8, {0, 6, 200}}});
  const IndexFigures figures = compute_index(columns);
  const Stat& nothing = figures.by_subject[0][0];
  EXPECT_EQ(nothing.responses, 0);
  EXPECT_EQ(nothing.n, 0);
  EXPECT_EQ(nothing.mean, 0);
  EXPECT_EQ(nothing.score, 0);
  EXPECT_EQ(nothing.ci_low, 0);
  EXPECT_EQ(nothing.ci_high, 0);
  EXPECT_EQ(figures.by_subject[0][1].responses, 0);
  const Stat& some = figures.by_subject[1][0];
  EXPECT_EQ(some.responses, 2);  // the third response has no valid answer
  EXPECT_EQ(some.n, 2);
  EXPECT_DOUBLE_EQ(some.mean, 3);
  EXPECT_DOUBLE_EQ(some.positive_ratio, 0.5);
  EXPECT_EQ(figures.overall[1].n, 2);
  EXPECT_EQ(figures.overall[1].responses, 2);
}

TEST(SurveyAnalysis, ShortAnswersAreNotAskedAndSubjectsKeepTheirFirstAppearance) {
  auto columns = AnswerColumns::for_questions({0, 1, 1}, 2);
  columns.add(30, Row{4});
  columns.add(10, Row{2, 3, 4});
  columns.add(30, Row{});
  ASSERT_EQ(columns.size(), 3U);
  EXPECT_EQ(columns.subjects, (std::vector<std::int64_t>{30, 10}));
  EXPECT_EQ(columns.subject, (std::vector<std::uint32_t>{0, 1, 0}));
  EXPECT_EQ(columns.questions[1], (Row{kNotAsked, 3, kNotAsked}));
  EXPECT_EQ(columns.questions[2], (Row{kNotAsked, 4, kNotAsked}));
  const IndexFigures figures = compute_index(columns);
  EXPECT_EQ(figures.subjects, columns.subjects);
  EXPECT_EQ(figures.by_subject[0][2].responses, 1);
  EXPECT_EQ(figures.by_subject[0][1].responses, 0);
}

TEST(SurveyAnalysis, ResponsesCountRespondentsAndFewerThanFiveAreNotShown) {
  auto columns = AnswerColumns::for_questions({0, 0}, 1);
  for (int i = 0; i < 4; ++i) columns.add(1, Row{4, 5});
  columns.add(1, Row{0, 0});  // 모름 twice: no response to count
  Stat stat = compute_index(columns).by_subject[0][0];
  EXPECT_EQ(stat.responses, 4);
  EXPECT_EQ(stat.n, 8);
  EXPECT_FALSE(stat.shown());
  columns.add(1, Row{0, 3});  // one valid answer makes it a response
  stat = compute_index(columns).by_subject[0][0];
  EXPECT_EQ(stat.responses, 5);
  EXPECT_EQ(stat.n, 9);
  EXPECT_TRUE(stat.shown());
  EXPECT_EQ(kMinimumGroup, 5);
}

TEST(SurveyAnalysis, TheSubjectTotalPoolsTheAnswersOfAllDomains) {
  // Domain 0: one answer 5; domain 1: three answers 1. Pooled mean 2, not the mean of means 3.
  const auto columns = columns_of({0, 1, 1, 1}, 2, {{1, {5, 1, 1, 1}}});
  const IndexFigures figures = compute_index(columns);
  EXPECT_DOUBLE_EQ(figures.by_subject[0][0].mean, 5);
  EXPECT_DOUBLE_EQ(figures.by_subject[0][1].mean, 1);
  EXPECT_EQ(figures.by_subject[0][2].n, 4);
  EXPECT_EQ(figures.by_subject[0][2].responses, 1);
  EXPECT_DOUBLE_EQ(figures.by_subject[0][2].mean, 2);
  EXPECT_DOUBLE_EQ(figures.by_subject[0][2].positive_ratio, 0.25);
  EXPECT_DOUBLE_EQ(figures.by_subject[0][2].score, 25);
}

TEST(SurveyAnalysis, TheIntervalIsTheScoreForOneAnswerAndStaysWithinTheScale) {
  auto one = compute_index(columns_of({0}, 1, {{1, {4}}})).by_subject[0][0];
  EXPECT_DOUBLE_EQ(one.score, 75);
  EXPECT_DOUBLE_EQ(one.ci_low, 75);
  EXPECT_DOUBLE_EQ(one.ci_high, 75);
  // 5 5 5 5 1: mean 4.2, s = √3.2, 4.2 + 1.96·s/√5 > 5.
  auto high = compute_index(columns_of({0}, 1, {{1, {5}}, {1, {5}}, {1, {5}}, {1, {5}}, {1, {1}}}));
  const Stat& stat = high.by_subject[0][0];
  EXPECT_DOUBLE_EQ(stat.ci_high, 100);
  EXPECT_NEAR(stat.ci_low, score_of_mean(4.2 - 1.96 * std::sqrt(3.2) / std::sqrt(5.0)), 1e-12);
  // 1 1 1 1 5 mirrors it below 0.
  auto low = compute_index(columns_of({0}, 1, {{1, {1}}, {1, {1}}, {1, {1}}, {1, {1}}, {1, {5}}}));
  EXPECT_DOUBLE_EQ(low.by_subject[0][0].ci_low, 0);
  // No spread: the interval is the score.
  auto flat = compute_index(columns_of({0}, 1, {{1, {3}}, {1, {3}}}));
  EXPECT_DOUBLE_EQ(flat.by_subject[0][0].ci_low, 50);
  EXPECT_DOUBLE_EQ(flat.by_subject[0][0].ci_high, 50);
}

TEST(SurveyAnalysis, AlphaOfAHandComputedDomainLeavesIncompleteResponsesOut) {
  // Three items, four complete responses. By hand: items 1 2 3 4 / 2 3 3 4 / 2 2 4 4 have variances 5/3,
  // 2/3, 4/3 (Σ 11/3); the sums 5 7 10 12 have mean 8.5 and variance 29/3; α = 3/2 · (1 − 11/29) = 27/29.
  // Two incomplete responses count in n and `responses` but not in α.
  const auto columns = columns_of({0, 0, 0}, 1,
                                  {{1, {1, 2, 2}},
                                   {1, {2, 3, 2}},
                                   {2, {3, 3, 4}},
                                   {2, {4, 4, 4}},
                                   {1, {5, 0, 1}},
                                   {2, {1, kNotAsked, 5}}});
  const IndexFigures figures = compute_index(columns);
  ASSERT_EQ(figures.alpha.size(), 1U);
  EXPECT_EQ(figures.alpha[0].n, 4);
  ASSERT_TRUE(figures.alpha[0].alpha);
  EXPECT_NEAR(*figures.alpha[0].alpha, 27.0 / 29.0, 1e-12);
  EXPECT_EQ(figures.overall[0].n, 16);
  EXPECT_EQ(figures.overall[0].responses, 6);
}

TEST(SurveyAnalysis, AlphaIsNoneBelowTwoItemsTwoResponsesOrWithoutVariance) {
  // Domain 0 has one question, domain 1 two, domain 2 two questions answered identically by everyone.
  const auto columns =
      columns_of({0, 1, 1, 2, 2}, 3, {{1, {4, 2, 3, 4, 4}}, {1, {5, 4, 0, 4, 4}}, {1, {3, 5, 0, 4, 4}}});
  const IndexFigures figures = compute_index(columns);
  ASSERT_EQ(figures.alpha.size(), 3U);
  EXPECT_EQ(figures.alpha[0].n, 3);
  EXPECT_FALSE(figures.alpha[0].alpha);  // k < 2
  EXPECT_EQ(figures.alpha[1].n, 1);
  EXPECT_FALSE(figures.alpha[1].alpha);  // m < 2
  EXPECT_EQ(figures.alpha[2].n, 3);
  EXPECT_FALSE(figures.alpha[2].alpha);  // no variance of the sums
  // With a second complete response domain 1 gets an α (items 2,4 / 3,5: perfectly consistent, α = 1).
  auto more = columns;
  more.add(1, Row{1, 4, 5, 3, 3});
  const IndexFigures again = compute_index(more);
  EXPECT_EQ(again.alpha[1].n, 2);
  ASSERT_TRUE(again.alpha[1].alpha);
  EXPECT_NEAR(*again.alpha[1].alpha, 1.0, 1e-12);
  ASSERT_TRUE(again.alpha[2].alpha);  // the new response varies the sums of domain 2
  EXPECT_NEAR(*again.alpha[2].alpha, 1.0, 1e-12);
}

TEST(SurveyAnalysis, NoResponsesGiveZerosAndNoAlpha) {
  const IndexFigures figures = compute_index(AnswerColumns::for_questions({0, 0, 1}, 2));
  EXPECT_TRUE(figures.subjects.empty());
  EXPECT_TRUE(figures.by_subject.empty());
  ASSERT_EQ(figures.overall.size(), 3U);
  for (const Stat& stat : figures.overall) {
    EXPECT_EQ(stat.responses, 0);
    EXPECT_EQ(stat.n, 0);
    EXPECT_EQ(stat.ci_high, 0);
  }
  ASSERT_EQ(figures.alpha.size(), 2U);
  EXPECT_FALSE(figures.alpha[0].alpha);
}

TEST(SurveyAnalysis, RefusesColumnsThatDoNotFit) {
  auto columns = AnswerColumns::for_questions({0, 1}, 2);
  columns.add(1, Row{1, 2});
  auto out_of_range = columns;
  out_of_range.question_domain[1] = 2;
  EXPECT_THROW(compute_index(out_of_range), std::invalid_argument);
  auto ragged = columns;
  ragged.questions[0].push_back(3);
  EXPECT_THROW(compute_index(ragged), std::invalid_argument);
  auto unknown_subject = columns;
  unknown_subject.subject[0] = 1;
  EXPECT_THROW(compute_index(unknown_subject), std::invalid_argument);
  EXPECT_NO_THROW(compute_index(columns));
}

// ---- the randomized check against a straightforward re-implementation ----

bool valid(std::uint8_t v) {
  return v >= 1 && v <= 5;
}

Stat naive_stat(const std::vector<double>& values, std::int64_t responses) {
  Stat stat;
  stat.responses = responses;
  stat.n = std::int64_t(values.size());
  if (values.empty()) return stat;
  double sum = 0;
  double positive = 0;
  for (double v : values) {
    sum += v;
    positive += v >= 4 ? 1 : 0;
  }
  stat.mean = sum / double(values.size());
  stat.positive_ratio = positive / double(values.size());
  stat.score = (stat.mean - 1) / 4 * 100;
  stat.ci_low = stat.ci_high = stat.score;
  if (values.size() < 2) return stat;
  double squares = 0;
  for (double v : values) squares += (v - stat.mean) * (v - stat.mean);
  const double s = std::sqrt(squares / double(values.size() - 1));
  const double half = 1.96 * s / std::sqrt(double(values.size()));
  stat.ci_low = std::clamp((stat.mean - half - 1) / 4 * 100, 0.0, 100.0);
  stat.ci_high = std::clamp((stat.mean + half - 1) / 4 * 100, 0.0, 100.0);
  return stat;
}

/// The figures of the rows `in` (a predicate on the row index) over the questions `asked` (on the index).
template <class In, class Asked>
Stat naive_group(const AnswerColumns& columns, In in, Asked asked) {
  std::vector<double> values;
  std::int64_t responses = 0;
  for (std::size_t r = 0; r < columns.size(); ++r) {
    if (!in(r)) continue;
    bool any = false;
    for (std::size_t q = 0; q < columns.questions.size(); ++q) {
      if (!asked(q) || !valid(columns.questions[q][r])) continue;
      values.push_back(columns.questions[q][r]);
      any = true;
    }
    responses += any ? 1 : 0;
  }
  return naive_stat(values, responses);
}

double sample_variance(const std::vector<double>& xs) {
  double mean = 0;
  for (double x : xs) mean += x;
  mean /= double(xs.size());
  double squares = 0;
  for (double x : xs) squares += (x - mean) * (x - mean);
  return squares / double(xs.size() - 1);
}

DomainAlpha naive_alpha(const AnswerColumns& columns, int d) {
  std::vector<std::size_t> items;
  for (std::size_t q = 0; q < columns.question_domain.size(); ++q)
    if (columns.question_domain[q] == d) items.push_back(q);
  std::vector<std::vector<double>> item_values(items.size());
  std::vector<double> sums;
  for (std::size_t r = 0; r < columns.size(); ++r) {
    const bool complete =
        !items.empty() && std::all_of(items.begin(), items.end(), [&columns, r](std::size_t q) {
          return valid(columns.questions[q][r]);
        });
    if (!complete) continue;
    double sum = 0;
    for (std::size_t j = 0; j < items.size(); ++j) {
      item_values[j].push_back(columns.questions[items[j]][r]);
      sum += columns.questions[items[j]][r];
    }
    sums.push_back(sum);
  }
  DomainAlpha result;
  result.domain = d;
  result.n = std::int64_t(sums.size());
  if (items.size() < 2 || sums.size() < 2) return result;
  const double total = sample_variance(sums);
  if (total == 0) return result;
  double item_total = 0;
  for (const auto& values : item_values) item_total += sample_variance(values);
  const auto k = double(items.size());
  result.alpha = k / (k - 1) * (1 - item_total / total);
  return result;
}

void expect_same(const Stat& got, const Stat& want) {
  EXPECT_EQ(got.responses, want.responses);
  EXPECT_EQ(got.n, want.n);
  EXPECT_NEAR(got.mean, want.mean, 1e-9);
  EXPECT_NEAR(got.positive_ratio, want.positive_ratio, 1e-9);
  EXPECT_NEAR(got.score, want.score, 1e-9);
  EXPECT_NEAR(got.ci_low, want.ci_low, 1e-9);
  EXPECT_NEAR(got.ci_high, want.ci_high, 1e-9);
}

/// Random answers: mostly 1–5, with 모름, not asked and a few bytes that are no answer; domain 3 has a
/// single question and domain 4 none, so those paths are exercised too.
AnswerColumns random_columns(std::size_t rows, std::uint32_t seed) {
  const std::vector<int> domains = {0, 0, 0, 1, 1, 2, 2, 2, 2, 3, 5, 5, 5, 0};
  auto columns = AnswerColumns::for_questions(domains, 6);
  std::mt19937 random(seed);
  std::uniform_int_distribution<int> subject(0, 6);
  std::uniform_int_distribution<int> kind(0, 19);
  std::uniform_int_distribution<int> value(1, 5);
  Row row(domains.size());
  for (std::size_t r = 0; r < rows; ++r) {
    for (auto& answer : row) {
      const int k = kind(random);
      answer = k < 15   ? std::uint8_t(value(random))
               : k < 18 ? kDontKnow
               : k < 19 ? kNotAsked
                        : std::uint8_t(6 + k);
    }
    // A response is sometimes cut short (the rest not asked).
    const std::size_t length = kind(random) == 0 ? std::size_t(value(random)) : row.size();
    columns.add(100 + subject(random), std::span<const std::uint8_t>(row.data(), length));
  }
  return columns;
}

TEST(SurveyAnalysis, AgreesWithAStraightforwardComputationOnRandomAnswers) {
  for (std::uint32_t seed : {1U, 2U, 3U}) {
    SCOPED_TRACE(seed);
    const AnswerColumns columns = random_columns(2000, seed);
    const IndexFigures figures = compute_index(columns);
    const int domains = columns.domain_count;
    ASSERT_EQ(figures.by_subject.size(), columns.subjects.size());
    for (std::size_t s = 0; s < columns.subjects.size(); ++s) {
      const auto of_subject = [&columns, s](std::size_t r) { return columns.subject[r] == s; };
      for (int d = 0; d < domains; ++d) {
        SCOPED_TRACE(d);
        const auto in_domain = [&columns, d](std::size_t q) { return columns.question_domain[q] == d; };
        expect_same(figures.by_subject[s][std::size_t(d)], naive_group(columns, of_subject, in_domain));
      }
      expect_same(figures.by_subject[s][std::size_t(domains)],
                  naive_group(columns, of_subject, [](std::size_t) { return true; }));
    }
    const auto everyone = [](std::size_t) { return true; };
    for (int d = 0; d < domains; ++d) {
      const auto in_domain = [&columns, d](std::size_t q) { return columns.question_domain[q] == d; };
      expect_same(figures.overall[std::size_t(d)], naive_group(columns, everyone, in_domain));
      const DomainAlpha want = naive_alpha(columns, d);
      EXPECT_EQ(figures.alpha[std::size_t(d)].domain, d);
      EXPECT_EQ(figures.alpha[std::size_t(d)].n, want.n);
      ASSERT_EQ(figures.alpha[std::size_t(d)].alpha.has_value(), want.alpha.has_value()) << d;
      if (want.alpha) {
        EXPECT_NEAR(*figures.alpha[std::size_t(d)].alpha, *want.alpha, 1e-9);
      }
    }
    expect_same(figures.overall[std::size_t(domains)], naive_group(columns, everyone, everyone));
    EXPECT_TRUE(figures.alpha[0].alpha);  // the comparison above did compare some α
  }
}

TEST(SurveyAnalysis, TwoThreadsGiveTheSameFiguresAsOne) {
  // Large enough to be split; an odd count so that the halves differ.
  const AnswerColumns columns = random_columns(150001, 4);
  const IndexFigures one = compute_index(columns, 1);
  const IndexFigures two = compute_index(columns, 2);
  for (std::size_t s = 0; s <= columns.subjects.size(); ++s) {
    const auto& a = s < columns.subjects.size() ? one.by_subject[s] : one.overall;
    const auto& b = s < columns.subjects.size() ? two.by_subject[s] : two.overall;
    for (std::size_t d = 0; d < a.size(); ++d) {
      EXPECT_EQ(a[d].responses, b[d].responses);
      EXPECT_EQ(a[d].n, b[d].n);
      EXPECT_EQ(a[d].mean, b[d].mean);
      EXPECT_EQ(a[d].ci_low, b[d].ci_low);
    }
  }
  for (std::size_t d = 0; d < one.alpha.size(); ++d) {
    EXPECT_EQ(one.alpha[d].n, two.alpha[d].n);
    EXPECT_EQ(one.alpha[d].alpha, two.alpha[d].alpha);
  }
  EXPECT_EQ(one.overall.back().n, two.overall.back().n);
  EXPECT_GT(one.overall.back().n, 1000000);
}

}  // namespace
}  // namespace sotong::surveys
