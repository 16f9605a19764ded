// The texts demo and generated suggestions are made of: what each 시·군 asks about (real Jeonbuk matters) and
// the phrases officials write along the way (answers, reasons, progress reports, notes, ratings), in the
// plain 합니다체 of a provincial office. Data only; suggestion_samples decides which text goes where.
#pragma once

#include <span>
#include <string_view>

#include "modules/suggestions/suggestion_vocabulary.hpp"

namespace sotong::suggestions {

/// One matter a 시·군 raises, with the organisations that would carry it, by organisation code
/// (src/platform/organizations/data/jeonbuk.csv).
struct SampleTopic {
  std::string_view municipality;  // the 시·군 that files it: "52130"
  Domain domain;
  std::string_view lead;         // the bureau that would lead it: "52000-B09"
  std::string_view title;        // at most kTitleMaxChars
  std::string_view content;      // at most kContentMaxChars
  std::string_view concerned;    // the other 시·군 it concerns, codes separated by spaces
  std::string_view cooperating;  // the bureaus that would help the lead, codes separated by spaces
};

/// About ten matters for each of the 14 시·군, grouped by 시·군 in the directory's order.
std::span<const SampleTopic> sample_topics();

/// What a phrase is written for.
enum class Phrase {
  answer_resolved,   // the reply after 해결
  answer_partly,     // after 부분해결
  answer_long_term,  // after 장기검토
  answer_rejected,   // after 수용불가
  reject,            // the reason for 수용불가
  defer,             // the reason for 장기검토
  resolve_partly,    // the reason for 부분해결
  extend,            // the reason for extending the due date
  transfer,          // the reason for a transfer to another organisation
  reassign,          // the reason for changing the lead bureau
  appeal,            // the submitter's reason for appealing the reply
  reopen,            // the coordinator's reason for reopening
  progress_early,    // a progress report up to about 30 %
  progress_middle,   // about 30–70 %
  progress_late,     // beyond 70 %
  note,              // an internal note
  note_to,           // an internal note addressed to someone (written after "@login ")
  rating_high,       // a comment with 4 or 5 points
  rating_middle,     // with 3 points
  rating_low,        // with 1 or 2 points
};

/// Several interchangeable phrases for the occasion, never none.
std::span<const std::string_view> phrases(Phrase occasion);

/// Words a re-filed matter's title may end with in generated data (" (재건의)"); the first is empty.
std::span<const std::string_view> title_suffixes();

}  // namespace sotong::suggestions
