// Standing consultation (상시 감사 컨설팅): the records as plain values, their closed lists, and no
// behaviour.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/vocabulary.hpp"

namespace sotong::audit {

/// What the asking office needs: the meaning of a rule, how to apply it, or a difficulty on the way.
enum class ConsultationKind { interpretation, application, difficulty };

inline constexpr std::array<Term<ConsultationKind>, 3> kConsultationKinds = {{
    {ConsultationKind::interpretation, "interpretation", "법리해석"},
    {ConsultationKind::application, "application", "적용의 어려움"},
    {ConsultationKind::difficulty, "difficulty", "애로사항"},
}};

/// The steps of the seed's flow, in order: 요구 → 자료 DB 구축 → 분석·추출 → 분석자료 확인 → 결과통보.
enum class ConsultationState { requested, data_built, analysing, checking, notified };

inline constexpr std::array<Term<ConsultationState>, 5> kConsultationStates = {{
    {ConsultationState::requested, "requested", "요구"},
    {ConsultationState::data_built, "data_built", "자료 DB 구축"},
    {ConsultationState::analysing, "analysing", "분석·추출"},
    {ConsultationState::checking, "checking", "분석자료 확인"},
    {ConsultationState::notified, "notified", "결과통보"},
}};

/// One step taken: from which step to which, by whom, when and why. The request is the first (no `from`).
struct ConsultationStep {
  std::int64_t id = 0;
  std::optional<ConsultationState> from;
  ConsultationState to = ConsultationState::requested;
  std::string note;
  std::int64_t moved_by = 0;
  std::string moved_by_name;
  Timestamp moved_at = 0;
};

/// An analysis opinion of the audit office or an invited expert.
struct ConsultationOpinion {
  std::int64_t id = 0;
  std::int64_t account_id = 0;
  std::string author_name;
  std::string body;
  Timestamp created_at = 0;
};

/// An expert invited to one consultation.
struct ConsultationExpert {
  std::int64_t account_id = 0;
  std::string name;
  Timestamp invited_at = 0;
};

/// One consultation. Names and the path come from the platform's organisations and accounts (the service
/// fills them in); the organisation's path decides who may see it.
struct Consultation {
  std::int64_t id = 0;
  std::int64_t organization_id = 0;
  std::string organization_name;
  std::string organization_path;
  ConsultationKind kind = ConsultationKind::interpretation;
  std::string title;
  std::string question;
  std::string law;  // the law or rule the question concerns
  ConsultationState state = ConsultationState::requested;
  CivilDate due_date{};  // the answer's working-day deadline
  std::int64_t asked_by = 0;
  std::string asked_by_name;
  Timestamp asked_at = 0;
  std::string legal_basis;  // 법적 근거 of the answer ("지방재정법 제47조"), once notified
  std::string answer;
  bool share_opinions = false;  // the asking organisation also reads the analysis opinions
  std::optional<std::int64_t> answered_by;
  std::string answered_by_name;
  std::optional<Timestamp> answered_at;
  std::optional<std::int64_t> case_id;  // the library entry made from it
  Timestamp updated_at = 0;
};

/// A consultation with what its page shows: the steps, the experts and the opinions the reader may see.
struct ConsultationFile {
  Consultation record;
  std::vector<ConsultationStep> steps;
  std::vector<ConsultationExpert> experts;
  std::vector<ConsultationOpinion> opinions;  // empty when the reader may not see them
  bool opinions_visible = false;
  bool overdue = false;
};

/// What an asking officer submits, as typed.
struct ConsultationInput {
  std::string kind;
  std::string title;
  std::string question;
  std::string law;
};

/// An input that passed the rules (trimmed, NFC).
struct ValidConsultation {
  ConsultationKind kind = ConsultationKind::interpretation;
  std::string title;
  std::string question;
  std::string law;
};

/// A move to another step, as typed.
struct StepInput {
  std::string to;
  std::string note;
};

/// The answer (결과통보), as typed.
struct AnswerInput {
  std::string legal_basis;
  std::string answer;
  bool share_opinions = false;
};

struct ValidAnswer {
  std::string legal_basis;
  std::string answer;
  bool share_opinions = false;
};

}  // namespace sotong::audit
