// Pure rules of the survey engine: what makes a question, a campaign and a set of answers valid, how answers
// become the bytes a response stores, and when a questionnaire is frozen. No I/O, so unit tests call them
// directly.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "http/form.hpp"
#include "modules/surveys/survey.hpp"

namespace sotong::surveys {

inline constexpr std::size_t kTitleMaxChars = 200;
inline constexpr std::size_t kQuestionMaxChars = 500;
inline constexpr std::size_t kSectionMaxChars = 100;
inline constexpr std::size_t kOpenAnswerMaxChars = 2000;
inline constexpr std::size_t kNoteMaxChars = 4000;
inline constexpr int kMaxSubjectsLimit = 10;

/// A draft's mark for a question not answered yet (a submitted response never holds it).
inline constexpr std::uint8_t kUnanswered = 254;

/// A question as typed on the questionnaire page.
struct QuestionInput {
  std::string section;
  std::string kind;
  std::string text;
  std::string options;  // one per line
  std::string domain;
  std::string dimension;
};

/// The question checked: a section and a text; a scale question needs its domain and dimension (the index
/// groups by them); a choice needs 2 to 20 options (a multiple choice at most kMaxMultipleOptions).
Result<Question> validate_question(const QuestionInput& input);

/// A questionnaire used by any campaign is frozen: refused with a Korean conflict saying to copy it.
Result<bool> check_editable(const Questionnaire& questionnaire);

/// A campaign as typed on the campaign form.
struct CampaignInput {
  std::string title;
  std::string year;
  std::string questionnaire_id;
  std::string opens_on;   // YYYY-MM-DD; empty: 1 September of the year
  std::string closes_on;  // empty: 31 October of the year
  std::string max_subjects;
  bool pilot = false;
  bool include_bureaus = false;
  std::vector<std::string> subjects;  // organisation ids
};

/// The campaign checked (not yet whether the questionnaire and subjects exist: the service asks the store).
Result<Campaign> validate_campaign(const CampaignInput& input);

/// The answers to `questions` as posted (q<position> fields; a multiple choice sends one field per option):
/// a byte per question — the scale's 1–5 or 0 for 모름, a choice's number, a multiple choice's option bits, 0
/// for an open question — and the open texts. A question left empty is kUnanswered; a value out of range is a
/// Korean field error.
Result<Answers> answers_from_form(const std::vector<Question>& questions, const http::Form& form,
                                  std::int64_t subject_id);

/// Whether every scale and single-choice question has an answer (모름 counts as one): what submitting needs.
/// Returns the positions still empty.
std::vector<int> unanswered(const std::vector<Question>& questions, const std::string& bytes);

/// The bytes a stored response keeps: kUnanswered (a question skipped) becomes 0, like 모름.
std::string finished_bytes(std::string bytes);

/// A whole decimal number (sign allowed), or nullopt for anything else ("3.0", "", "3 ").
std::optional<std::int64_t> parse_integer(std::string_view text);

/// The day a response is stored under, in Korean time: the only time a response carries.
std::string response_day(Timestamp at);

}  // namespace sotong::surveys
