#include "modules/suggestions/suggestion_lifecycle.hpp"

#include <algorithm>
#include <array>

#include "core/korean_text.hpp"

namespace sotong::suggestions {
namespace {

using enum State;
using enum Action;
constexpr auto kSubmitter = Party::submitter;
constexpr auto kCoordinator = Party::coordinator;
constexpr auto kLead = Party::lead_bureau;

// Reading the table: the submitter files and appeals; the coordinator triages, adopts, decides what is not
// adopted and may act for a bureau; the lead bureau carries an adopted item to its outcome and answers it.
// Every outcome but 해결 says why (the submitter is told), and so do reopening and the appeal.
const std::vector<Transition>& table() {
  static const std::vector<Transition> kRows = {
      {draft, submit, received, {kSubmitter}, false},
      {received, start_review, reviewing, {kCoordinator}, false},
      {received, reject, rejected, {kCoordinator}, true},
      {reviewing, adopt, adopted, {kCoordinator}, false},
      {reviewing, defer, long_term, {kCoordinator}, true},
      {reviewing, reject, rejected, {kCoordinator}, true},
      {adopted, start_progress, in_progress, {kLead, kCoordinator}, false},
      {in_progress, resolve, resolved, {kLead, kCoordinator}, false},
      {in_progress, resolve_partly, partly_resolved, {kLead, kCoordinator}, true},
      {in_progress, defer, long_term, {kLead, kCoordinator}, true},
      {in_progress, reject, rejected, {kLead, kCoordinator}, true},
      {resolved, answer, answered, {kLead, kCoordinator}, false},
      {partly_resolved, answer, answered, {kLead, kCoordinator}, false},
      {long_term, answer, answered, {kLead, kCoordinator}, false},
      {rejected, answer, answered, {kLead, kCoordinator}, false},
      {answered, close, closed, {kCoordinator}, false},
      {answered, appeal, reviewing, {kSubmitter}, true},
      {answered, reopen, reviewing, {kCoordinator}, true},
      {closed, reopen, reviewing, {kCoordinator}, true},
  };
  return kRows;
}

struct StateName {
  State state;
  std::string_view code;
  std::string_view label;
};
constexpr std::array kStates = {
    StateName{draft, "draft", "작성중"},
    StateName{received, "received", "접수"},
    StateName{reviewing, "reviewing", "검토"},
    StateName{adopted, "adopted", "의제화"},
    StateName{in_progress, "in_progress", "추진중"},
    StateName{resolved, "resolved", "해결"},
    StateName{partly_resolved, "partly_resolved", "부분해결"},
    StateName{long_term, "long_term", "장기검토"},
    StateName{rejected, "rejected", "수용불가"},
    StateName{answered, "answered", "회신"},
    StateName{closed, "closed", "종결"},
};

struct ActionName {
  Action action;
  std::string_view code;
  std::string_view label;
};
constexpr std::array kActions = {
    ActionName{submit, "submit", "제출"},      ActionName{start_review, "start_review", "검토 시작"},
    ActionName{adopt, "adopt", "의제화"},      ActionName{start_progress, "start_progress", "추진 시작"},
    ActionName{resolve, "resolve", "해결"},    ActionName{resolve_partly, "resolve_partly", "부분해결"},
    ActionName{defer, "defer", "장기검토"},    ActionName{reject, "reject", "수용불가"},
    ActionName{answer, "answer", "회신"},      ActionName{close, "close", "종결"},
    ActionName{reopen, "reopen", "다시 열기"}, ActionName{appeal, "appeal", "이의 신청"},
};

const Transition* find(State from, Action action) {
  for (const auto& t : table())
    if (t.from == from && t.action == action) return &t;
  return nullptr;
}

bool may_take(const Transition& t, std::span<const Party> parties) {
  return std::any_of(parties.begin(), parties.end(),
                     [&](Party p) { return std::find(t.who.begin(), t.who.end(), p) != t.who.end(); });
}

}  // namespace

std::span<const Transition> transitions() {
  return table();
}

Result<State> apply(State from, const Move& move, std::span<const Party> parties) {
  const Transition* t = find(from, move.action);
  if (!t) {
    return Error::conflict("‘" + std::string(state_label(from)) + "’ 상태에서는 ‘" +
                           std::string(action_label(move.action)) + "’ 처리를 할 수 없습니다.");
  }
  if (!may_take(*t, parties)) {
    return Error{ErrorCode::forbidden,
                 "‘" + std::string(action_label(move.action)) + "’ 처리를 할 권한이 없습니다.",
                 {}};
  }
  if (move.action == appeal && move.appealed_before)
    return Error::conflict("이의 신청은 한 번만 할 수 있습니다. 이미 이의를 신청한 건의입니다.");
  if (t->reason_required && trim(move.reason).empty()) {
    return Error::invalid(
        "입력 내용을 확인해 주십시오.",
        {{"reason", "‘" + std::string(action_label(move.action)) + "’에는 사유를 적어야 합니다."}});
  }
  return t->to;
}

std::vector<Action> available_actions(State from, std::span<const Party> parties, bool appealed_before) {
  std::vector<Action> out;
  for (const auto& t : table()) {
    if (t.from != from || !may_take(t, parties)) continue;
    if (t.action == appeal && appealed_before) continue;
    out.push_back(t.action);
  }
  return out;
}

std::string_view state_code(State state) {
  for (const auto& s : kStates)
    if (s.state == state) return s.code;
  return "draft";
}

std::string_view state_label(State state) {
  for (const auto& s : kStates)
    if (s.state == state) return s.label;
  return "작성중";
}

std::optional<State> state_from_code(std::string_view code) {
  for (const auto& s : kStates)
    if (s.code == code) return s.state;
  return std::nullopt;
}

std::string_view action_code(Action action) {
  for (const auto& a : kActions)
    if (a.action == action) return a.code;
  return "submit";
}

std::string_view action_label(Action action) {
  for (const auto& a : kActions)
    if (a.action == action) return a.label;
  return "제출";
}

std::optional<Action> action_from_code(std::string_view code) {
  for (const auto& a : kActions)
    if (a.code == code) return a.action;
  return std::nullopt;
}

bool is_outcome(State state) {
  return state == resolved || state == partly_resolved || state == long_term || state == rejected;
}

}  // namespace sotong::suggestions
