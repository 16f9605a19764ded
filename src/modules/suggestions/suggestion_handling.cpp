#include "modules/suggestions/suggestion_handling.hpp"

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

#include "core/korean_text.hpp"
#include "modules/suggestions/suggestion_change.hpp"
#include "modules/suggestions/suggestion_deadlines.hpp"
#include "modules/suggestions/suggestion_directory.hpp"
#include "modules/suggestions/suggestion_permissions.hpp"
#include "modules/suggestions/suggestion_records.hpp"
#include "modules/suggestions/suggestion_relations.hpp"
#include "modules/suggestions/suggestion_rules.hpp"
#include "modules/suggestions/suggestion_service.hpp"
#include "modules/suggestions/suggestion_steps.hpp"
#include "modules/suggestions/suggestion_store.hpp"
#include "platform/accounts/session_store.hpp"
#include "platform/calendar/calendar_service.hpp"
#include "platform/calendar/holiday.hpp"

namespace sotong::suggestions {
namespace {

using platform::OrganizationKind;
using platform::calendar::format_date;

std::string names(const std::vector<OrganizationRef>& organizations) {
  std::string out;
  for (const auto& o : organizations) out += (out.empty() ? "" : ", ") + o.name;
  return out;
}

// ---- the life cycle ----

/// The extra fields a transition carries, checked and applied to `ch.after`.
Result<void> fill_transition(Change& ch, Action action, const DecisionInput& input) {
  auto& r = ch.after;
  const Timestamp at = now();
  switch (action) {
    case Action::adopt: {
      auto adoption =
          validate_adoption(input, ch.directory.active_ids(OrganizationKind::bureau), seoul_today());
      if (!adoption) return adoption.error();
      r.lead_bureau = ch.directory.ref(adoption->lead_bureau);
      r.cooperating.clear();
      for (std::int64_t id : adoption->cooperating) r.cooperating.push_back(ch.directory.ref(id));
      r.working_days = adoption->working_days;
      r.due_date = due_date(platform::calendar::load(ch.c), seoul_today(), adoption->working_days);
      r.review_level = adoption->review_level;
      r.next_review = adoption->next_review;
      if (!r.adopted_at) r.adopted_at = at;
      ch.event.detail = "주관 " + r.lead_bureau->name;
      if (!r.cooperating.empty()) ch.event.detail += " · 협조 " + names(r.cooperating);
      ch.event.detail += " · 처리 기한 " + format_date(*r.due_date);
      return {};
    }
    case Action::answer: {
      auto text = validate_reason(input.reason, "회신 내용", true);
      if (!text) return text.error();
      r.answer = *text;
      if (!r.answered_at) r.answered_at = at;  // the first answer: what "days to first answer" counts
      ch.event.body = *text;
      return {};
    }
    case Action::resolve:
    case Action::resolve_partly:
    case Action::defer:
    case Action::reject:
      r.outcome_at = at;
      r.outcome = r.state;  // the reply will replace the state; the figures still need what was decided
      break;
    case Action::close:
      r.closed_at = at;
      break;
    case Action::appeal:
      r.appealed = true;
      [[fallthrough]];
    case Action::reopen:
      // A new answer will be due, and the submitter may rate that one again.
      r.closed_at.reset();
      r.satisfaction.reset();
      r.satisfaction_comment.clear();
      r.rated_at.reset();
      break;
    default:
      break;
  }
  auto reason = validate_reason(input.reason, "사유", false);
  if (!reason) return reason.error();
  ch.event.body = *reason;
  return {};
}

Result<std::string> transition(Change& ch, Action action, const DecisionInput& input) {
  const auto parties = parties_of(ch.svc.policy, ch.svc.actor, ch.before);
  auto to = apply(ch.before.state, {action, input.reason, ch.before.appealed}, parties);
  if (!to) return to.error();
  ch.after.state = *to;
  ch.event.kind = std::string(action_code(action));
  ch.event.from_state = ch.before.state;
  ch.event.to_state = *to;
  if (auto ok = fill_transition(ch, action, input); !ok) return ok.error();
  commit(ch, action_code(action));

  const auto& r = ch.after;
  const std::string label(action_label(action));
  const std::string what =
      "‘" + r.title + "’ 건의가 ‘" + std::string(state_label(r.state)) + "’ 상태가 되었습니다";
  std::string body = ch.event.body.empty() ? what + "." : what + ". 사유: " + ch.event.body;
  switch (action) {
    case Action::adopt:
      tell(ch.c, ch.svc.actor, lead_side(ch.c, r), r, "주관 건의사항이 배정되었습니다",
           r.title + " (" + ch.event.detail + ")");
      tell(ch.c, ch.svc.actor, submitter_side(ch.c, r), r, "건의사항이 의제화되었습니다", ch.event.detail);
      break;
    case Action::answer:
      tell(ch.c, ch.svc.actor, submitter_side(ch.c, r), r, "건의사항에 회신이 왔습니다",
           r.title + ". 회신을 읽고 만족도를 평가해 주십시오.");
      break;
    case Action::appeal: {
      auto people = coordinators(ch.c);
      for (auto id : lead_side(ch.c, r)) people.push_back(id);
      tell(ch.c, ch.svc.actor, people, r, "회신에 이의가 신청되었습니다",
           r.title + ". 이의: " + ch.event.body);
      break;
    }
    default:
      tell(ch.c, ch.svc.actor, submitter_side(ch.c, r), r, "건의사항 처리 상황: " + label, body);
      if (ch.before.lead_bureau && !belongs_to(ch.svc.actor, *ch.before.lead_bureau))
        tell(ch.c, ch.svc.actor, lead_side(ch.c, r), r, "주관 건의사항 처리 상황: " + label, body);
      break;
  }
  return with_particle(label, "을/를") + " 처리했습니다.";
}

// ---- the steps beside it ----

Result<std::string> report_progress(Change& ch, const DecisionInput& input) {
  auto report = validate_progress(input);
  if (!report) return report.error();
  ch.after.progress = report->percent;
  ch.event.kind = "progress";
  ch.event.percent = report->percent;
  ch.event.body = report->text;
  commit(ch, "progress");
  tell(ch.c, ch.svc.actor, submitter_side(ch.c, ch.after), ch.after, "건의사항 추진상황이 보고되었습니다",
       ch.after.title + " (" + std::to_string(report->percent) + "%)");
  return std::string("추진상황을 보고했습니다.");
}

Result<std::string> extend(Change& ch, const DecisionInput& input) {
  const auto requested = parse_date(trim(input.due_date));
  if (!requested)
    return Error::invalid("입력 내용을 확인해 주십시오.",
                          {{"due_date", "새 기한을 2026-10-08처럼 날짜로 적어 주십시오."}});
  auto reason = validate_reason(input.reason, "연장 사유", true);
  if (!reason) return reason.error();
  auto due = extend_due(ch.before.extensions, *ch.before.due_date, *requested, *reason);
  if (!due) return due.error();
  ch.after.due_date = *due;
  ch.after.extensions += 1;
  ch.event.kind = "extend";
  ch.event.body = *reason;
  ch.event.detail = format_date(*ch.before.due_date) + " → " + format_date(*due);
  commit(ch, "extend");
  // The submitter is told every extension with its reason, as the national petition rules require.
  tell(ch.c, ch.svc.actor, submitter_side(ch.c, ch.after), ch.after, "건의사항 처리 기한이 연장되었습니다",
       ch.after.title + ": " + ch.event.detail + ". 사유: " + *reason);
  return std::string("처리 기한을 연장했습니다.");
}

/// 이송 (to another organisation, the clock restarting) or 주관 실국 변경 (another bureau, the clock kept).
Result<std::string> change_lead(Change& ch, const DecisionInput& input, bool transfer) {
  std::vector<std::int64_t> allowed = ch.directory.active_ids(OrganizationKind::bureau);
  if (transfer)
    for (std::int64_t id : ch.directory.active_ids(OrganizationKind::agency)) allowed.push_back(id);
  std::optional<std::int64_t> current;
  if (ch.before.lead_bureau) current = ch.before.lead_bureau->id;
  auto target = validate_new_lead(input, allowed, current, transfer ? "이송" : "변경");
  if (!target) return target.error();
  auto reason = validate_reason(input.reason, "사유", true);
  if (!reason) return reason.error();
  ch.after.lead_bureau = ch.directory.ref(*target);
  std::erase_if(ch.after.cooperating, [&](const OrganizationRef& o) { return o.id == *target; });
  const std::string from = ch.before.lead_bureau ? ch.before.lead_bureau->name : "없음";
  ch.event.kind = transfer ? "transfer" : "reassign";
  ch.event.body = *reason;
  ch.event.detail = from + " → " + ch.after.lead_bureau->name;
  if (transfer) {
    auto due = due_after_transfer(platform::calendar::load(ch.c), current.value_or(0), *target, seoul_today(),
                                  std::max(ch.before.working_days, 1), *reason);
    if (!due) return due.error();
    ch.after.due_date = *due;
    ch.event.detail += " · 새 처리 기한 " + format_date(*due);
  }
  commit(ch, ch.event.kind);
  tell(ch.c, ch.svc.actor, lead_side(ch.c, ch.after), ch.after,
       transfer ? "건의사항이 이송되어 왔습니다" : "주관 건의사항이 배정되었습니다",
       ch.after.title + ". 사유: " + *reason);
  tell(ch.c, ch.svc.actor, submitter_side(ch.c, ch.after), ch.after,
       transfer ? "건의사항이 이송되었습니다" : "건의사항의 주관 실국이 바뀌었습니다",
       ch.after.title + ": " + ch.event.detail + ". 사유: " + *reason);
  return std::string(transfer ? "이송했습니다." : "주관 실국을 바꾸었습니다.");
}

Result<std::string> rate(Change& ch, const DecisionInput& input) {
  auto rating = validate_rating(input);
  if (!rating) return rating.error();
  ch.after.satisfaction = rating->score;
  ch.after.rated_at = now();
  ch.after.satisfaction_comment = rating->comment;
  ch.event.kind = "rate";
  ch.event.detail = std::to_string(rating->score) + "점";
  ch.event.body = rating->comment;
  commit(ch, "rate");
  auto people = coordinators(ch.c);
  for (auto id : lead_side(ch.c, ch.after)) people.push_back(id);
  tell(ch.c, ch.svc.actor, people, ch.after, "회신 만족도가 평가되었습니다",
       ch.after.title + ": " + ch.event.detail);
  return std::string("만족도를 평가했습니다. 고맙습니다.");
}

Result<std::string> note(Change& ch, const DecisionInput& input) {
  auto text = validate_reason(input.reason, "메모", true);
  if (!text) return text.error();
  // Every mention must reach someone who may read the note; otherwise nothing is written and the writer
  // learns whom the note cannot reach.
  std::vector<std::int64_t> mentioned;
  std::vector<std::string> unreachable;
  for (const auto& login : mentioned_logins(*text)) {
    // The actor a mentioned account would be, to ask whether they may read internal notes.
    const auto person = platform::sessions::load_actor_by_login(ch.c, login);
    if (person && can_read_internal(ch.svc.policy, *person, ch.before))
      mentioned.push_back(person->account_id);
    else
      unreachable.push_back("@" + login);
  }
  if (!unreachable.empty()) {
    std::string list;
    for (const auto& u : unreachable) list += (list.empty() ? "" : ", ") + u;
    return Error::invalid(
        "입력 내용을 확인해 주십시오.",
        {{"reason", list + ": 없는 아이디이거나 이 건의의 내부 메모를 볼 수 없는 사람입니다."}});
  }
  ch.event.kind = "note";
  ch.event.internal = true;
  ch.event.body = *text;
  commit(ch, "note");
  tell(ch.c, ch.svc.actor, mentioned, ch.after, ch.svc.actor.display_name + " 님이 메모에서 언급했습니다",
       ch.after.title + ": " + truncate_chars(*text, 80));
  return std::string("메모를 남겼습니다.");
}

Result<std::string> take_step(Change& ch, Step step, const DecisionInput& input) {
  const auto parties = parties_of(ch.svc.policy, ch.svc.actor, ch.before);
  const bool cooperating = ch.svc.policy.allows(ch.svc.actor, kHandle) &&
                           std::any_of(ch.before.cooperating.begin(), ch.before.cooperating.end(),
                                       [&](const OrganizationRef& o) { return belongs_to(ch.svc.actor, o); });
  if (auto ok = check_step(step, ch.before, {parties, cooperating}); !ok) return ok.error();
  switch (step) {
    case Step::progress:
      return report_progress(ch, input);
    case Step::extend:
      return extend(ch, input);
    case Step::transfer:
      return change_lead(ch, input, true);
    case Step::reassign:
      return change_lead(ch, input, false);
    case Step::rate:
      return rate(ch, input);
    case Step::note:
      return note(ch, input);
    case Step::merge:
      return merge_duplicate(ch, input);
    case Step::link:
      return link_related(ch, input);
    case Step::sub_item:
      return add_sub_item(ch, input);
    case Step::edit:
      break;
  }
  return Error::conflict("임시 저장한 건의는 수정 화면에서 고칩니다.");
}

}  // namespace

Result<std::string> handle_suggestion(const platform::ServiceContext& svc, std::int64_t id,
                                      const DecisionInput& input) {
  const auto action = action_from_code(trim(input.action));
  const auto step = from_code<Step>(kSteps, trim(input.action));
  if ((!action && !step) || action == Action::submit)
    return Error::invalid("입력 내용을 확인해 주십시오.",
                          {{"action", "할 일을 화면의 단추로 골라 주십시오."}});
  return svc.db.write([&](store::Connection& c) -> Result<std::string> {
    const auto directory = Directory::load(c);
    auto found = load_described(c, directory, id);
    if (!found || !can_view_suggestion(svc.policy, svc.actor, *found)) return Error::not_found(kNotFound);
    Change ch{svc, c, directory, *found, *found, {}};
    return action ? transition(ch, *action, input) : take_step(ch, *step, input);
  });
}

Result<void> record_review(const platform::ServiceContext& svc, std::int64_t id,
                           const platform::ReviewDecision& decision) {
  std::vector<FieldError> errors;
  std::string meeting, summary;
  check_line(decision.meeting, "meeting", "회의 이름", kTitleMaxChars, meeting, errors);
  check_text(decision.summary, "summary", "회의 결정", kReasonMaxChars, true, summary, errors);
  if (decision.next_review && days_from_civil(*decision.next_review) < days_from_civil(seoul_today()))
    errors.push_back({"next_review", "다음 점검일은 오늘이나 그 뒤의 날짜로 적어 주십시오."});
  if (!errors.empty()) return Error::invalid("입력 내용을 확인해 주십시오.", std::move(errors));
  std::optional<Action> action;
  if (!trim(decision.action).empty()) {
    action = action_from_code(trim(decision.action));
    if (!action || *action == Action::submit)
      return Error::invalid("입력 내용을 확인해 주십시오.",
                            {{"action", "건의사항에서 할 수 없는 처리입니다."}});
  }
  return svc.db.write([&](store::Connection& c) -> Result<void> {
    const auto directory = Directory::load(c);
    auto found = load_described(c, directory, id);
    if (!found || !can_view_suggestion(svc.policy, svc.actor, *found)) return Error::not_found(kNotFound);
    const auto parties = parties_of(svc.policy, svc.actor, *found);
    if (std::none_of(parties.begin(), parties.end(), [](Party p) { return p != Party::submitter; }))
      return Error::forbidden("회의 결정은 시·군정책협력담당이나 주관 실국이 기록합니다.");
    Change review{svc, c, directory, *found, *found, {}};
    if (decision.next_review) review.after.next_review = decision.next_review;
    review.event.kind = "review";
    review.event.body = summary;
    review.event.detail = meeting;
    commit(review, "review");
    tell(c, svc.actor, submitter_side(c, review.after), review.after, "회의에서 건의사항을 검토했습니다",
         review.after.title + " (" + meeting + ")");
    if (!action) return {};
    // The step the meeting decided, under the life cycle's rules; a refusal rolls the whole record back.
    Change step{svc, c, directory, review.after, review.after, {}};
    DecisionInput input;
    input.action = std::string(action_code(*action));
    input.reason = decision.reason;
    auto moved = transition(step, *action, input);
    if (!moved) return moved.error();
    return {};
  });
}

}  // namespace sotong::suggestions
