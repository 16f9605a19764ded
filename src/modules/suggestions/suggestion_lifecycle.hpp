// The life cycle of a suggestion (SPEC M1): 작성중 → 접수 → 검토 → 의제화 → 추진중 →
// 해결·부분해결·장기검토·수용불가 → 회신 → 종결, with reopening, and the submitter's one appeal. A pure rule:
// the table of transitions says, for each state and action, the state it leads to, who may take it and
// whether a reason is required; `apply` refuses anything else with a Korean message, and `available_actions`
// is what a page offers the person now.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace sotong::suggestions {

enum class State {
  draft,            // 작성중: kept until the submitter submits it
  received,         // 접수
  reviewing,        // 검토
  adopted,          // 의제화: a lead bureau and a due date
  in_progress,      // 추진중
  resolved,         // 해결
  partly_resolved,  // 부분해결
  long_term,        // 장기검토
  rejected,         // 수용불가
  answered,         // 회신: the answer went to the submitter, who may rate it
  closed,           // 종결
};

enum class Action {
  submit,          // 제출
  start_review,    // 검토 시작
  adopt,           // 의제화
  start_progress,  // 추진 시작
  resolve,         // 해결
  resolve_partly,  // 부분해결
  defer,           // 장기검토
  reject,          // 수용불가
  answer,          // 회신
  close,           // 종결
  reopen,          // 다시 열기
  appeal,          // 이의 신청 (once)
};

/// Who the person is to this suggestion; the service works it out from the actor and the record.
enum class Party {
  submitter,    // an officer of the organisation that filed it
  coordinator,  // 시·군정책협력담당 (the triage and the decisions)
  lead_bureau,  // an officer of the bureau leading it
};

struct Transition {
  State from;
  Action action;
  State to;
  std::vector<Party> who;  // any of these may take it
  bool reason_required;
};

/// Every legal transition: the whole rule, in one table (docs/modules/suggestions.md draws it).
std::span<const Transition> transitions();

/// What the person asks for: the action, the reason they gave, and whether the submitter has appealed before.
struct Move {
  Action action;
  std::string reason;
  bool appealed_before = false;
};

/// The state the move leads to, or a Korean refusal (ErrorCode::conflict for an action the state does not
/// allow, forbidden for a person who may not take it, invalid_input for a missing reason, naming `reason`).
Result<State> apply(State from, const Move& move, std::span<const Party> parties);

/// The actions this person may take now, in the table's order: what the page shows, and nothing else.
std::vector<Action> available_actions(State from, std::span<const Party> parties, bool appealed_before);

std::string_view state_code(State state);
std::string_view state_label(State state);
std::optional<State> state_from_code(std::string_view code);
std::string_view action_code(Action action);
std::string_view action_label(Action action);
std::optional<Action> action_from_code(std::string_view code);

/// The states in which the matter is settled and an answer is due (해결·부분해결·장기검토·수용불가).
bool is_outcome(State state);

}  // namespace sotong::suggestions
