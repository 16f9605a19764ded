#include "modules/audit/finding_service.hpp"

#include <algorithm>
#include <map>
#include <utility>

#include "core/korean_text.hpp"
#include "modules/audit/audit_permissions.hpp"
#include "modules/audit/field_audit_rules.hpp"
#include "modules/audit/field_audit_service.hpp"
#include "modules/audit/field_audit_store.hpp"
#include "modules/audit/finding_store.hpp"
#include "platform/accounts/account_store.hpp"
#include "platform/history/history.hpp"
#include "platform/notifications/notifications.hpp"
#include "platform/organizations/organization_directory.hpp"
#include "platform/search/search_index.hpp"

namespace sotong::audit {
namespace {

using platform::OrganizationDirectory;

/// Fills in the organisation's name and path, the audit's title and whether each is overdue today.
void describe(store::Connection& c, std::vector<Finding>& findings) {
  const auto directory = OrganizationDirectory::load(c);
  std::map<std::int64_t, std::string> titles;
  const auto day = seoul_today();
  for (auto& f : findings) {
    if (const auto* o = directory.find(f.organization_id)) {
      f.organization_name = o->name;
      f.organization_path = o->path;
    }
    auto [it, added] = titles.try_emplace(f.field_audit_id);
    if (added)
      if (auto audit = field_audit_store::find(c, f.field_audit_id)) it->second = audit->plan.title;
    f.audit_title = it->second;
    f.overdue = is_overdue(f.state, f.due, day);
  }
}

std::optional<Finding> load_finding(store::Connection& c, std::int64_t id) {
  auto found = finding_store::find(c, id);
  if (!found) return std::nullopt;
  std::vector<Finding> one{std::move(*found)};
  describe(c, one);
  return std::move(one.front());
}

platform::history::Fields history_fields(const Finding& f) {
  return {{"title", f.title},
          {"field_audit_id", f.field_audit_id},
          {"organization_id", f.organization_id},
          {"case_type", code_of<CaseType>(kCaseTypes, f.case_type)},
          {"description", f.description},
          {"amount", f.amount},
          {"recommendation", f.recommendation},
          {"action", code_of<RequiredAction>(kRequiredActions, f.action)},
          {"due_date", format_date(f.due)},
          {"source", f.source},
          {"state", code_of<FindingState>(kFindingStates, f.state)}};
}

Result<Finding> reach_finding(store::Connection& c, const platform::ServiceContext& svc, std::int64_t id,
                              const char* action) {
  auto finding = load_finding(c, id);
  if (!finding || !may_reach(svc.policy, svc.actor, kFieldView, finding->organization_path))
    return Error::not_found(kFindingNotFound);
  if (auto ok = svc.policy.check(svc.actor, action, finding->organization_path); !ok) return ok.error();
  return std::move(*finding);
}

/// One follow-up step: the state, the follow-up entry, history, search and the notification.
Result<void> follow_up(const platform::ServiceContext& svc, std::int64_t id, FollowUpStep step,
                       const char* action, FollowUpKind kind, const std::string& body) {
  return svc.db.write([&](store::Connection& c) -> Result<void> {
    auto before = reach_finding(c, svc, id, action);
    if (!before) return before.error();
    const auto next = apply_follow_up(before->state, step);
    if (!next)
      return Error::conflict("지금 상태(" +
                             std::string(label_of<FindingState>(kFindingStates, before->state)) +
                             ")에서는 할 수 없는 일입니다.");
    finding_store::set_state(c, id, *next, now());
    finding_store::add_follow_up(c, {0, id, kind, body, svc.actor.account_id, "", now()});
    auto after = *before;
    after.state = *next;
    platform::history::record_change(
        c, svc.actor,
        {"field_finding", id, std::string(code_of<FollowUpKind>(kFollowUpKinds, kind)),
         platform::history::to_json(history_fields(*before)),
         platform::history::to_json(history_fields(after))});
    index_finding(c, after);
    const std::string title =
        "지적사항 " + std::string(label_of<FollowUpKind>(kFollowUpKinds, kind)) + ": " + after.title;
    if (kind == FollowUpKind::report) {
      if (auto audit = field_audit_store::find(c, after.field_audit_id))
        platform::notifications::notify(c, audit->created_by, title, after.organization_name + ": " + body,
                                        finding_href(id));
    } else {
      notify_audited(c, after.organization_id, title,
                     body.empty() ? "감사관실이 조치 결과를 확인해 완료했습니다." : body, finding_href(id));
    }
    return {};
  });
}

finding_store::ListQuery query_for(store::Connection& c, const platform::Policy& policy, const Actor& actor,
                                   FindingView view) {
  finding_store::ListQuery q;
  q.organizations = reachable_organizations(c, policy, actor, kFieldView);
  switch (view) {
    case FindingView::all:
      break;
    case FindingView::waiting:
      q.states = {FindingState::open, FindingState::returned};
      break;
    case FindingView::reported:
      q.states = {FindingState::reported};
      break;
    case FindingView::overdue:
      q.states = {FindingState::open, FindingState::returned, FindingState::reported};
      q.due_before = seoul_today();
      break;
    case FindingView::done:
      q.states = {FindingState::done};
      break;
  }
  return q;
}

}  // namespace

std::string finding_href(std::int64_t id) {
  return std::string(kFindingsHref) + "/" + std::to_string(id);
}

Result<std::int64_t> create_finding(const platform::ServiceContext& svc, std::int64_t field_audit_id,
                                    const FindingInput& input) {
  return svc.db.write([&](store::Connection& c) { return create_finding(c, svc, field_audit_id, input); });
}

Result<std::int64_t> create_finding(store::Connection& c, const platform::ServiceContext& svc,
                                    std::int64_t field_audit_id, const FindingInput& input) {
  if (auto allowed = platform::require(svc, kFieldManage); !allowed) return allowed.error();
  {
    auto audit = field_audit_store::find(c, field_audit_id);
    const auto directory = OrganizationDirectory::load(c);
    const auto* organization = audit ? directory.find(audit->organization_id) : nullptr;
    if (!organization || !may_reach(svc.policy, svc.actor, kFieldView, organization->path))
      return Error::not_found(kNotFound);
    if (auto ok = svc.policy.check(svc.actor, kFieldManage, organization->path); !ok) return ok.error();
    if (!apply_step(audit->state, AuditStep::record_finding))
      return Error::conflict("지적사항은 협의를 마친 감사나 끝난 감사에만 등록할 수 있습니다. 지금 상태는 " +
                             std::string(label_of<AuditState>(kAuditStates, audit->state)) + "입니다.");
    auto valid = validate_finding(input);
    if (!valid) return valid.error();
    const auto id =
        finding_store::insert(c, field_audit_id, audit->organization_id, *valid, svc.actor.account_id, now());
    const auto created = load_finding(c, id);
    if (!created) return Error::not_found(kFindingNotFound);
    platform::history::record_change(
        c, svc.actor,
        {"field_finding", id, "create", "", platform::history::to_json(history_fields(*created))});
    index_finding(c, *created);
    notify_audited(c, created->organization_id, "지적사항 통보: " + created->title,
                   "‘" + created->audit_title + "’의 지적사항입니다. " + format_date(created->due) +
                       "까지 조치 결과를 보고해 주십시오.",
                   finding_href(id));
    return id;
  }
}

Result<FindingPage> list_findings(const platform::ServiceContext& svc, FindingView view,
                                  std::int64_t before_id, std::int64_t page_size) {
  if (auto ok = svc.policy.check(svc.actor, kFieldView, svc.actor.organization_path); !ok) return ok.error();
  return svc.db.read([&](store::Connection& c) -> Result<FindingPage> {
    auto q = query_for(c, svc.policy, svc.actor, view);
    q.before_id = before_id;
    q.limit = page_size + 1;
    FindingPage page;
    page.items = finding_store::list(c, q);
    if (static_cast<std::int64_t>(page.items.size()) > page_size) {
      page.items.resize(static_cast<std::size_t>(page_size));
      page.next_before = page.items.back().id;
    }
    describe(c, page.items);
    return page;
  });
}

std::vector<Finding> findings_of_audit(store::Database& db, std::int64_t field_audit_id) {
  return db.read([&](store::Connection& c) {
    auto out = finding_store::of_audit(c, field_audit_id);
    describe(c, out);
    return out;
  });
}

Result<FindingDetail> get_finding(const platform::ServiceContext& svc, std::int64_t id) {
  return svc.db.read([&](store::Connection& c) -> Result<FindingDetail> {
    auto finding = reach_finding(c, svc, id, kFieldView);
    if (!finding) return finding.error();
    FindingDetail detail{std::move(*finding), finding_store::follow_ups(c, id)};
    std::vector<std::int64_t> people;
    for (const auto& f : detail.follow_ups) people.push_back(f.account_id);
    const auto names = platform::account_store::display_names(c, people);
    for (auto& f : detail.follow_ups)
      if (auto it = names.find(f.account_id); it != names.end()) f.account_name = it->second;
    return detail;
  });
}

Result<void> report_finding_action(const platform::ServiceContext& svc, std::int64_t id,
                                   const std::string& body) {
  if (auto allowed = platform::require(svc, kFieldRespond); !allowed) return allowed.error();
  auto text = validate_follow_up_text(body, "body", "조치 내용");
  // Out of reach_finding first (404), then the state (409), then the text (422): the refusal says no more
  // than it may.
  if (!text) {
    auto reached =
        svc.db.read([&](store::Connection& c) { return reach_finding(c, svc, id, kFieldRespond); });
    if (!reached) return reached.error();
    if (!apply_follow_up(reached->state, FollowUpStep::report))
      return Error::conflict("지금 상태에서는 조치 결과를 보고할 수 없습니다.");
    return text.error();
  }
  return follow_up(svc, id, FollowUpStep::report, kFieldRespond, FollowUpKind::report, *text);
}

Result<void> confirm_finding_action(const platform::ServiceContext& svc, std::int64_t id) {
  if (auto allowed = platform::require(svc, kFieldManage); !allowed) return allowed.error();
  return follow_up(svc, id, FollowUpStep::confirm, kFieldManage, FollowUpKind::confirmed, "");
}

Result<void> return_finding_action(const platform::ServiceContext& svc, std::int64_t id,
                                   const std::string& reason) {
  if (auto allowed = platform::require(svc, kFieldManage); !allowed) return allowed.error();
  auto text = validate_follow_up_text(reason, "reason", "보완 요구 사유");
  if (!text) {
    auto reached = svc.db.read([&](store::Connection& c) { return reach_finding(c, svc, id, kFieldManage); });
    if (!reached) return reached.error();
    return text.error();
  }
  return follow_up(svc, id, FollowUpStep::give_back, kFieldManage, FollowUpKind::returned, *text);
}

Result<FieldFigures> field_figures(const platform::ServiceContext& svc, int year) {
  if (auto ok = svc.policy.check(svc.actor, kFieldView, svc.actor.organization_path); !ok) return ok.error();
  return svc.db.read([&](store::Connection& c) -> Result<FieldFigures> {
    const auto reachable = reachable_organizations(c, svc.policy, svc.actor, kFieldView);
    const auto in_reach = [&](std::int64_t id) {
      return !reachable || std::find(reachable->begin(), reachable->end(), id) != reachable->end();
    };
    std::map<std::int64_t, FigureRow> rows;
    for (const auto& [organization, audits] : field_audit_store::count_per_organization(c, year))
      if (in_reach(organization)) rows[organization].audits = audits;
    for (const auto& r : finding_store::year_rows(c, year, seoul_today()))
      if (in_reach(r.organization_id)) {
        auto& row = rows[r.organization_id];
        row.findings = r.findings;
        row.amount = r.amount;
        row.done = r.done;
        row.overdue = r.overdue;
      }
    FieldFigures out;
    out.year = year;
    out.total.organization_name = "합계";
    // In the directory's order (시·군 in their administrative order, then the bureaus).
    const auto directory = OrganizationDirectory::load(c);
    for (const auto& o : directory.all()) {
      auto it = rows.find(o.id);
      if (it == rows.end()) continue;
      auto row = it->second;
      row.organization_id = o.id;
      row.organization_name = o.name;
      out.total.audits += row.audits;
      out.total.findings += row.findings;
      out.total.amount += row.amount;
      out.total.done += row.done;
      out.total.overdue += row.overdue;
      out.rows.push_back(std::move(row));
    }
    return out;
  });
}

std::int64_t count_findings(store::Connection& c, const platform::Policy& policy, const Actor& actor,
                            FindingView view) {
  return finding_store::count(c, query_for(c, policy, actor, view));
}

bool may_view_finding(store::Connection& c, const platform::Policy& policy, const Actor& actor,
                      std::int64_t id) {
  auto finding = load_finding(c, id);
  return finding && may_reach(policy, actor, kFieldView, finding->organization_path);
}

bool may_change_finding_files(store::Connection& c, const platform::Policy& policy, const Actor& actor,
                              std::int64_t id) {
  auto finding = load_finding(c, id);
  if (!finding) return false;
  if (may_reach(policy, actor, kFieldManage, finding->organization_path)) return true;
  return finding->state != FindingState::done &&
         may_reach(policy, actor, kFieldRespond, finding->organization_path);
}

void index_finding(store::Connection& c, const Finding& f) {
  platform::search::index(c, {kFindingSearchSource, f.id, f.title,
                              f.organization_name + " " + f.audit_title + " " +
                                  std::string(label_of<CaseType>(kCaseTypes, f.case_type)) + " " +
                                  f.description + " " + f.recommendation,
                              finding_href(f.id), kFieldView, f.organization_path, f.updated_at});
}

void reindex_findings(store::Connection& c) {
  finding_store::ListQuery q;
  q.limit = 500;
  for (;;) {
    auto batch = finding_store::list(c, q);
    describe(c, batch);
    for (const auto& f : batch) index_finding(c, f);
    if (static_cast<std::int64_t>(batch.size()) < q.limit) return;
    q.before_id = batch.back().id;
  }
}

}  // namespace sotong::audit
