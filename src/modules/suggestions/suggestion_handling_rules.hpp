// Pure rules of handling a suggestion once filed: what each decision form must carry. The life cycle
// (suggestion_lifecycle) says whether a step is allowed at all; these say whether its input is complete.
// No I/O: the organisations one may pick come in as values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "modules/suggestions/suggestion_vocabulary.hpp"

namespace sotong::suggestions {

inline constexpr std::size_t kReasonMaxChars = 2000;
inline constexpr int kMaxWorkingDays = 120;

/// The fields of any decision form, as typed; each step reads the ones it needs.
struct DecisionInput {
  std::string action;  // the life-cycle action's code
  std::string reason;  // reason, answer, report or note text
  std::string lead_bureau;
  std::vector<std::string> cooperating;
  std::string working_days;
  std::string review_level;
  std::string next_review;
  std::string percent;
  std::string due_date;
  std::string organization;  // transfer target
  std::string rating;
  std::string target;     // merge and link: the other suggestion's number
  std::string title;      // a new sub-item's title
  std::string confirmed;  // "1" once the person confirmed a step that cannot be undone
};

/// 의제화: the lead bureau (an active bureau), cooperating bureaus (active, the lead dropped), the clock in
/// working days (1..kMaxWorkingDays), and the review level with its first review date (optional together).
struct Adoption {
  std::int64_t lead_bureau = 0;
  std::vector<std::int64_t> cooperating;
  int working_days = 0;
  std::optional<ReviewLevel> review_level;
  std::optional<CivilDate> next_review;
};
Result<Adoption> validate_adoption(const DecisionInput& input, const std::vector<std::int64_t>& bureaus,
                                   CivilDate today);

/// 추진상황 보고: a percentage 0..100 and what was done (required).
struct ProgressReport {
  int percent = 0;
  std::string text;
};
Result<ProgressReport> validate_progress(const DecisionInput& input);

/// The text of a reason, answer or note: trimmed, composed, at most kReasonMaxChars; `required` or not.
Result<std::string> validate_reason(std::string_view raw, std::string_view label, bool required);

/// 만족도: 1..5, with an optional comment.
struct Rating {
  int score = 0;
  std::string comment;
};
Result<Rating> validate_rating(const DecisionInput& input);

/// Reassigning the lead or transferring: another active organisation of `allowed`, and a reason.
Result<std::int64_t> validate_new_lead(const DecisionInput& input, const std::vector<std::int64_t>& allowed,
                                       std::optional<std::int64_t> current, std::string_view what);

/// The other suggestion a merge or a link names: a number, not this suggestion's own.
Result<std::int64_t> validate_target(const DecisionInput& input, std::int64_t self);

/// The login ids a note mentions (@jeonju, @jj.policy), in order, each once. A login id is letters, digits,
/// '.', '_' and '-', as account rules allow; a trailing '.' ends the sentence, not the id.
std::vector<std::string> mentioned_logins(std::string_view text);

}  // namespace sotong::suggestions
