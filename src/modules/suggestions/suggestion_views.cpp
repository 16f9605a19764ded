#include "modules/suggestions/suggestion_views.hpp"

#include <algorithm>
#include <string>

#include "modules/suggestions/suggestion_deadlines.hpp"
#include "modules/suggestions/suggestion_handling_rules.hpp"
#include "modules/suggestions/suggestion_rules.hpp"
#include "platform/calendar/holiday.hpp"
#include "platform/web/params.hpp"

namespace sotong::suggestions {
namespace {

using platform::calendar::format_date;
using render::View;

std::string date_or(const std::optional<CivilDate>& date, std::string_view none) {
  return date ? format_date(*date) : std::string(none);
}

std::string organization_names(const std::vector<OrganizationRef>& organizations) {
  std::string out;
  for (const auto& o : organizations) out += (out.empty() ? "" : ", ") + o.name;
  return out;
}

bool in_hand(State s) {
  return s == State::adopted || s == State::in_progress;
}

bool overdue(const Suggestion& r, CivilDate today) {
  return r.due_date && in_hand(r.state) && is_overdue(*r.due_date, today);
}

/// What a timeline entry is called: the action's label for a decision, the step's for the rest.
std::string event_label(const Event& e) {
  if (auto action = action_from_code(e.kind)) return std::string(action_label(*action));
  if (auto step = from_code<Step>(kSteps, e.kind)) return std::string(label_of<Step>(kSteps, *step));
  if (e.kind == "review") return "회의 검토";
  if (e.kind == "merged_in") return "중복 건의 합침";
  return e.kind;
}

View choice_list(const std::vector<Choice>& choices, const std::vector<std::int64_t>& selected,
                 std::string_view prefix) {
  View out = View::list();
  for (const auto& c : choices) {
    const bool on = std::find(selected.begin(), selected.end(), c.id) != selected.end();
    out.push(View::object({{"id", static_cast<long long>(c.id)},
                           {"name", c.name},
                           {"selected", on},
                           {"field_id", std::string(prefix) + std::to_string(c.id)}}));
  }
  return out;
}

/// The options of a plain select: id and name only (a page renders every field of every option, however
/// many panels hold the list).
View option_list(const std::vector<Choice>& choices) {
  View out = View::list();
  for (const auto& c : choices)
    out.push(View::object({{"id", static_cast<long long>(c.id)}, {"name", c.name}}));
  return out;
}

template <typename E, std::size_t N>
View term_list(const std::array<Term<E>, N>& terms, std::string_view selected) {
  View out = View::list();
  for (const auto& t : terms)
    out.push(View::object({{"code", t.code}, {"label", t.label}, {"selected", t.code == selected}}));
  return out;
}

/// The form of one life-cycle action: which fields it asks for, and how its button looks.
View action_form(Action action, const Suggestion& r, const FormChoices& choices, const ReplyHelp& help) {
  const bool reason_required = [&] {
    for (const auto& t : transitions())
      if (t.from == r.state && t.action == action) return t.reason_required;
    return false;
  }();
  View v = View::object({{"code", action_code(action)},
                         {"label", action_label(action)},
                         {"reason_required", reason_required},
                         {"reason_max", static_cast<long long>(kReasonMaxChars)}});
  if (action == Action::adopt) {
    std::vector<std::int64_t> lead;
    if (r.addressed_bureau) lead.push_back(r.addressed_bureau->id);
    v.set("is_adopt", true)
        .set("bureaus", choice_list(choices.bureaus, lead, "lead-"))
        .set("cooperating", choice_list(choices.bureaus, {}, "coop-"))
        .set("review_levels", term_list(kReviewLevels, ""))
        .set("max_working_days", static_cast<long long>(kMaxWorkingDays));
  } else if (action == Action::answer) {
    v.set("is_answer", true);
    View templates = View::list();
    for (const auto& t : help.templates)
      templates.push(View::object({{"title", t.title},
                                   {"href", "/suggestions/" + std::to_string(r.id) +
                                                "?template=" + std::to_string(t.id) + "#decide"}}));
    v.set("reply_templates", templates).set("has_reply_templates", !help.templates.empty());
    if (help.prefill) v.set("prefill", *help.prefill).set("open", true);
  } else {
    v.set("has_reason", true);
  }
  if (action == Action::reject || action == Action::close)
    v.set("confirm", std::string("‘") + std::string(action_label(action)) + "’ 처리할까요?");
  return v;
}

View step_form(Step step, const Suggestion& r, const FormChoices& choices) {
  View v = View::object({{"code", code_of<Step>(kSteps, step)},
                         {"label", label_of<Step>(kSteps, step)},
                         {"reason_max", static_cast<long long>(kReasonMaxChars)}});
  switch (step) {
    case Step::progress:
      v.set("is_progress", true).set("percent", static_cast<long long>(r.progress));
      break;
    case Step::extend:
      v.set("is_extend", true)
          .set("current_due", date_or(r.due_date, ""))
          .set("extensions_left", static_cast<long long>(kMaxExtensions - r.extensions));
      break;
    case Step::transfer:
      v.set("is_transfer", true).set("targets", option_list(choices.transfer_targets));
      break;
    case Step::reassign:
      v.set("is_reassign", true).set("targets", option_list(choices.bureaus));
      break;
    case Step::rate: {
      View scores = View::list();
      static constexpr std::array<const char*, 5> kWords = {"매우 불만족", "불만족", "보통", "만족",
                                                            "매우 만족"};
      for (int s = 5; s >= 1; --s) {
        scores.push(
            View::object({{"score", static_cast<long long>(s)},
                          {"label", std::to_string(s) + "점 " + kWords[static_cast<std::size_t>(s - 1)]}}));
      }
      v.set("is_rate", true).set("scores", scores);
      break;
    }
    case Step::note:
      v.set("is_note", true);
      break;
    case Step::merge:
      v.set("is_target", true).set("target_label", "이 건의를 합칠 건의의 번호").set("has_reason", true);
      break;
    case Step::link:
      v.set("is_target", true).set("target_label", "연결할 건의의 번호");
      break;
    case Step::sub_item:
      v.set("is_sub_item", true)
          .set("bureaus", choice_list(choices.bureaus, {}, "sub-lead-"))
          .set("max_working_days", static_cast<long long>(kMaxWorkingDays));
      break;
    case Step::edit:
      break;
  }
  return v;
}

}  // namespace

std::string_view state_badge(State state) {
  switch (state) {
    case State::resolved:
    case State::answered:
    case State::closed:
      return "bg-light-success";
    case State::rejected:
      return "bg-light-danger";
    case State::adopted:
    case State::in_progress:
    case State::partly_resolved:
      return "bg-light-primary";
    default:
      return "bg-light-gray";
  }
}

View row_view(const Suggestion& r, CivilDate today) {
  // Only what the list rows show: every field costs on each of the page's rows when it renders.
  View v = View::object({{"href", "/suggestions/" + std::to_string(r.id)},
                         {"title", r.title},
                         {"state_label", state_label(r.state)},
                         {"state_badge", state_badge(r.state)},
                         {"organization_name", r.organization.name},
                         {"domain_label", domain_label(r.domain)},
                         {"due_date", date_or(r.due_date, "-")},
                         {"overdue", overdue(r, today)},
                         {"progress", static_cast<long long>(r.progress)}});
  if (r.lead_bureau) v.set("lead_name", r.lead_bureau->name);
  return v;
}

View file_view(const SuggestionFile& file, const FormChoices& choices, const ReplyHelp& help) {
  const auto& r = file.record;
  View v = row_view(r, file.today);
  v.set("id", static_cast<long long>(r.id))
      .set("submitted_at", r.submitted_at ? format_seoul_date(*r.submitted_at) : "-")
      .set("content", r.content)
      .set("channel_label", channel_label(r.channel))
      .set("meeting_channel", r.channel != Channel::direct)
      .set("created_by_name", r.created_by_name)
      .set("created_at", format_seoul_minute(r.created_at))
      .set("desired_date", date_or(r.desired_date, "없음"))
      .set("is_draft", r.state == State::draft)
      .set("internal_visible", file.internal_visible);
  if (r.extensions > 0) v.set("extensions", static_cast<long long>(r.extensions));
  if (!r.concerned.empty()) v.set("concerned", organization_names(r.concerned));
  if (r.addressed_bureau) v.set("addressed_bureau", r.addressed_bureau->name);
  if (!r.cooperating.empty()) v.set("cooperating_names", organization_names(r.cooperating));
  if (r.review_level) {
    v.set("review_level", review_level_label(*r.review_level));
    v.set("next_review", date_or(r.next_review, "정하지 않음"));
  }
  if (!r.answer.empty()) v.set("answer", r.answer);
  if (r.satisfaction) {
    v.set("satisfaction", static_cast<long long>(*r.satisfaction));
    if (!r.satisfaction_comment.empty()) v.set("satisfaction_comment", r.satisfaction_comment);
  }
  if (r.appealed) v.set("appealed", true);

  // Another suggestion as a line of its own: its number with the list row's fields.
  auto summary = [&](const Suggestion& x) {
    View line = row_view(x, file.today);
    line.set("id", static_cast<long long>(x.id));
    return line;
  };
  auto summaries = [&](const std::vector<Suggestion>& list) {
    View out = View::list();
    for (const auto& x : list) out.push(summary(x));
    return out;
  };
  // Lists with a has_… flag each: the template shows a heading only above a list that has rows.
  v.set("related", summaries(file.related)).set("has_related", !file.related.empty());
  v.set("children", summaries(file.children)).set("has_children", !file.children.empty());
  v.set("merged_from", summaries(file.merged_from)).set("has_merged_from", !file.merged_from.empty());
  if (file.merged_into) v.set("merged_into", summary(*file.merged_into));
  if (file.parent) v.set("parent", summary(*file.parent));

  View timeline = View::list();
  for (const auto& e : file.timeline) {
    View entry = View::object({{"label", event_label(e)},
                               {"at", format_seoul_minute(e.created_at)},
                               {"actor", e.actor_name},
                               {"actor_organization", e.actor_organization_name},
                               {"internal", e.internal}});
    if (e.to_state) entry.set("to_state", state_label(*e.to_state));
    if (!e.body.empty()) entry.set("body", e.body);
    if (!e.detail.empty()) entry.set("detail", e.detail);
    if (e.percent) entry.set("percent", static_cast<long long>(*e.percent));
    timeline.push(entry);
  }
  v.set("timeline", timeline);

  View forms = View::list();
  for (Action a : file.actions)
    if (a != Action::submit) forms.push(action_form(a, r, choices, help));
  bool may_edit = false;
  for (Step s : file.steps) {
    if (s == Step::edit)
      may_edit = true;
    else
      forms.push(step_form(s, r, choices));
  }
  const bool may_submit =
      std::find(file.actions.begin(), file.actions.end(), Action::submit) != file.actions.end();
  v.set("forms", forms).set("may_edit", may_edit).set("may_submit", may_submit);
  if (file.actions.empty() && file.steps.empty()) v.set("nothing_to_do", true);
  return v;
}

View filing_view(const SuggestionInput& input, const FormChoices& choices) {
  std::vector<std::int64_t> concerned, addressed, behalf;
  for (const auto& c : input.concerned)
    if (auto id = platform::parse_id(c)) concerned.push_back(*id);
  if (auto id = platform::parse_id(input.addressed_bureau)) addressed.push_back(*id);
  if (auto id = platform::parse_id(input.on_behalf_of)) behalf.push_back(*id);
  return View::object(
      {{"title", input.title},
       {"content", input.content},
       {"desired_date", input.desired_date},
       {"title_max", static_cast<long long>(kTitleMaxChars)},
       {"content_max", static_cast<long long>(kContentMaxChars)},
       {"domains", term_list(kDomains, input.domain)},
       {"municipalities", choice_list(choices.municipalities, concerned, "concerned-")},
       {"bureaus", choice_list(choices.bureaus, addressed, "bureau-")},
       {"coordinator", choices.coordinator},
       {"behalf_choices", choice_list(choices.municipalities, behalf, "behalf-")},
       {"channels", term_list(kChannels, input.channel.empty() ? "policy_council" : input.channel)}});
}

platform::exports::Table list_table(const std::vector<Suggestion>& records, CivilDate today) {
  using platform::exports::ColumnKind;
  platform::exports::Table t;
  t.title = "건의사항 목록";
  t.columns = {{"번호", 8, ColumnKind::number},
               {"제목", 50},
               {"상태", 10},
               {"건의 기관", 14},
               {"정책영역", 8},
               {"주관 실국", 16},
               {"접수일", 12, ColumnKind::date},
               {"처리 기한", 12, ColumnKind::date},
               {"기한 지남", 8},
               {"연장 횟수", 8, ColumnKind::number},
               {"추진율(%)", 8, ColumnKind::number},
               {"만족도", 8, ColumnKind::number}};
  for (const auto& r : records) {
    t.rows.push_back({std::to_string(r.id), r.title, std::string(state_label(r.state)), r.organization.name,
                      std::string(domain_label(r.domain)), r.lead_bureau ? r.lead_bureau->name : "",
                      r.submitted_at ? format_seoul_date(*r.submitted_at) : "", date_or(r.due_date, ""),
                      overdue(r, today) ? "예" : "", std::to_string(r.extensions), std::to_string(r.progress),
                      r.satisfaction ? std::to_string(*r.satisfaction) : ""});
  }
  return t;
}

}  // namespace sotong::suggestions
