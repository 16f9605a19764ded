#include "modules/suggestions/suggestion_task_force_views.hpp"

#include <algorithm>
#include <map>

#include "modules/suggestions/suggestion_task_force_records.hpp"
#include "modules/suggestions/suggestion_views.hpp"
#include "platform/attachments/attachment_rules.hpp"
#include "platform/calendar/holiday.hpp"

namespace sotong::suggestions {
namespace {

using platform::calendar::format_date;
using render::View;

// The fields of each form on the page, as posted: only these are echoed back after a refusal.
const std::map<std::string, std::vector<std::string>>& panel_fields() {
  static const std::map<std::string, std::vector<std::string>> kFields = {
      {"member", {"account_id", "role"}},
      {"expert", {"name", "affiliation", "field", "role"}},
      {"field_check", {"date", "place", "participants", "findings"}},
      {"report", {"date", "text", "percent"}},
      {"close", {"result", "text"}},
  };
  return kFields;
}

bool has(const std::vector<TaskForceStep>& steps, TaskForceStep step) {
  return std::find(steps.begin(), steps.end(), step) != steps.end();
}

View suggestion_links(const std::vector<LinkedSuggestion>& suggestions) {
  View out = View::list();
  for (const auto& s : suggestions)
    out.push(View::object({{"href", "/suggestions/" + std::to_string(s.id)},
                           {"number", static_cast<long long>(s.id)},
                           {"title", s.title},
                           {"state_label", state_label(s.state)},
                           {"state_badge", state_badge(s.state)}}));
  return out;
}

/// The panel's view: what was typed after a refusal (or `defaults`), each error as error_<field>, and whether
/// it opens.
View panel(const std::string& name, const PanelEcho& echo,
           const std::map<std::string, std::string>& defaults) {
  const bool echoed = echo.panel == name && echo.form != nullptr;
  View v = View::object({{"open", echoed}});
  for (const auto& field : panel_fields().at(name)) {
    auto it = defaults.find(field);
    v.set(field, echoed ? echo.form->get(field) : (it == defaults.end() ? "" : it->second));
  }
  if (echo.panel == name)
    for (const auto& e : echo.errors) v.set("error_" + e.field, e.message);
  return v;
}

template <typename E, std::size_t N>
View term_choices(const std::array<Term<E>, N>& terms, const std::vector<E>& offered,
                  const std::string& selected) {
  View out = View::list();
  for (const auto& t : terms) {
    if (std::find(offered.begin(), offered.end(), t.value) == offered.end()) continue;
    out.push(View::object({{"code", t.code}, {"label", t.label}, {"selected", t.code == selected}}));
  }
  return out;
}

View member_choice_view(const std::vector<MemberChoiceGroup>& groups,
                        const std::vector<TaskForceMember>& team, const std::string& selected) {
  View out = View::list();
  for (const auto& g : groups) {
    View people = View::list();
    for (const auto& p : g.people) {
      const bool on_team = std::any_of(
          team.begin(), team.end(), [&](const TaskForceMember& m) { return m.account_id == p.account_id; });
      if (on_team) continue;
      const std::string label = p.position.empty() ? p.name : p.name + " (" + p.position + ")";
      people.push(View::object({{"id", static_cast<long long>(p.account_id)},
                                {"label", label},
                                {"selected", std::to_string(p.account_id) == selected}}));
    }
    if (!people.empty_list())
      out.push(View::object({{"organization_name", g.organization_name}, {"people", people}}));
  }
  return out;
}

View photos_view(const std::vector<platform::attachments::Attachment>& photos) {
  View out = View::list();
  for (const auto& a : photos)
    out.push(View::object({{"id", static_cast<long long>(a.id)}, {"file_name", a.file_name}}));
  return out;
}

void add_details(View& v, const TaskForceFile& file, const TaskForceDetails& d,
                 const std::vector<MemberChoiceGroup>& choices, CivilDate today, const PanelEcho& echo) {
  const auto& t = file.task_force;
  const bool manage = has(d.steps, TaskForceStep::manage_team);
  v.set("details", true).set("issue", t.issue).set("progress", static_cast<long long>(d.progress));
  if (!t.plan.empty()) v.set("plan", t.plan);
  if (t.plan_updated_at)
    v.set("plan_updated", t.plan_updated_by_name + " · " + format_seoul_minute(*t.plan_updated_at));
  if (t.result) {
    v.set("result_label", task_force_result_label(*t.result)).set("result_text", t.result_text);
    if (t.closed_at) v.set("closed_at", format_seoul_date(*t.closed_at));
  }

  View members = View::list();
  for (const auto& m : d.members)
    members.push(View::object({{"account_id", static_cast<long long>(m.account_id)},
                               {"name", m.name},
                               {"organization_name", m.organization_name},
                               {"position", m.position},
                               {"role_label", team_role_label(m.role)},
                               {"may_remove", manage}}));
  View experts = View::list();
  for (const auto& e : d.experts)
    experts.push(View::object({{"expert_id", static_cast<long long>(e.id)},
                               {"name", e.name},
                               {"affiliation", e.affiliation},
                               {"field", e.field},
                               {"role_label", team_role_label(e.role)},
                               {"may_remove", manage}}));
  View checks = View::list();
  for (const auto& f : d.field_checks) {
    const auto photos = d.photos.find(f.id);
    View photo_list = photos == d.photos.end() ? View::list() : photos_view(photos->second);
    checks.push(View::object({{"href", field_check_url(f.id)},
                              {"date", format_date(f.date)},
                              {"place", f.place},
                              {"participants", f.participants},
                              {"findings", f.findings},
                              {"author", f.created_by_name},
                              {"photos", photo_list},
                              {"has_photos", !photo_list.empty_list()}}));
  }
  View reports = View::list();
  for (auto it = d.reports.rbegin(); it != d.reports.rend(); ++it)
    reports.push(View::object({{"date", format_date(it->date)},
                               {"percent", static_cast<long long>(it->percent)},
                               {"text", it->text},
                               {"author", it->created_by_name}}));
  v.set("members", members)
      .set("has_members", !members.empty_list())
      .set("experts", experts)
      .set("has_experts", !experts.empty_list())
      .set("field_checks", checks)
      .set("has_field_checks", !checks.empty_list())
      .set("reports", reports)
      .set("has_reports", !reports.empty_list())
      .set("may_remove", manage);

  const std::string day = format_date(today);
  if (manage) {
    View member = panel("member", echo, {{"role", "member"}});
    member.set("groups",
               member_choice_view(choices, d.members,
                                  echo.panel == "member" && echo.form ? echo.form->get("account_id") : ""));
    member.set("roles",
               term_choices(kTeamRoles, {TeamRole::leader, TeamRole::secretary, TeamRole::member},
                            echo.panel == "member" && echo.form ? echo.form->get("role") : "member"));
    View expert = panel("expert", echo, {{"role", "adviser"}});
    expert.set("roles",
               term_choices(kTeamRoles, {TeamRole::adviser, TeamRole::member},
                            echo.panel == "expert" && echo.form ? echo.form->get("role") : "adviser"));
    v.set("panel_member", member).set("panel_expert", expert);
  }
  if (has(d.steps, TaskForceStep::edit_plan)) v.set("may_plan", true);
  if (has(d.steps, TaskForceStep::add_field_check))
    v.set("panel_field_check", panel("field_check", echo, {{"date", day}}));
  if (has(d.steps, TaskForceStep::add_report))
    v.set("panel_report", panel("report", echo, {{"date", day}, {"percent", std::to_string(d.progress)}}));
  if (has(d.steps, TaskForceStep::start)) v.set("may_start", true);
  if (has(d.steps, TaskForceStep::close)) {
    View close = panel("close", echo, {});
    View results = View::list();
    const std::string chosen = echo.panel == "close" && echo.form ? echo.form->get("result") : "";
    for (const auto& r : kTaskForceResults)
      results.push(View::object({{"code", r.code}, {"label", r.label}, {"selected", r.code == chosen}}));
    close.set("results", results);
    v.set("panel_close", close);
  }
  if (has(d.steps, TaskForceStep::edit)) v.set("may_edit", true);
  v.set("nothing_to_do", d.steps.empty());
}

}  // namespace

std::string_view task_force_badge(TaskForceStatus status) {
  switch (status) {
    case TaskForceStatus::active:
      return "bg-light-primary";
    case TaskForceStatus::closed:
      return "bg-light-success";
    default:
      return "bg-light-gray";
  }
}

View task_force_row_view(const TaskForceRow& row) {
  const auto& t = row.task_force;
  View suggestions = suggestion_links(row.suggestions);
  return View::object({{"href", task_force_url(t.id)},
                       {"name", t.name},
                       {"status_label", task_force_status_label(t.status)},
                       {"status_badge", task_force_badge(t.status)},
                       {"suggestions", suggestions},
                       {"has_suggestions", !suggestions.empty_list()},
                       {"member", row.member}});
}

View task_force_file_view(const TaskForceFile& file, const std::vector<MemberChoiceGroup>& choices,
                          CivilDate today, const PanelEcho& echo) {
  const auto& t = file.task_force;
  View suggestions = suggestion_links(file.suggestions);
  View v = View::object({{"id", static_cast<long long>(t.id)},
                         {"href", task_force_url(t.id)},
                         {"name", t.name},
                         {"status_label", task_force_status_label(t.status)},
                         {"status_badge", task_force_badge(t.status)},
                         {"suggestions", suggestions},
                         {"has_suggestions", !suggestions.empty_list()},
                         {"formed_on", format_seoul_date(t.created_at)},
                         {"reason_max", static_cast<long long>(kTaskForceTextMaxChars)},
                         {"place_max", static_cast<long long>(kPlaceMaxChars)},
                         {"participants_max", static_cast<long long>(kParticipantsMaxChars)},
                         {"expert_max", static_cast<long long>(kExpertLineMaxChars)}});
  if (file.details) add_details(v, file, *file.details, choices, today, echo);
  return v;
}

View task_force_form_view(const TaskForceInput& input, const std::vector<FieldError>& errors) {
  std::string ids;
  for (const auto& piece : input.suggestion_ids) ids += (ids.empty() ? "" : ", ") + piece;
  View v = View::object({{"name", input.name},
                         {"issue", input.issue},
                         {"suggestion_ids", ids},
                         {"name_max", static_cast<long long>(kTaskForceNameMaxChars)},
                         {"issue_max", static_cast<long long>(kTaskForceTextMaxChars)},
                         {"max_suggestions", static_cast<long long>(kMaxLinkedSuggestions)}});
  for (const auto& e : errors) v.set("error_" + e.field, e.message);
  return v;
}

View plan_form_view(const TaskForceFile& file, const std::string& plan,
                    const std::vector<FieldError>& errors) {
  View v = View::object({{"id", static_cast<long long>(file.task_force.id)},
                         {"href", task_force_url(file.task_force.id)},
                         {"plan", plan},
                         {"plan_max", static_cast<long long>(kPlanMaxChars)}});
  if (file.task_force.plan_updated_at)
    v.set("plan_updated", file.task_force.plan_updated_by_name + " · " +
                              format_seoul_minute(*file.task_force.plan_updated_at));
  for (const auto& e : errors) v.set("error_" + e.field, e.message);
  return v;
}

View field_check_view(const FieldCheckFile& file) {
  const auto& f = file.field_check;
  return View::object({{"task_force_name", file.task_force.name},
                       {"task_force_href", task_force_url(file.task_force.id)},
                       {"date", format_date(f.date)},
                       {"place", f.place},
                       {"participants", f.participants},
                       {"findings", f.findings},
                       {"author", f.created_by_name},
                       {"created_at", format_seoul_minute(f.created_at)},
                       {"photo_types", platform::attachments::accepted_extensions()}});
}

View linked_task_forces_view(const std::vector<TaskForce>& task_forces) {
  View out = View::list();
  for (const auto& t : task_forces)
    out.push(View::object({{"href", task_force_url(t.id)},
                           {"name", t.name},
                           {"status_label", task_force_status_label(t.status)},
                           {"status_badge", task_force_badge(t.status)}}));
  return out;
}

}  // namespace sotong::suggestions
