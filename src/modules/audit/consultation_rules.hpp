// Pure rules of the standing consultation: what makes a request, a step and an answer valid, the flow's state
// machine, and the working-day deadline. No I/O, so unit tests call them directly.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.hpp"
#include "modules/audit/consultation.hpp"
#include "platform/calendar/working_calendar.hpp"

namespace sotong::audit {

inline constexpr std::size_t kConsultationTitleMax = 200;
inline constexpr std::size_t kConsultationQuestionMax = 4000;
inline constexpr std::size_t kConsultationLawMax = 200;
inline constexpr std::size_t kStepNoteMax = 500;
inline constexpr std::size_t kLegalBasisMax = 300;
inline constexpr std::size_t kAnswerMax = 4000;
inline constexpr std::size_t kOpinionMax = 3000;

/// The answer is due this many working days after the request (the audit office's service standard; the
/// day of the request is not counted).
inline constexpr int kAnswerWorkingDays = 10;
/// The auditors are reminded this many working days before the deadline.
inline constexpr int kRemindWorkingDaysBefore = 2;

std::string_view consultation_kind_label(ConsultationKind kind);
std::string_view consultation_state_label(ConsultationState state);
std::string_view consultation_state_code(ConsultationState state);

/// The request checked field by field: a kind from the list, a title and a question (trimmed, NFC, within
/// their limits in characters); the law concerned may be left empty. Korean field errors otherwise.
Result<ValidConsultation> validate_consultation(const ConsultationInput& input);

/// The steps a consultation in `from` may be moved to by hand: the next step forward (never 결과통보, which
/// only the answer reaches) and every earlier step (going back). Nothing once it is notified.
std::vector<ConsultationState> step_targets(ConsultationState from);

/// A move from `from` as typed: the target must be one of step_targets(from) — skipping a step, staying,
/// moving a notified consultation or reaching 결과통보 without the answer are refused — and going back needs
/// a note (why). Returns the target and the cleaned note.
Result<std::pair<ConsultationState, std::string>> check_step(ConsultationState from, const StepInput& input);

/// The answer (결과통보): allowed only from 분석자료 확인, with the legal basis and the answer text.
Result<ValidAnswer> validate_answer(ConsultationState from, const AnswerInput& input);

/// Experts are invited while the consultation is in 분석·추출.
bool may_invite_experts(ConsultationState state);
/// Analysis opinions are added during 분석·추출 and 분석자료 확인.
bool may_add_opinion(ConsultationState state);
/// An opinion's text, trimmed and within kOpinionMax characters.
Result<std::string> validate_opinion(std::string_view body);

/// The answer's deadline: kAnswerWorkingDays working days after the day of the request.
CivilDate answer_due(const platform::calendar::WorkingCalendar& calendar, CivilDate asked_on);
/// Not answered yet and past its deadline on `today`.
bool is_overdue(ConsultationState state, CivilDate due, CivilDate today);

}  // namespace sotong::audit
