#include "modules/suggestions/suggestion_relations.hpp"

#include "modules/suggestions/suggestion_deadlines.hpp"
#include "modules/suggestions/suggestion_permissions.hpp"
#include "modules/suggestions/suggestion_records.hpp"
#include "modules/suggestions/suggestion_rules.hpp"
#include "modules/suggestions/suggestion_service.hpp"
#include "modules/suggestions/suggestion_store.hpp"
#include "platform/calendar/calendar_service.hpp"
#include "platform/calendar/holiday.hpp"

namespace sotong::suggestions {
namespace {

std::string numbered(const Suggestion& r) {
  return "#" + std::to_string(r.id) + " " + r.title;
}

/// The other suggestion a merge or link names, if the person may see it and it was submitted.
Result<Suggestion> target_of(Change& ch, const DecisionInput& input) {
  auto id = validate_target(input, ch.before.id);
  if (!id) return id.error();
  auto target = load_described(ch.c, ch.directory, *id);
  if (!target || !can_view_suggestion(ch.svc.policy, ch.svc.actor, *target))
    return Error::invalid("입력 내용을 확인해 주십시오.",
                          {{"target", "그 번호의 건의가 없거나 볼 수 있는 범위 밖에 있습니다."}});
  return std::move(*target);
}

/// A timeline entry and history on the other suggestion of a merge or link.
void note_on_other(Change& ch, const Suggestion& other, std::string kind, std::string detail,
                   std::string body) {
  Change side{ch.svc, ch.c, ch.directory, other, other, {}};
  side.event.kind = std::move(kind);
  side.event.detail = std::move(detail);
  side.event.body = std::move(body);
  commit(side, side.event.kind);
}

}  // namespace

Result<std::string> merge_duplicate(Change& ch, const DecisionInput& input) {
  auto target = target_of(ch, input);
  if (!target) return target.error();
  if (target->state == State::draft || target->merged_into)
    return Error::invalid("입력 내용을 확인해 주십시오.",
                          {{"target", "이미 병합된 건의나 제출하지 않은 건의에는 병합할 수 없습니다."}});
  auto reason = validate_reason(input.reason, "병합 사유", false);
  if (!reason) return reason.error();
  // The duplicate's 시·군 follows the matter on the survivor: it becomes concerned there.
  for (const auto& o : ch.before.concerned) suggestion_store::add_concerned(ch.c, target->id, o.id);
  if (ch.before.organization.id != target->organization.id)
    suggestion_store::add_concerned(ch.c, target->id, ch.before.organization.id);
  ch.after.merged_into = target->id;
  ch.after.state = State::closed;
  ch.after.closed_at = now();
  ch.event.kind = "merge";
  ch.event.from_state = ch.before.state;
  ch.event.to_state = State::closed;
  ch.event.detail = numbered(*target) + "에 병합";
  ch.event.body = *reason;
  commit(ch, "merge");
  note_on_other(ch, *load_described(ch.c, ch.directory, target->id), "merged_in",
                numbered(ch.before) + "을 병합", *reason);
  const std::string body = numbered(ch.before) + " → " + numbered(*target);
  tell(ch.c, ch.svc.actor, submitter_side(ch.c, ch.before), ch.before, "같은 내용의 건의와 합쳐 처리합니다",
       body);
  tell(ch.c, ch.svc.actor, submitter_side(ch.c, *target), *target, "같은 내용의 건의를 합쳐 처리합니다",
       body);
  return "중복 건의를 #" + std::to_string(target->id) + "에 병합했습니다.";
}

Result<std::string> link_related(Change& ch, const DecisionInput& input) {
  auto target = target_of(ch, input);
  if (!target) return target.error();
  if (target->state == State::draft)
    return Error::invalid("입력 내용을 확인해 주십시오.",
                          {{"target", "제출하지 않은 건의는 연결할 수 없습니다."}});
  if (!suggestion_store::add_link(ch.c, ch.before.id, target->id, ch.svc.actor.account_id, now()))
    return Error::conflict("이미 연결된 건의입니다.");
  ch.event.kind = "link";
  ch.event.detail = numbered(*target);
  commit(ch, "link");
  note_on_other(ch, *target, "link", numbered(ch.before), "");
  return std::string("관련 건의로 연결했습니다.");
}

Result<std::string> add_sub_item(Change& ch, const DecisionInput& input) {
  std::vector<FieldError> errors;
  ValidSuggestion filing;
  check_line(input.title, "title", "하위 과제 제목", kTitleMaxChars, filing.title, errors);
  check_text(input.reason, "reason", "하위 과제 내용", kContentMaxChars, false, filing.content, errors);
  auto adoption =
      validate_adoption(input, ch.directory.active_ids(platform::OrganizationKind::bureau), seoul_today());
  if (!adoption)
    for (const auto& e : adoption.error().fields) errors.push_back(e);
  if (!errors.empty()) return Error::invalid("입력 내용을 확인해 주십시오.", std::move(errors));
  filing.domain = ch.before.domain;
  filing.channel = ch.before.channel;
  const Timestamp at = now();
  // The sub-item belongs to the same 시·군 and is adopted at once: the agenda item was decided already.
  const auto id = suggestion_store::insert(ch.c, filing, ch.before.organization.id, State::received,
                                           ch.svc.actor.account_id, at);
  suggestion_store::set_parent(ch.c, id, ch.before.id);
  auto child = *load_described(ch.c, ch.directory, id);
  Change created{ch.svc, ch.c, ch.directory, child, child, {}};
  created.after.state = State::adopted;
  created.after.lead_bureau = ch.directory.ref(adoption->lead_bureau);
  for (std::int64_t b : adoption->cooperating) created.after.cooperating.push_back(ch.directory.ref(b));
  created.after.working_days = adoption->working_days;
  created.after.due_date = due_date(platform::calendar::load(ch.c), seoul_today(), adoption->working_days);
  created.after.adopted_at = at;
  created.event.kind = "adopt";
  created.event.from_state = State::received;
  created.event.to_state = State::adopted;
  created.event.detail = "상위 건의 " + numbered(ch.before) + "의 하위 과제 · 주관 " +
                         created.after.lead_bureau->name + " · 처리 기한 " +
                         platform::calendar::format_date(*created.after.due_date);
  commit(created, "create");
  ch.event.kind = "sub_item";
  ch.event.detail = numbered(created.after) + " (주관 " + created.after.lead_bureau->name + ")";
  commit(ch, "sub_item");
  tell(ch.c, ch.svc.actor, lead_side(ch.c, created.after), created.after, "주관 건의사항이 배정되었습니다",
       created.after.title + " (" + created.event.detail + ")");
  return "하위 과제 #" + std::to_string(id) + "을 추가했습니다.";
}

}  // namespace sotong::suggestions
