#include "modules/suggestions/suggestion_steps.hpp"

#include <algorithm>
#include <string>

#include "core/korean_text.hpp"
#include "modules/suggestions/suggestion_deadlines.hpp"

namespace sotong::suggestions {
namespace {

bool has(std::span<const Party> parties, Party p) {
  return std::find(parties.begin(), parties.end(), p) != parties.end();
}

bool in_hand(State s) {
  return s == State::adopted || s == State::in_progress;
}

/// Who may take the step at all, whatever the state.
bool may(Step step, const StepActor& who) {
  const bool coordinator = has(who.parties, Party::coordinator);
  const bool lead = has(who.parties, Party::lead_bureau);
  switch (step) {
    case Step::edit:
    case Step::rate:
      return has(who.parties, Party::submitter);
    case Step::progress:
    case Step::extend:
      return lead || coordinator;
    case Step::transfer:
    case Step::reassign:
    case Step::merge:
    case Step::sub_item:
      return coordinator;
    case Step::link:
      return coordinator || lead;
    case Step::note:
      return coordinator || lead || who.cooperating;
  }
  return false;
}

std::string label(Step step) {
  return std::string(label_of<Step>(kSteps, step));
}

/// Whether the suggestion's state allows the step; the refusal says why.
Result<void> state_allows(Step step, const Suggestion& r) {
  auto refuse = [&](std::string why) { return Error::conflict(std::move(why)); };
  switch (step) {
    case Step::edit:
      if (r.state != State::draft)
        return refuse("제출한 건의는 고칠 수 없습니다. 고칠 내용은 메모나 의견으로 남겨 주십시오.");
      return {};
    case Step::progress:
      if (r.state != State::in_progress) return refuse("추진상황은 ‘추진중’인 건의에만 보고할 수 있습니다.");
      return {};
    case Step::extend:
      if (!in_hand(r.state) || !r.due_date)
        return refuse("처리 기한은 의제화되어 추진 중인 건의에만 연장할 수 있습니다.");
      if (r.extensions >= kMaxExtensions)
        return refuse("처리 기한은 두 번까지만 연장할 수 있습니다. 이미 두 번 연장한 건의입니다.");
      return {};
    case Step::transfer:
    case Step::reassign:
      if (!in_hand(r.state))
        return refuse(with_particle("‘" + label(step) + "’", "은/는") +
                      " 의제화되어 추진 중인 건의에만 할 수 있습니다.");
      return {};
    case Step::rate:
      if (r.state != State::answered && r.state != State::closed)
        return refuse("만족도는 회신을 받은 뒤에 평가할 수 있습니다.");
      if (r.satisfaction) return refuse("이 회신의 만족도는 이미 평가했습니다.");
      return {};
    case Step::note:
      if (r.state == State::draft) return refuse("제출하기 전의 건의에는 메모를 남길 수 없습니다.");
      return {};
    case Step::merge:
      if (r.state != State::received && r.state != State::reviewing)
        return refuse("중복 병합은 의제화하기 전(접수·검토)의 건의에만 할 수 있습니다.");
      return {};
    case Step::link:
      if (r.state == State::draft) return refuse("제출하기 전의 건의는 연결할 수 없습니다.");
      return {};
    case Step::sub_item:
      if (!in_hand(r.state)) return refuse("하위 과제는 의제화되어 추진 중인 건의에만 추가할 수 있습니다.");
      if (r.parent_id)
        return refuse("하위 과제에는 다시 하위 과제를 둘 수 없습니다. 상위 건의에 추가해 주십시오.");
      return {};
  }
  return {};
}

}  // namespace

Result<void> check_step(Step step, const Suggestion& record, const StepActor& who) {
  if (!may(step, who))
    return Error::forbidden(with_particle("‘" + label(step) + "’", "을/를") + " 할 권한이 없습니다.");
  return state_allows(step, record);
}

std::vector<Step> available_steps(const Suggestion& record, const StepActor& who) {
  std::vector<Step> out;
  for (const auto& t : kSteps)
    if (check_step(t.value, record, who)) out.push_back(t.value);
  return out;
}

}  // namespace sotong::suggestions
