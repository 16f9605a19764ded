// The steps of handling that do not move the life cycle: progress reports, extending the due date,
// transferring or reassigning the lead, the submitter's rating, internal notes, editing a draft. Like the
// life cycle, a pure rule: `check_step` refuses in Korean, `available_steps` is what a page offers the person
// now, and a unit test proves the two agree.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "modules/suggestions/suggestion.hpp"

namespace sotong::suggestions {

enum class Step {
  edit,      // 수정: the draft, by its submitter
  progress,  // 추진상황 보고: while in progress, by the lead or the coordinator
  extend,    // 기한 연장: an adopted item with a due date, at most twice, by the lead or the coordinator
  transfer,  // 이송: to another organisation, restarting the clock, by the coordinator
  reassign,  // 주관 실국 변경: keeping the clock, by the coordinator
  rate,      // 만족도 평가: the reply, once per reply, by the submitter
  note,      // 내부 메모: the province side that carries it (coordinator, lead, cooperating bureau)
  merge,  // 중복 병합: a duplicate, before it is adopted, into the one that carries on, by the coordinator
  link,   // 관련 건의 연결: any filed item, by the coordinator or the lead bureau
  sub_item,  // 하위 과제 추가: an agenda item in hand gets a part led by a bureau, by the coordinator
};

inline constexpr std::array<Term<Step>, 10> kSteps = {{
    {Step::edit, "edit", "수정"},
    {Step::progress, "progress", "추진상황 보고"},
    {Step::extend, "extend", "기한 연장"},
    {Step::transfer, "transfer", "이송"},
    {Step::reassign, "reassign", "주관 실국 변경"},
    {Step::rate, "rate", "만족도 평가"},
    {Step::note, "note", "내부 메모"},
    {Step::merge, "merge", "중복 병합"},
    {Step::link, "link", "관련 건의 연결"},
    {Step::sub_item, "sub_item", "하위 과제 추가"},
}};

/// Who the person is beyond the life cycle's parties: a cooperating bureau's officer may write notes.
struct StepActor {
  std::span<const Party> parties;
  bool cooperating = false;  // an officer of a cooperating bureau who may handle suggestions
};

/// Whether this person may take the step on this suggestion now: conflict when its state does not allow it
/// (or the extensions are used up, or it was rated already), forbidden when this person may not.
Result<void> check_step(Step step, const Suggestion& record, const StepActor& who);

/// The steps check_step allows, in kSteps order.
std::vector<Step> available_steps(const Suggestion& record, const StepActor& who);

}  // namespace sotong::suggestions
