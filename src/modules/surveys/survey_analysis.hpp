// The analysis core: a campaign's answers held as byte columns in memory, and the statistics of the
// cooperation index computed over them in single passes (docs/modules/index-method.md defines every formula
// with a worked example). Pure: no database, no HTTP; the pages, the API, the report and bench/index-bench
// all call these functions.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <unordered_map>
#include <vector>

namespace sotong::surveys {

/// An answer byte: 1–5 on the five-point scale; 0 is "모름" (or left empty), which is not a valid answer;
/// 255 marks a question the response was not asked.
inline constexpr std::uint8_t kDontKnow = 0;
inline constexpr std::uint8_t kNotAsked = 255;

/// No figure is shown for a group of fewer responses than this (on every surface).
inline constexpr std::int64_t kMinimumGroup = 5;

/// A campaign's scale answers as columns. Row r is one response: one respondent rating one subject (a bureau
/// for the cooperation index). Columns, not rows, so that a statistic reads each question's bytes in order.
struct AnswerColumns {
  /// The domain index (0 … domain_count − 1) of each scale question, in the questionnaire's order.
  std::vector<int> question_domain;
  int domain_count = 0;
  /// Distinct subject ids in order of first appearance; `subject[r]` indexes into it.
  std::vector<std::int64_t> subjects;
  std::vector<std::uint32_t> subject;
  /// One column per scale question, each as long as `subject`.
  std::vector<std::vector<std::uint8_t>> questions;
  /// Where each id of `subjects` sits, kept by `add` (rebuilt there when `subjects` was filled directly).
  std::unordered_map<std::int64_t, std::uint32_t> subject_index;

  /// Empty columns for a questionnaire whose scale questions have these domains.
  static AnswerColumns for_questions(std::vector<int> question_domain, int domain_count);
  std::size_t size() const { return subject.size(); }
  /// Appends one response; `answers` holds one byte per scale question (shorter: the rest not asked).
  void add(std::int64_t subject_id, std::span<const std::uint8_t> answers);
};

/// The figures of one group of answers (a subject in a domain, a subject overall, everyone in a domain …).
struct Stat {
  std::int64_t responses = 0;  // responses with at least one valid answer (1–5) in the group
  std::int64_t n = 0;          // valid answers (1–5)
  double mean = 0;             // of the valid answers
  double positive_ratio = 0;   // share of 4 and 5 among the valid answers
  double score = 0;            // the mean on 0–100: (mean − 1) / 4 × 100
  double ci_low = 0;           // 95 % confidence interval of the score
  double ci_high = 0;
  /// Whether any figure of the group may be shown: at least kMinimumGroup responses.
  bool shown() const { return responses >= kMinimumGroup; }
};

/// Cronbach's α of one domain's questions over the responses that answered all of them (1–5).
struct DomainAlpha {
  int domain = 0;
  std::int64_t n = 0;           // complete responses
  std::optional<double> alpha;  // none below two questions, two complete responses or with no variance
};

struct IndexFigures {
  int domain_count = 0;
  std::vector<std::int64_t> subjects;  // as in AnswerColumns
  /// by_subject[s][d] for domain d; by_subject[s][domain_count] over all domains of subject s.
  std::vector<std::vector<Stat>> by_subject;
  /// overall[d] over all subjects in domain d; overall[domain_count] over everything.
  std::vector<Stat> overall;
  std::vector<DomainAlpha> alpha;  // one per domain
};

/// The statistics of every subject × domain, of every subject, of every domain and of all, and α per domain.
/// `threads` 2 splits a large campaign's rows over two threads (the figures are the same to the bit: the
/// threads only count, in integers); 1 keeps to the calling thread.
IndexFigures compute_index(const AnswerColumns& answers, int threads = 2);

/// The score for a mean on the five-point scale: (mean − 1) / 4 × 100.
double score_of_mean(double mean);

}  // namespace sotong::surveys
