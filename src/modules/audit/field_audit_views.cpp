#include "modules/audit/field_audit_views.hpp"

#include <map>
#include <set>
#include <string>

#include "modules/audit/audit_permissions.hpp"
#include "modules/audit/field_audit_rules.hpp"
#include "platform/web/web.hpp"

namespace sotong::audit {
namespace {
using render::View;

template <typename E, std::size_t N>
View choices(const std::array<Term<E>, N>& terms, std::string_view selected) {
  View out = View::list();
  for (const auto& t : terms)
    out.push(View::object({{"code", t.code}, {"label", t.label}, {"selected", t.code == selected}}));
  return out;
}

void add_errors(View& v, const std::vector<FieldError>& errors) {
  v.set("errors", platform::errors_view(errors));
  for (const auto& e : errors) v.set("error_" + e.field, e.message);
}

const char* state_badge(AuditState state) {
  switch (state) {
    case AuditState::consulting:
      return "bg-light-primary";
    case AuditState::agreed:
      return "bg-light-success";
    case AuditState::done:
      return "bg-light-gray";
    case AuditState::cancelled:
      return "bg-light-danger";
  }
  return "bg-light-gray";
}

const char* finding_badge(const Finding& f) {
  if (f.state == FindingState::done) return "bg-light-success";
  if (f.overdue) return "bg-light-danger";
  if (f.state == FindingState::reported) return "bg-light-primary";
  return "bg-light-gray";
}

std::string dates(const AuditPlan& p) {
  return format_date(p.start) + " ~ " + format_date(p.end);
}

/// "3.2~3.6", or "3.2" for one day.
std::string short_dates(const AuditPlan& p) {
  std::string out = std::to_string(p.start.month) + "." + std::to_string(p.start.day);
  if (days_from_civil(p.start) == days_from_civil(p.end)) return out;
  return out + "~" + std::to_string(p.end.month) + "." + std::to_string(p.end.day);
}

View finding_row(const Finding& f) {
  return View::object({{"id", f.id},
                       {"href", finding_href(f.id)},
                       {"title", f.title},
                       {"audit_title", f.audit_title},
                       {"audit_href", field_audit_href(f.field_audit_id)},
                       {"organization_name", f.organization_name},
                       {"case_type", label_of<CaseType>(kCaseTypes, f.case_type)},
                       {"action", label_of<RequiredAction>(kRequiredActions, f.action)},
                       {"amount", format_won(f.amount)},
                       {"due_date", format_date(f.due)},
                       {"state_label", label_of<FindingState>(kFindingStates, f.state)},
                       {"state_badge", finding_badge(f)},
                       {"overdue", f.overdue}});
}

}  // namespace

View plan_form_view(const AuditPlanInput& input, const std::vector<platform::Organization>& organizations,
                    const std::vector<FieldError>& errors) {
  View orgs = View::list();
  for (const auto& o : organizations)
    orgs.push(View::object({{"id", o.id},
                            {"name", o.name},
                            {"group", std::string(platform::kind_label(o.kind))},
                            {"selected", std::to_string(o.id) == input.organization_id}}));
  View v = View::object({{"organizations", std::move(orgs)},
                         {"organization_id", input.organization_id},
                         {"title", input.title},
                         {"kinds", choices(kAuditKinds, input.kind)},
                         {"purpose", input.purpose},
                         {"areas", input.areas},
                         {"methods", choices(kAuditMethods, input.method.empty() ? "field" : input.method)},
                         {"method_note", input.method_note},
                         {"start_date", input.start_date},
                         {"end_date", input.end_date},
                         {"team", input.team},
                         {"note", input.note},
                         {"title_max", static_cast<long long>(kTitleMaxChars)}});
  add_errors(v, errors);
  bool warned = input.confirm_conflict;
  for (const auto& e : errors) warned = warned || e.field == "confirm_conflict";
  v.set("show_confirm", warned).set("confirm_checked", input.confirm_conflict);
  return v;
}

AuditPlanInput plan_input_of(const FieldAudit& a) {
  return {std::to_string(a.organization_id),
          a.plan.title,
          std::string(code_of<AuditKind>(kAuditKinds, a.plan.kind)),
          a.plan.purpose,
          a.plan.areas,
          std::string(code_of<AuditMethod>(kAuditMethods, a.plan.method)),
          a.plan.method_note,
          format_date(a.plan.start),
          format_date(a.plan.end),
          a.plan.team,
          "",
          false};
}

View audit_list_view(const FieldAuditPage& page, const AuditFilter& filter,
                     const std::vector<platform::Organization>& organizations) {
  View rows = View::list();
  for (const auto& a : page.items)
    rows.push(View::object({{"href", field_audit_href(a.id)},
                            {"title", a.plan.title},
                            {"organization_name", a.organization_name},
                            {"kind", label_of<AuditKind>(kAuditKinds, a.plan.kind)},
                            {"dates", dates(a.plan)},
                            {"state_label", label_of<AuditState>(kAuditStates, a.state)},
                            {"state_badge", state_badge(a.state)}}));
  View orgs = View::list();
  for (const auto& o : organizations)
    orgs.push(View::object({{"id", o.id},
                            {"name", o.name},
                            {"selected", filter.organization_id && *filter.organization_id == o.id}}));
  View years = View::list();
  const int this_year = seoul_today().year;
  for (int y = this_year + 1; y >= this_year - 3; --y)
    years.push(View::object({{"year", y}, {"selected", filter.year && *filter.year == y}}));
  const std::string state = filter.state ? std::string(code_of<AuditState>(kAuditStates, *filter.state)) : "";
  View v = View::object({{"records", std::move(rows)},
                         {"organizations", std::move(orgs)},
                         {"years", std::move(years)},
                         {"states", choices(kAuditStates, state)}});
  if (page.next_before != 0) {
    std::string href = std::string(kFieldListHref) + "?before=" + std::to_string(page.next_before);
    if (filter.year) href += "&year=" + std::to_string(*filter.year);
    if (filter.organization_id) href += "&organization_id=" + std::to_string(*filter.organization_id);
    if (!state.empty()) href += "&state=" + state;
    v.set("next_href", href);
  }
  return v;
}

View audit_detail_view(const FieldAuditDetail& d, const std::vector<Finding>& findings,
                       const platform::Policy& policy, const Actor& actor, const OpinionInput& opinion,
                       const std::vector<FieldError>& errors) {
  const auto& a = d.audit;
  const bool manage = may_reach(policy, actor, kFieldManage, a.organization_path);
  const bool respond = may_reach(policy, actor, kFieldRespond, a.organization_path);
  const auto allows = [&](AuditStep step) { return apply_step(a.state, step).has_value(); };
  View warnings = View::list();
  for (const auto& w : d.warnings)
    warnings.push(View::object({{"href", field_audit_href(w.other_id)},
                                {"title", w.other_title},
                                {"dates", w.other_dates},
                                {"gap", w.gap}}));
  View entries = View::list();
  for (const auto& e : d.entries)
    entries.push(View::object(
        {{"label", label_of<PlanEventKind>(kPlanEventKinds, e.kind)},
         {"topic", e.topic ? std::string(label_of<OpinionTopic>(kOpinionTopics, *e.topic)) : std::string()},
         {"has_topic", e.topic.has_value()},
         {"body", e.body},
         {"has_body", !e.body.empty()},
         {"name", e.account_name},
         {"at", format_seoul_minute(e.created_at)}}));
  View finding_rows = View::list();
  for (const auto& f : findings) finding_rows.push(finding_row(f));
  View v =
      View::object({{"id", a.id},
                    {"title", a.plan.title},
                    {"organization_name", a.organization_name},
                    {"kind", label_of<AuditKind>(kAuditKinds, a.plan.kind)},
                    {"purpose", a.plan.purpose},
                    {"areas", a.plan.areas},
                    {"method", label_of<AuditMethod>(kAuditMethods, a.plan.method)},
                    {"method_note", a.plan.method_note},
                    {"has_method_note", !a.plan.method_note.empty()},
                    {"dates", dates(a.plan)},
                    {"team", a.plan.team},
                    {"has_team", !a.plan.team.empty()},
                    {"state_label", label_of<AuditState>(kAuditStates, a.state)},
                    {"state_badge", state_badge(a.state)},
                    {"created_by_name", a.created_by_name},
                    {"created_at", format_seoul_minute(a.created_at)},
                    {"warnings", std::move(warnings)},
                    {"has_warnings", !d.warnings.empty()},
                    {"entries", std::move(entries)},
                    {"findings", std::move(finding_rows)},
                    {"has_findings", !findings.empty()},
                    {"may_revise", manage && allows(AuditStep::revise)},
                    {"may_finish", manage && allows(AuditStep::finish)},
                    {"may_cancel", manage && allows(AuditStep::cancel)},
                    {"may_record_finding", manage && allows(AuditStep::record_finding)},
                    {"may_opinion", respond && allows(AuditStep::opinion)},
                    {"may_agree", respond && allows(AuditStep::agree)},
                    {"topics", choices(kOpinionTopics, opinion.topic.empty() ? "general" : opinion.topic)},
                    {"opinion_body", opinion.body}});
  add_errors(v, errors);
  return v;
}

View calendar_view(const AuditCalendar& calendar) {
  std::set<std::int64_t> warned;
  std::map<std::int64_t, const FieldAudit*> by_id;
  for (const auto& a : calendar.audits) by_id[a.id] = &a;
  View warnings = View::list();
  for (const auto& c : calendar.conflicts) {
    warned.insert(c.earlier);
    warned.insert(c.later);
    const auto* first = by_id[c.earlier];
    const auto* second = by_id[c.later];
    warnings.push(View::object({{"organization", first->organization_name},
                                {"first_title", first->plan.title},
                                {"first_href", field_audit_href(first->id)},
                                {"first_dates", dates(first->plan)},
                                {"second_title", second->plan.title},
                                {"second_href", field_audit_href(second->id)},
                                {"second_dates", dates(second->plan)},
                                {"gap", describe_gap(c)}}));
  }
  // One row per organisation, in the order their first audit of the year starts.
  std::vector<std::int64_t> order;
  std::map<std::int64_t, std::vector<const FieldAudit*>> per_organization;
  for (const auto& a : calendar.audits) {
    if (!per_organization.contains(a.organization_id)) order.push_back(a.organization_id);
    per_organization[a.organization_id].push_back(&a);
  }
  View rows = View::list();
  View list = View::list();
  for (const auto organization : order) {
    const auto& audits = per_organization[organization];
    bool row_warned = false;
    View cells = View::list();
    for (int month = 1; month <= 12; ++month) {
      const auto first = days_from_civil({calendar.year, month, 1});
      const auto last = days_from_civil(month == 12 ? CivilDate{calendar.year + 1, 1, 1}
                                                    : CivilDate{calendar.year, month + 1, 1}) -
                        1;
      View in_month = View::list();
      for (const auto* a : audits)
        if (days_from_civil(a->plan.start) <= last && days_from_civil(a->plan.end) >= first)
          in_month.push(View::object({{"href", field_audit_href(a->id)},
                                      {"label", short_dates(a->plan)},
                                      {"kind", label_of<AuditKind>(kAuditKinds, a->plan.kind)},
                                      {"title", a->plan.title},
                                      {"warn", warned.contains(a->id)}}));
      cells.push(View::object({{"audits", std::move(in_month)}}));
    }
    for (const auto* a : audits) {
      row_warned = row_warned || warned.contains(a->id);
      list.push(View::object({{"organization", a->organization_name},
                              {"href", field_audit_href(a->id)},
                              {"title", a->plan.title},
                              {"dates", dates(a->plan)},
                              {"state_label", label_of<AuditState>(kAuditStates, a->state)},
                              {"state_badge", state_badge(a->state)},
                              {"warn", warned.contains(a->id)}}));
    }
    rows.push(View::object({{"organization", audits.front()->organization_name},
                            {"warn", row_warned},
                            {"cells", std::move(cells)}}));
  }
  View months = View::list();
  for (int m = 1; m <= 12; ++m) months.push(View::object({{"month", m}}));
  const std::string base = "/audit/calendar?year=";
  return View::object({{"year", calendar.year},
                       {"previous_href", base + std::to_string(calendar.year - 1)},
                       {"previous_label", std::to_string(calendar.year - 1) + "년"},
                       {"next_href", base + std::to_string(calendar.year + 1)},
                       {"next_label", std::to_string(calendar.year + 1) + "년"},
                       {"warnings", std::move(warnings)},
                       {"has_warnings", !calendar.conflicts.empty()},
                       {"warning_count", static_cast<long long>(calendar.conflicts.size())},
                       {"months", std::move(months)},
                       {"rows", std::move(rows)},
                       {"list", std::move(list)},
                       {"count", static_cast<long long>(calendar.audits.size())}});
}

View finding_form_view(const FieldAudit& audit, const FindingInput& input,
                       const std::vector<FieldError>& errors) {
  View v = View::object({{"audit_id", audit.id},
                         {"audit_title", audit.plan.title},
                         {"audit_href", field_audit_href(audit.id)},
                         {"organization_name", audit.organization_name},
                         {"title", input.title},
                         {"case_types", choices(kCaseTypes, input.case_type)},
                         {"description", input.description},
                         {"amount", input.amount.empty() ? std::string("0") : input.amount},
                         {"recommendation", input.recommendation},
                         {"actions", choices(kRequiredActions, input.action)},
                         {"due_date", input.due_date},
                         {"source", input.source}});
  add_errors(v, errors);
  return v;
}

View finding_list_view(const FindingPage& page, FindingView view) {
  View rows = View::list();
  for (const auto& f : page.items) rows.push(finding_row(f));
  View views = View::list();
  for (const auto& t : kFindingViews)
    views.push(View::object({{"label", t.label},
                             {"href", std::string(kFindingsHref) + "?status=" + std::string(t.code)},
                             {"current", t.value == view}}));
  View v = View::object({{"records", std::move(rows)},
                         {"views", std::move(views)},
                         {"view_label", label_of<FindingView>(kFindingViews, view)}});
  if (page.next_before != 0)
    v.set("next_href", std::string(kFindingsHref) +
                           "?status=" + std::string(code_of<FindingView>(kFindingViews, view)) +
                           "&before=" + std::to_string(page.next_before));
  return v;
}

View finding_detail_view(const FindingDetail& d, const platform::Policy& policy, const Actor& actor) {
  const auto& f = d.finding;
  const bool manage = may_reach(policy, actor, kFieldManage, f.organization_path);
  const bool respond = may_reach(policy, actor, kFieldRespond, f.organization_path);
  const auto allows = [&](FollowUpStep step) { return apply_follow_up(f.state, step).has_value(); };
  View follow_ups = View::list();
  for (const auto& u : d.follow_ups)
    follow_ups.push(View::object({{"label", label_of<FollowUpKind>(kFollowUpKinds, u.kind)},
                                  {"body", u.body},
                                  {"has_body", !u.body.empty()},
                                  {"name", u.account_name},
                                  {"at", format_seoul_minute(u.created_at)}}));
  View v = finding_row(f);
  v.set("description", f.description)
      .set("recommendation", f.recommendation)
      .set("source", f.source)
      .set("has_recommendation", !f.recommendation.empty())
      .set("has_source", !f.source.empty())
      .set("follow_ups", std::move(follow_ups))
      .set("may_report", respond && allows(FollowUpStep::report))
      .set("may_confirm", manage && allows(FollowUpStep::confirm))
      .set("may_return", manage && allows(FollowUpStep::give_back));
  return v;
}

View figures_view(const FieldFigures& figures) {
  const auto row = [](const FigureRow& r) {
    return View::object({{"organization", r.organization_name},
                         {"audits", r.audits},
                         {"findings", r.findings},
                         {"amount", format_won(r.amount)},
                         {"done", r.done},
                         {"overdue", r.overdue}});
  };
  View rows = View::list();
  for (const auto& r : figures.rows) rows.push(row(r));
  View years = View::list();
  const int this_year = seoul_today().year;
  for (int y = this_year + 1; y >= this_year - 3; --y)
    years.push(View::object({{"year", y}, {"selected", y == figures.year}}));
  return View::object({{"year", figures.year},
                       {"years", std::move(years)},
                       {"rows", std::move(rows)},
                       {"has_rows", !figures.rows.empty()},
                       {"total", row(figures.total)}});
}

platform::exports::Table figures_table(const FieldFigures& figures) {
  using platform::exports::ColumnKind;
  platform::exports::Table t;
  t.title = std::to_string(figures.year) + "년 현장감사 실적";
  t.columns = {{"기관", 16, ColumnKind::text},        {"감사", 8, ColumnKind::number},
               {"지적사항", 10, ColumnKind::number},  {"재정상 조치 금액(원)", 20, ColumnKind::number},
               {"조치 완료", 10, ColumnKind::number}, {"기한 지남", 10, ColumnKind::number}};
  const auto row = [](const FigureRow& r) {
    return std::vector<std::string>{r.organization_name,        std::to_string(r.audits),
                                    std::to_string(r.findings), std::to_string(r.amount),
                                    std::to_string(r.done),     std::to_string(r.overdue)};
  };
  for (const auto& r : figures.rows) t.rows.push_back(row(r));
  t.rows.push_back(row(figures.total));
  return t;
}

boost::json::object audit_json(const FieldAudit& a) {
  return {{"id", a.id},
          {"organization_id", a.organization_id},
          {"organization_name", a.organization_name},
          {"title", a.plan.title},
          {"kind", code_of<AuditKind>(kAuditKinds, a.plan.kind)},
          {"purpose", a.plan.purpose},
          {"areas", a.plan.areas},
          {"method", code_of<AuditMethod>(kAuditMethods, a.plan.method)},
          {"method_note", a.plan.method_note},
          {"start_date", format_date(a.plan.start)},
          {"end_date", format_date(a.plan.end)},
          {"team", a.plan.team},
          {"state", code_of<AuditState>(kAuditStates, a.state)},
          {"created_at", format_iso_utc(a.created_at)},
          {"updated_at", format_iso_utc(a.updated_at)}};
}

boost::json::object finding_json(const Finding& f) {
  return {{"id", f.id},
          {"field_audit_id", f.field_audit_id},
          {"organization_id", f.organization_id},
          {"organization_name", f.organization_name},
          {"title", f.title},
          {"case_type", code_of<CaseType>(kCaseTypes, f.case_type)},
          {"description", f.description},
          {"amount", f.amount},
          {"recommendation", f.recommendation},
          {"action", code_of<RequiredAction>(kRequiredActions, f.action)},
          {"due_date", format_date(f.due)},
          {"source", f.source},
          {"state", code_of<FindingState>(kFindingStates, f.state)},
          {"overdue", f.overdue},
          {"created_at", format_iso_utc(f.created_at)}};
}

}  // namespace sotong::audit
