// The survey engine and the cooperation index (surveys): the module's records as plain values, without
// behaviour. Who was invited (Invitation) and what was answered (the answer bytes of a response) never meet
// in one value.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/vocabulary.hpp"

namespace sotong::surveys {

enum class QuestionKind { scale, single, multiple, text };
inline constexpr std::array<Term<QuestionKind>, 4> kQuestionKinds = {{
    {QuestionKind::scale, "scale", "5점 척도(모름 포함)"},
    {QuestionKind::single, "single", "하나 고르기"},
    {QuestionKind::multiple, "multiple", "여러 개 고르기"},
    {QuestionKind::text, "text", "서술형"},
}};

/// The six policy domains (GLOSSARY), in the order the index lists them.
enum class Domain { budget, personnel, project, institution, information, behavior };
inline constexpr std::array<Term<Domain>, 6> kDomains = {{
    {Domain::budget, "budget", "예산"},
    {Domain::personnel, "personnel", "인사"},
    {Domain::project, "project", "사업"},
    {Domain::institution, "institution", "제도"},
    {Domain::information, "information", "정보"},
    {Domain::behavior, "behavior", "행태"},
}};
inline constexpr int kDomainCount = static_cast<int>(kDomains.size());

/// What a question measures. Answers to "change" questions give the improvement ratio and are kept out of
/// the score, which measures the state of cooperation, not its direction.
enum class Dimension { communication, cooperation, issues, suggestions, satisfaction, change };
inline constexpr std::array<Term<Dimension>, 6> kDimensions = {{
    {Dimension::communication, "communication", "소통 빈도·질"},
    {Dimension::cooperation, "cooperation", "정책 협력"},
    {Dimension::issues, "issues", "현안사업 파악·해소"},
    {Dimension::suggestions, "suggestions", "건의사항 처리"},
    {Dimension::satisfaction, "satisfaction", "만족도"},
    {Dimension::change, "change", "작년 대비 변화"},
}};

enum class CampaignState { draft, open, closed };
inline constexpr std::array<Term<CampaignState>, 3> kCampaignStates = {{
    {CampaignState::draft, "draft", "준비 중"},
    {CampaignState::open, "open", "진행 중"},
    {CampaignState::closed, "closed", "마감"},
}};

/// Multiple-choice answers keep one bit per option in the answer byte, so a question offers at most this
/// many.
inline constexpr std::size_t kMaxMultipleOptions = 7;
inline constexpr std::size_t kMaxSingleOptions = 20;

struct Question {
  std::int64_t id = 0;
  int position = 0;  // 1-based; the answer byte is at position − 1
  std::string section;
  QuestionKind kind = QuestionKind::scale;
  std::string text;
  std::vector<std::string> options;  // single and multiple choice
  std::optional<Domain> domain;
  std::optional<Dimension> dimension;
};

struct Questionnaire {
  std::int64_t id = 0;
  std::string title;
  int year = 0;
  int version = 1;
  std::optional<std::int64_t> copied_from;
  std::string description;
  Timestamp created_at = 0;
  std::vector<Question> questions;
  std::int64_t campaigns = 0;  // campaigns using it: frozen when > 0
};

struct Campaign {
  std::int64_t id = 0;
  std::string host;  // "index": the cooperation index
  std::string title;
  int year = 0;
  bool pilot = false;
  std::int64_t questionnaire_id = 0;
  CivilDate opens_on{};
  CivilDate closes_on{};
  int max_subjects = 3;
  bool include_bureaus = false;  // bureau staff rate other bureaus too
  CampaignState state = CampaignState::draft;
  Timestamp created_at = 0;
  std::optional<Timestamp> closed_at;
  std::vector<std::int64_t> subjects;  // organisation ids rated (bureaus)
  /// Names of subjects another module gave (a course's title), by position in `subjects`; empty for bureaus.
  std::vector<std::string> subject_labels;
};

/// One organisation's progress: invited people and how many have submitted, never who.
struct Completion {
  std::int64_t organization_id = 0;
  std::string organization_name;
  std::int64_t invited = 0;
  std::int64_t completed = 0;
};

/// A submitted or imported response before it is stored: the rated subject, a byte per question, open texts.
struct Answers {
  std::int64_t subject_id = 0;
  std::string bytes;                               // one byte per question, in position order
  std::vector<std::pair<int, std::string>> texts;  // (position, text) of open answers
};

/// An invitation as its owner sees it (on 「내 설문」): never anything of the answers.
struct Invitation {
  std::int64_t token_id = 0;
  std::int64_t campaign_id = 0;
  std::string campaign_title;
  CivilDate closes_on{};
  bool completed = false;
  bool started = false;  // progress is kept
  bool open = false;     // the campaign takes answers now
};

}  // namespace sotong::surveys
