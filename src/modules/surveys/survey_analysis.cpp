#include "modules/surveys/survey_analysis.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <memory>
#include <stdexcept>
#include <thread>
#include <type_traits>
#include <utility>

namespace sotong::surveys {
namespace {

// A histogram counts an answer byte under its code, looked up rather than tested so that the loop has no
// branch: the answer 0–5 itself, or kOtherCode for "not asked" and any byte that is not an answer at all.
constexpr std::uint8_t kOtherCode = 6;
// Histogram cells per (question, subject): [complete-in-domain 0/1][code 0..7].
constexpr std::size_t kCodeCells = 8;
constexpr std::size_t kCells = 2 * kCodeCells;
constexpr int kMaxAnswer = 5;

constexpr std::array<std::uint8_t, 256> make_code_table() {
  std::array<std::uint8_t, 256> table{};
  for (std::size_t b = 0; b < table.size(); ++b) table[b] = b <= kMaxAnswer ? std::uint8_t(b) : kOtherCode;
  return table;
}
constexpr std::array<std::uint8_t, 256> kCode = make_code_table();
// A response's valid answers in one domain and their sum are tallied in 16 bits.
constexpr std::size_t kMaxDomainQuestions = 0xFFFF / kMaxAnswer;

// Below this many responses a second thread costs more than it saves.
constexpr std::size_t kParallelRows = 1 << 16;

/// The questions regrouped by domain: `order[domain_begin[d] … domain_begin[d + 1])` are domain d's.
struct DomainLayout {
  std::vector<std::size_t> order;
  std::vector<std::size_t> domain_begin;
  std::size_t widest = 0;  // the most questions of one domain
};

DomainLayout layout_of(const AnswerColumns& answers) {
  const auto domains = std::size_t(answers.domain_count);
  DomainLayout layout;
  layout.domain_begin.assign(domains + 1, 0);
  for (std::size_t d = 0; d < domains; ++d) {
    layout.domain_begin[d] = layout.order.size();
    for (std::size_t q = 0; q < answers.question_domain.size(); ++q)
      if (std::size_t(answers.question_domain[q]) == d) layout.order.push_back(q);
    layout.widest = std::max(layout.widest, layout.order.size() - layout.domain_begin[d]);
  }
  layout.domain_begin[domains] = layout.order.size();
  return layout;
}

/// Refuses columns a pass could read out of bounds with, rather than reading garbage.
void check_shape(const AnswerColumns& answers) {
  if (answers.domain_count < 0) throw std::invalid_argument("survey analysis: negative domain count");
  if (answers.questions.size() != answers.question_domain.size())
    throw std::invalid_argument("survey analysis: one column per question is needed");
  for (int d : answers.question_domain)
    if (d < 0 || d >= answers.domain_count)
      throw std::invalid_argument("survey analysis: domain out of range");
  for (const auto& column : answers.questions)
    if (column.size() != answers.size())
      throw std::invalid_argument("survey analysis: columns differ in length");
  const auto subjects = answers.subjects.size();
  const bool bad_subject = std::any_of(answers.subject.begin(), answers.subject.end(),
                                       [subjects](std::uint32_t s) { return s >= subjects; });
  if (bad_subject) throw std::invalid_argument("survey analysis: subject index out of range");
}

/// Integer counts of one range of rows. Kept in integers so that the two halves merge exactly and the
/// statistics come from exact counts, not from a floating sum over a million terms.
struct Counts {
  std::size_t subjects = 0;
  std::size_t domains = 0;
  std::size_t positions = 0;  // questions
  // hist[cell(s, position) + complete · kCodeCells + code]: answers of subject s to the question at that
  // position (layout order) by code, split by whether the row answered its whole domain (for α). A
  // subject's cells lie together, so that the increments of neighbouring rows share cache lines.
  std::vector<std::int64_t> hist;
  // group[s · group_stride + group_begin[d] + t]: rows of subject s by their answers in domain d;
  // t = 0: no valid answer, t = 1: some but not all, t = 1 + sum: all valid, adding up to sum (≥ 1).
  // One cell per row and domain gives both `responses` and the distribution of sums that α needs.
  std::vector<std::int64_t> group;
  std::vector<std::size_t> group_begin;
  std::size_t group_stride = 0;
  std::vector<std::int64_t> any_valid;  // rows of subject s with a valid answer in any domain

  Counts(const DomainLayout& layout, std::size_t subject_count)
      : subjects(subject_count), domains(layout.domain_begin.size() - 1), positions(layout.order.size()) {
    hist.assign(positions * subjects * kCells, 0);
    group_begin.assign(domains + 1, 0);
    for (std::size_t d = 0; d < domains; ++d)
      group_begin[d + 1] = group_begin[d] + 2 + kMaxAnswer * question_count(layout, d);
    group_stride = group_begin[domains];
    group.assign(subjects * group_stride, 0);
    any_valid.assign(subjects, 0);
  }

