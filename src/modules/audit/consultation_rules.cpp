#include "modules/audit/consultation_rules.hpp"

#include <algorithm>

#include "core/korean_text.hpp"

namespace sotong::audit {
namespace {

int order(ConsultationState s) {
  return static_cast<int>(s);
}

/// A one-line field: cleaned, required or not, within `max` characters.
void check_line(std::string_view raw, std::string& out, const char* field, const std::string& label,
                std::size_t max, bool required, std::vector<FieldError>& errors) {
  if (!clean_line(raw, out)) {
    errors.push_back({field, label + "에 읽을 수 없는 문자가 있습니다. 다시 입력해 주십시오."});
  } else if (required && out.empty()) {
    errors.push_back({field, with_particle(label, "을/를") + " 입력해 주십시오."});
  } else if (char_count(out) > max) {
    errors.push_back(
        {field, with_particle(label, "은/는") + " " + std::to_string(max) + "자 이하로 입력해 주십시오."});
  }
}

/// A text of several lines: the same checks, line breaks kept.
void check_text(std::string_view raw, std::string& out, const char* field, const std::string& label,
                std::size_t max, bool required, std::vector<FieldError>& errors) {
  if (!clean_text(raw, out)) {
    errors.push_back({field, label + "에 읽을 수 없는 문자가 있습니다. 다시 입력해 주십시오."});
  } else if (required && out.empty()) {
    errors.push_back({field, with_particle(label, "을/를") + " 입력해 주십시오."});
  } else if (char_count(out) > max) {
    errors.push_back(
        {field, with_particle(label, "은/는") + " " + std::to_string(max) + "자 이하로 입력해 주십시오."});
  }
}

}  // namespace

std::string_view consultation_kind_label(ConsultationKind kind) {
  return label_of<ConsultationKind>(kConsultationKinds, kind);
}

std::string_view consultation_state_label(ConsultationState state) {
  return label_of<ConsultationState>(kConsultationStates, state);
}

std::string_view consultation_state_code(ConsultationState state) {
  return code_of<ConsultationState>(kConsultationStates, state);
}

Result<ValidConsultation> validate_consultation(const ConsultationInput& input) {
  std::vector<FieldError> errors;
  ValidConsultation out;
  if (auto kind = from_code<ConsultationKind>(kConsultationKinds, trim(input.kind)))
    out.kind = *kind;
  else
    errors.push_back({"kind", "요청 유형을 목록에서 골라 주십시오."});
  check_line(input.title, out.title, "title", "제목", kConsultationTitleMax, true, errors);
  check_text(input.question, out.question, "question", "질의 내용", kConsultationQuestionMax, true, errors);
  check_line(input.law, out.law, "law", "관련 법령", kConsultationLawMax, false, errors);
  if (!errors.empty()) return Error::invalid("입력 내용을 확인해 주십시오.", std::move(errors));
  return out;
}

std::vector<ConsultationState> step_targets(ConsultationState from) {
  std::vector<ConsultationState> out;
  if (from == ConsultationState::notified) return out;
  // Forward one step, but 결과통보 is reached only by the answer (it needs the legal basis).
  if (order(from) + 1 < order(ConsultationState::notified))
    out.push_back(static_cast<ConsultationState>(order(from) + 1));
  for (int s = order(from) - 1; s >= 0; --s) out.push_back(static_cast<ConsultationState>(s));
  return out;
}

Result<std::pair<ConsultationState, std::string>> check_step(ConsultationState from, const StepInput& input) {
  std::vector<FieldError> errors;
  std::string note;
  check_text(input.note, note, "note", "사유", kStepNoteMax, false, errors);
  if (!errors.empty()) return Error::invalid("입력 내용을 확인해 주십시오.", std::move(errors));
  if (from == ConsultationState::notified)
    return Error::conflict("이미 결과를 통보한 컨설팅은 단계를 바꿀 수 없습니다.");
  const auto to = from_code<ConsultationState>(kConsultationStates, trim(input.to));
  if (!to)
    return Error::invalid("입력 내용을 확인해 주십시오.", {{"to", "옮길 단계를 목록에서 골라 주십시오."}});
  if (*to == ConsultationState::notified)
    return Error::invalid("입력 내용을 확인해 주십시오.",
                          {{"to", "결과통보는 법적 근거와 회신 내용을 적어 회신할 때 됩니다."}});
  if (*to == from)
    return Error::invalid("입력 내용을 확인해 주십시오.",
                          {{"to", "지금과 같은 단계입니다. 다른 단계를 골라 주십시오."}});
  if (order(*to) > order(from) + 1)
    return Error::invalid(
        "입력 내용을 확인해 주십시오.",
        {{"to", "단계를 건너뛸 수 없습니다. ‘" +
                    std::string(consultation_state_label(static_cast<ConsultationState>(order(from) + 1))) +
                    "’ 단계부터 진행해 주십시오."}});
  if (order(*to) < order(from) && note.empty())
    return Error::invalid("입력 내용을 확인해 주십시오.",
                          {{"note", "이전 단계로 되돌릴 때는 사유를 적어 주십시오."}});
  return std::pair{*to, std::move(note)};
}

Result<ValidAnswer> validate_answer(ConsultationState from, const AnswerInput& input) {
  if (from == ConsultationState::notified) return Error::conflict("이미 결과를 통보한 컨설팅입니다.");
  if (from != ConsultationState::checking)
    return Error::conflict("회신은 ‘분석자료 확인’ 단계에서 할 수 있습니다. 먼저 단계를 진행해 주십시오.");
  std::vector<FieldError> errors;
  ValidAnswer out;
  out.share_opinions = input.share_opinions;
  check_line(input.legal_basis, out.legal_basis, "legal_basis", "법적 근거", kLegalBasisMax, true, errors);
  check_text(input.answer, out.answer, "answer", "회신 내용", kAnswerMax, true, errors);
  if (!errors.empty()) return Error::invalid("입력 내용을 확인해 주십시오.", std::move(errors));
  return out;
}

bool may_invite_experts(ConsultationState state) {
  return state == ConsultationState::analysing;
}

bool may_add_opinion(ConsultationState state) {
  return state == ConsultationState::analysing || state == ConsultationState::checking;
}

Result<std::string> validate_opinion(std::string_view body) {
  std::vector<FieldError> errors;
  std::string out;
  check_text(body, out, "body", "분석 의견", kOpinionMax, true, errors);
  if (!errors.empty()) return Error::invalid("입력 내용을 확인해 주십시오.", std::move(errors));
  return out;
}

CivilDate answer_due(const platform::calendar::WorkingCalendar& calendar, CivilDate asked_on) {
  return calendar.add_working_days(asked_on, kAnswerWorkingDays);
}

bool is_overdue(ConsultationState state, CivilDate due, CivilDate today) {
  return state != ConsultationState::notified && days_from_civil(today) > days_from_civil(due);
}

}  // namespace sotong::audit