  static std::size_t question_count(const DomainLayout& layout, std::size_t d) {
    return layout.domain_begin[d + 1] - layout.domain_begin[d];
  }
  std::size_t cell(std::size_t s, std::size_t position) const { return (s * positions + position) * kCells; }
  const std::int64_t* group_of(std::size_t s, std::size_t d) const {
    return group.data() + s * group_stride + group_begin[d];
  }

  void merge(const Counts& other) {
    for (std::size_t i = 0; i < hist.size(); ++i) hist[i] += other.hist[i];
    for (std::size_t i = 0; i < group.size(); ++i) group[i] += other.group[i];
    for (std::size_t i = 0; i < any_valid.size(); ++i) any_valid[i] += other.any_valid[i];
  }
};

// Rows are taken in blocks small enough that a block's per-row scratch stays in the first-level caches,
// while every pass over a question reads its bytes in order (reading all 30 columns row by row is twice
// as slow: 30 streams, no vector loads).
constexpr std::size_t kBlockRows = 4096;

/// Per-row scratch of one block of rows.
struct Block {
  std::size_t start = 0;
  std::size_t rows = 0;
  std::array<std::uint16_t, kBlockRows> valid{};  // valid answers in the current domain
  std::array<std::uint16_t, kBlockRows> sum{};    // their sum
  std::array<std::size_t, kBlockRows> cells{};    // the row's histogram cells for the current domain
  std::array<std::uint8_t, kBlockRows> any{};     // a valid answer in any domain so far
};

/// Adds one question's answers to each row's tally of valid answers and their sum, without a branch
/// (whether an answer is valid is a coin toss the predictor loses). `Rows` is a compile-time constant for
/// a full block: then the loop has no remainder and the compiler, even at -O2, does sixteen rows at a time.
template <class Rows>
void add_answers(const std::uint8_t* __restrict column, std::uint16_t* __restrict valid,
                 std::uint16_t* __restrict sum, Rows rows) {
  for (std::size_t i = 0; i < rows; ++i) {
    const std::uint8_t byte = column[i];
    // 1–5 become 0–4; 0 and 255 wrap to 255 and 254.
    const auto ok = std::uint16_t(std::uint8_t(byte - 1) < kMaxAnswer);
    valid[i] = std::uint16_t(valid[i] + ok);
    sum[i] = std::uint16_t(sum[i] + ok * byte);
  }
}

/// Each row's valid answers in one domain and their sum.
void tally_domain(const std::uint8_t* const* columns, std::size_t first, std::size_t k, Block& block) {
  std::fill_n(block.valid.begin(), block.rows, 0);
  std::fill_n(block.sum.begin(), block.rows, 0);
  for (std::size_t j = 0; j < k; ++j) {
    const std::uint8_t* column = columns[first + j] + block.start;
    if (block.rows == kBlockRows)
      add_answers(column, block.valid.data(), block.sum.data(),
                  std::integral_constant<std::size_t, kBlockRows>{});
    else
      add_answers(column, block.valid.data(), block.sum.data(), block.rows);
  }
}

/// Files each row of the block under its group cell of domain d and notes its histogram cells.
void classify_rows(const std::uint32_t* subject, std::size_t d, std::size_t first, std::size_t k,
                   Counts& counts, Block& block) {
  std::int64_t* group = counts.group.data() + counts.group_begin[d];
  for (std::size_t i = 0; i < block.rows; ++i) {
    const std::size_t s = subject[block.start + i];
    const std::size_t valid = block.valid[i];
    const std::size_t complete = (valid == k && k != 0) ? 1 : 0;
    const std::size_t some = valid != 0 ? 1 : 0;
    ++group[s * counts.group_stride + some + complete * block.sum[i]];
    block.cells[i] = counts.cell(s, first) + complete * kCodeCells;
    block.any[i] = std::uint8_t(block.any[i] | some);
  }
}

/// The histogram of one question over the block: one increment per answer, no branch.
void count_question(const std::uint8_t* column, std::int64_t* hist, const Block& block) {
  const std::uint8_t* bytes = column + block.start;
  for (std::size_t i = 0; i < block.rows; ++i) ++hist[block.cells[i] + kCode[bytes[i]]];
}

/// Counts rows [begin, end) block by block: per domain, the per-row tally first (to learn which rows are
/// complete for α), then each question's histogram in the cells of that completeness.
void count_rows(const AnswerColumns& answers, const DomainLayout& layout, std::size_t begin, std::size_t end,
                Counts& counts) {
  std::vector<const std::uint8_t*> columns;
  for (std::size_t q : layout.order) columns.push_back(answers.questions[q].data());
  const std::uint32_t* subject = answers.subject.data();
  auto block = std::make_unique<Block>();
  for (std::size_t start = begin; start < end; start += kBlockRows) {
    block->start = start;
    block->rows = std::min(kBlockRows, end - start);
    std::fill_n(block->any.begin(), block->rows, 0);
    for (std::size_t d = 0; d < counts.domains; ++d) {
      const std::size_t first = layout.domain_begin[d];
      const std::size_t k = Counts::question_count(layout, d);
      tally_domain(columns.data(), first, k, *block);
      classify_rows(subject, d, first, k, counts, *block);
      for (std::size_t j = 0; j < k; ++j)
        count_question(columns[first + j], counts.hist.data() + j * kCells, *block);
    }
    for (std::size_t i = 0; i < block->rows; ++i) counts.any_valid[subject[start + i]] += block->any[i];
  }
}

Counts count_all(const AnswerColumns& answers, const DomainLayout& layout, int threads) {
  Counts counts(layout, answers.subjects.size());
  const std::size_t rows = answers.size();
  if (threads < 2 || rows < kParallelRows || std::thread::hardware_concurrency() < 2) {
    count_rows(answers, layout, 0, rows, counts);
    return counts;
  }
  // Two halves on two cores (the deployment machine has two); each has its own counts, merged exactly.
  const std::size_t half = rows / 2;
  Counts second(layout, answers.subjects.size());
  std::thread worker(
      [&answers, &layout, half, rows, &second] { count_rows(answers, layout, half, rows, second); });
  count_rows(answers, layout, 0, half, counts);
  worker.join();
  counts.merge(second);
  return counts;
}

/// Answers per value 0–5 of one group (the "other" code is dropped: not asked is not an answer).
using ValueCounts = std::array<std::int64_t, kMaxAnswer + 1>;

/// Adds the histogram cells of one (question position, subject), both completeness halves.
void add_cells(const Counts& counts, std::size_t position, std::size_t s, ValueCounts& into) {
  const std::int64_t* cells = counts.hist.data() + counts.cell(s, position);
  for (std::size_t v = 0; v <= kMaxAnswer; ++v) into[v] += cells[v] + cells[kCodeCells + v];
}

/// The figures of a group from its answer counts per value: exact integers in, a few floating steps out.
Stat stat_of(const ValueCounts& values, std::int64_t responses) {
  Stat stat;
  stat.responses = responses;
  std::int64_t sum = 0;
  for (std::int64_t v = 1; v <= kMaxAnswer; ++v) {
    stat.n += values[std::size_t(v)];
    sum += v * values[std::size_t(v)];
  }
  if (stat.n == 0) return stat;
  const auto n = double(stat.n);
  stat.mean = double(sum) / n;
  stat.positive_ratio = double(values[4] + values[5]) / n;
  stat.score = score_of_mean(stat.mean);
  stat.ci_low = stat.ci_high = stat.score;
  if (stat.n < 2) return stat;
  // Centred over the five values rather than Σv² − (Σv)²/n: five terms, no cancellation.
  double squares = 0;
  for (std::size_t v = 1; v <= kMaxAnswer; ++v) {
    const double deviation = double(v) - stat.mean;
    squares += double(values[v]) * deviation * deviation;
  }
  constexpr double kZ95 = 1.96;
  const double half_width = kZ95 * std::sqrt(squares / (n - 1)) / std::sqrt(n);
  stat.ci_low = std::clamp(score_of_mean(stat.mean - half_width), 0.0, 100.0);
  stat.ci_high = std::clamp(score_of_mean(stat.mean + half_width), 0.0, 100.0);
  return stat;
}

/// The sample variance (divisor m − 1) of a distribution given as counts[t] of value first_value + t.
double variance_of(const std::int64_t* counts, std::size_t size, std::int64_t first_value) {
  std::int64_t m = 0;
  std::int64_t sum = 0;
  for (std::size_t t = 0; t < size; ++t) {
    m += counts[t];
    sum += (first_value + std::int64_t(t)) * counts[t];
  }
  const double mean = double(sum) / double(m);
  double squares = 0;
  for (std::size_t t = 0; t < size; ++t) {
    const double deviation = double(first_value + std::int64_t(t)) - mean;
    squares += double(counts[t]) * deviation * deviation;
  }
  return squares / double(m - 1);
}

/// Rows of subject s with a valid answer in domain d: all but the group's first cell.
std::int64_t responses_of(const Counts& counts, std::size_t s, std::size_t d) {
  const std::int64_t* cells = counts.group_of(s, d);
  const std::size_t size = counts.group_begin[d + 1] - counts.group_begin[d];
  std::int64_t rows = 0;
  for (std::size_t t = 1; t < size; ++t) rows += cells[t];
  return rows;
}

/// α of domain d from the complete rows' cells: item variances from each question's complete half, the
/// variance of the per-response sum from the group cells 1 + sum of every subject.
DomainAlpha alpha_of(const Counts& counts, const DomainLayout& layout, std::size_t d) {
  DomainAlpha result;
  result.domain = int(d);
  const std::size_t first = layout.domain_begin[d];
  const std::size_t k = Counts::question_count(layout, d);
  // sums[t] counts the complete rows adding up to t (0 and the cells below k stay empty).
  std::vector<std::int64_t> sums(kMaxAnswer * k + 1, 0);
  for (std::size_t s = 0; s < counts.subjects; ++s) {
    const std::int64_t* cells = counts.group_of(s, d);
    for (std::size_t t = 1; t < sums.size(); ++t) sums[t] += cells[1 + t];
  }
  for (std::int64_t rows : sums) result.n += rows;
  if (k < 2 || result.n < 2) return result;
  const double total_variance = variance_of(sums.data(), sums.size(), 0);
  if (total_variance == 0) return result;
  double item_variances = 0;
  for (std::size_t j = 0; j < k; ++j) {
    std::array<std::int64_t, kMaxAnswer> items{};
    for (std::size_t s = 0; s < counts.subjects; ++s) {
      const std::int64_t* cells = counts.hist.data() + counts.cell(s, first + j) + kCodeCells;
      for (std::size_t v = 1; v <= kMaxAnswer; ++v) items[v - 1] += cells[v];
    }
    item_variances += variance_of(items.data(), items.size(), 1);
  }
  const auto kd = double(k);
  result.alpha = kd / (kd - 1) * (1 - item_variances / total_variance);
  return result;
}

/// Per subject × domain and per subject over all domains, then the overall rows as their sums.
void fill_stats(const Counts& counts, const DomainLayout& layout, IndexFigures& figures) {
  const std::size_t domains = counts.domains;
  std::vector<ValueCounts> overall_values(domains + 1, ValueCounts{});
  std::vector<std::int64_t> overall_responses(domains + 1, 0);
  figures.by_subject.assign(counts.subjects, std::vector<Stat>(domains + 1));
  for (std::size_t s = 0; s < counts.subjects; ++s) {
    ValueCounts total{};
    for (std::size_t d = 0; d < domains; ++d) {
      ValueCounts values{};
      for (std::size_t p = layout.domain_begin[d]; p < layout.domain_begin[d + 1]; ++p)
        add_cells(counts, p, s, values);
      const std::int64_t responses = responses_of(counts, s, d);
      figures.by_subject[s][d] = stat_of(values, responses);
      for (std::size_t v = 0; v <= kMaxAnswer; ++v) {
        total[v] += values[v];
        overall_values[d][v] += values[v];
        overall_values[domains][v] += values[v];
      }
      overall_responses[d] += responses;
    }
    figures.by_subject[s][domains] = stat_of(total, counts.any_valid[s]);
    overall_responses[domains] += counts.any_valid[s];
  }
  figures.overall.clear();
  for (std::size_t d = 0; d <= domains; ++d)
    figures.overall.push_back(stat_of(overall_values[d], overall_responses[d]));
}

}  // namespace

AnswerColumns AnswerColumns::for_questions(std::vector<int> question_domain, int domain_count) {
  AnswerColumns columns;
  columns.questions.resize(question_domain.size());
  columns.question_domain = std::move(question_domain);
  columns.domain_count = domain_count;
  return columns;
}

void AnswerColumns::add(std::int64_t subject_id, std::span<const std::uint8_t> answers) {
  // The map is only a cache of `subjects`; were that filled by hand, the cache is rebuilt from it first.
  if (subject_index.size() != subjects.size()) {
    subject_index.clear();
    for (std::size_t i = 0; i < subjects.size(); ++i) subject_index.emplace(subjects[i], std::uint32_t(i));
  }
  const auto [at, added] = subject_index.try_emplace(subject_id, std::uint32_t(subjects.size()));
  if (added) subjects.push_back(subject_id);
  subject.push_back(at->second);
  for (std::size_t q = 0; q < questions.size(); ++q)
    questions[q].push_back(q < answers.size() ? answers[q] : kNotAsked);
}

IndexFigures compute_index(const AnswerColumns& answers, int threads) {
  check_shape(answers);
  const DomainLayout layout = layout_of(answers);
  if (layout.widest > kMaxDomainQuestions) throw std::invalid_argument("survey analysis: domain too large");
  const Counts counts = count_all(answers, layout, threads);
  IndexFigures figures;
  figures.domain_count = answers.domain_count;
  figures.subjects = answers.subjects;
  fill_stats(counts, layout, figures);
  for (std::size_t d = 0; d < counts.domains; ++d) figures.alpha.push_back(alpha_of(counts, layout, d));
  return figures;
}

double score_of_mean(double mean) {
  return (mean - 1) / 4 * 100;
}

}  // namespace sotong::surveys
