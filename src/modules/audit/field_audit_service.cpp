#include "modules/audit/field_audit_service.hpp"

#include <algorithm>
#include <map>
#include <utility>

#include "core/korean_text.hpp"
#include "modules/audit/field_audit_store.hpp"
#include "platform/accounts/account_store.hpp"
#include "platform/history/history.hpp"
#include "platform/notifications/notifications.hpp"
#include "platform/organizations/organization_directory.hpp"
#include "platform/search/search_index.hpp"

namespace sotong::audit {
namespace {

using platform::OrganizationDirectory;

/// Fills in the organisation's name and path (which decides who may see the audit) and the planner's name.
void describe(store::Connection& c, const OrganizationDirectory& directory, std::vector<FieldAudit>& audits) {
  std::vector<std::int64_t> people;
  for (const auto& a : audits) people.push_back(a.created_by);
  const auto names = platform::account_store::display_names(c, people);
  for (auto& a : audits) {
    if (const auto* o = directory.find(a.organization_id)) {
      a.organization_name = o->name;
      a.organization_path = o->path;
    }
    if (auto it = names.find(a.created_by); it != names.end()) a.created_by_name = it->second;
  }
}

std::optional<FieldAudit> load(store::Connection& c, std::int64_t id) {
  auto found = field_audit_store::find(c, id);
  if (!found) return std::nullopt;
  std::vector<FieldAudit> one{std::move(*found)};
  describe(c, OrganizationDirectory::load(c), one);
  return std::move(one.front());
}

platform::history::Fields history_fields(const FieldAudit& a) {
  return {{"title", a.plan.title},
          {"organization_id", a.organization_id},
          {"kind", code_of<AuditKind>(kAuditKinds, a.plan.kind)},
          {"purpose", a.plan.purpose},
          {"areas", a.plan.areas},
          {"method", code_of<AuditMethod>(kAuditMethods, a.plan.method)},
          {"method_note", a.plan.method_note},
          {"start_date", format_date(a.plan.start)},
          {"end_date", format_date(a.plan.end)},
          {"team", a.plan.team},
          {"state", code_of<AuditState>(kAuditStates, a.state)}};
}

void record(store::Connection& c, const Actor& actor, std::int64_t id, const char* action,
            const std::optional<FieldAudit>& before, const FieldAudit& after) {
  platform::history::record_change(
      c, actor,
      {"field_audit", id, action, before ? platform::history::to_json(history_fields(*before)) : "",
       platform::history::to_json(history_fields(after))});
}

void add_entry(store::Connection& c, const Actor& actor, std::int64_t audit_id, PlanEventKind kind,
               std::optional<OpinionTopic> topic, const std::string& body) {
  field_audit_store::add_entry(c, {0, audit_id, kind, topic, body, actor.account_id, "", now()});
}

std::string dates_of(const AuditPlan& plan) {
  return format_date(plan.start) + " ~ " + format_date(plan.end);
}

ScheduledAudit scheduled(const FieldAudit& a) {
  return {a.id, a.organization_id, a.plan.start, a.plan.end};
}

/// The warnings of `candidate` against the organisation's other live audits.
std::vector<ScheduleWarning> warnings_for(store::Connection& c, const ScheduledAudit& candidate) {
  std::vector<ScheduledAudit> others;
  std::map<std::int64_t, FieldAudit> by_id;
  for (auto& a : field_audit_store::live_of_organization(c, candidate.organization_id)) {
    others.push_back(scheduled(a));
    by_id.emplace(a.id, std::move(a));
  }
  std::vector<ScheduleWarning> out;
  for (const auto& conflict : conflicts_with(candidate, others)) {
    const std::int64_t other = conflict.earlier == candidate.id ? conflict.later : conflict.earlier;
    const auto it = by_id.find(other);
    if (it == by_id.end()) continue;
    out.push_back({other, it->second.plan.title, dates_of(it->second.plan), describe_gap(conflict)});
  }
  return out;
}

/// Refuses a plan within 30 days of another audit of the organisation unless the person confirmed it.
Result<void> check_schedule(store::Connection& c, const ScheduledAudit& candidate, bool confirmed) {
  if (confirmed) return {};
  const auto warnings = warnings_for(c, candidate);
  if (warnings.empty()) return {};
  std::string message;
  for (const auto& w : warnings) {
    if (!message.empty()) message += " ";
    message += with_particle("‘" + w.other_title + "’(" + w.other_dates + ")", "과/와") + " " + w.gap + ".";
  }
  message += " 그래도 저장하려면 「그래도 저장」을 고르십시오.";
  return Error::invalid("같은 기관의 다른 감사와 30일 안에 있습니다.", {{"confirm_conflict", message}});
}

/// The audit, if the actor may reach it under `action` (view first: out of view reads as not found).
Result<FieldAudit> reach(store::Connection& c, const platform::ServiceContext& svc, std::int64_t id,
                         const char* action) {
  auto audit = load(c, id);
  if (!audit || !may_reach(svc.policy, svc.actor, kFieldView, audit->organization_path))
    return Error::not_found(kNotFound);
  if (auto ok = svc.policy.check(svc.actor, action, audit->organization_path); !ok) return ok.error();
  return std::move(*audit);
}

Error refused_step(AuditState state) {
  return Error::conflict("지금 상태(" + std::string(label_of<AuditState>(kAuditStates, state)) +
                         ")에서는 할 수 없는 일입니다.");
}

/// A step that only changes the state, with its consultation round, history entry and notification.
Result<void> take_step(const platform::ServiceContext& svc, std::int64_t id, AuditStep step,
                       const char* action, PlanEventKind kind, const char* history_action,
                       const std::string& body) {
  return svc.db.write([&](store::Connection& c) -> Result<void> {
    auto before = reach(c, svc, id, action);
    if (!before) return before.error();
    const auto next = apply_step(before->state, step);
    if (!next) return refused_step(before->state);
    field_audit_store::set_state(c, id, *next, now());
    add_entry(c, svc.actor, id, kind, std::nullopt, body);
    auto after = *before;
    after.state = *next;
    record(c, svc.actor, id, history_action, *before, after);
    index_audit(c, after);
    const std::string what = std::string(label_of<PlanEventKind>(kPlanEventKinds, kind));
    const std::string title = "감사협의: " + with_particle("‘" + after.plan.title + "’", "이/가") + " " +
                              std::string(label_of<AuditState>(kAuditStates, *next)) + " 상태가 되었습니다.";
    if (action == std::string(kFieldRespond)) {
      platform::notifications::notify(c, after.created_by, title, after.organization_name + " " + what,
                                      field_audit_href(id));
    } else {
      notify_audited(c, after.organization_id, title, body.empty() ? what : body, field_audit_href(id));
    }
    return {};
  });
}

Result<void> check_organization(store::Connection& c, std::int64_t organization_id) {
  const auto directory = OrganizationDirectory::load(c);
  const auto* o = directory.find(organization_id);
  if (!o || !o->active ||
      (o->kind != platform::OrganizationKind::municipality && o->kind != platform::OrganizationKind::bureau))
    return Error::invalid("입력 내용을 확인해 주십시오.",
                          {{"organization_id", "감사받을 기관은 시·군이나 실국 가운데에서 골라 주십시오."}});
  return {};
}

}  // namespace

void notify_audited(store::Connection& c, std::int64_t organization_id, const std::string& title,
                    const std::string& body, const std::string& url) {
  for (const auto& account :
       platform::account_store::list(c, {.organization_id = organization_id, .active = true}))
    if (std::find(account.roles.begin(), account.roles.end(), Role::municipal) != account.roles.end() ||
        std::find(account.roles.begin(), account.roles.end(), Role::bureau) != account.roles.end())
      platform::notifications::notify(c, account.id, title, body, url);
}

std::string field_audit_href(std::int64_t id) {
  return std::string(kFieldListHref) + "/" + std::to_string(id);
}

std::optional<std::vector<std::int64_t>> reachable_organizations(store::Connection& c,
                                                                 const platform::Policy& policy,
                                                                 const Actor& actor, const char* action) {
  const std::string path = viewable_path(policy, actor, action);
  if (path.empty()) return std::nullopt;
  return OrganizationDirectory::load(c).subtree(path);
}

Result<FieldAuditPage> list_field_audits(const platform::ServiceContext& svc, const AuditFilter& filter,
                                         std::int64_t page_size) {
  if (auto ok = svc.policy.check(svc.actor, kFieldView, svc.actor.organization_path); !ok) return ok.error();
  return svc.db.read([&](store::Connection& c) -> Result<FieldAuditPage> {
    const field_audit_store::ListQuery query{reachable_organizations(c, svc.policy, svc.actor, kFieldView),
                                             filter.year,
                                             filter.organization_id,
                                             filter.state,
                                             filter.before_id,
                                             page_size + 1};
    FieldAuditPage page;
    page.items = field_audit_store::list(c, query);
    if (static_cast<std::int64_t>(page.items.size()) > page_size) {
      page.items.resize(static_cast<std::size_t>(page_size));
      page.next_before = page.items.back().id;
    }
    describe(c, OrganizationDirectory::load(c), page.items);
    return page;
  });
}

Result<FieldAuditDetail> get_field_audit(const platform::ServiceContext& svc, std::int64_t id) {
  return svc.db.read([&](store::Connection& c) -> Result<FieldAuditDetail> {
    auto audit = reach(c, svc, id, kFieldView);
    if (!audit) return audit.error();
    FieldAuditDetail detail{std::move(*audit), field_audit_store::entries(c, id), {}};
    std::vector<std::int64_t> people;
    for (const auto& e : detail.entries) people.push_back(e.account_id);
    const auto names = platform::account_store::display_names(c, people);
    for (auto& e : detail.entries)
      if (auto it = names.find(e.account_id); it != names.end()) e.account_name = it->second;
    if (detail.audit.state != AuditState::cancelled)
      detail.warnings = warnings_for(c, scheduled(detail.audit));
    return detail;
  });
}

Result<std::int64_t> plan_field_audit(const platform::ServiceContext& svc, const AuditPlanInput& input) {
  if (auto allowed = platform::require(svc, kFieldManage); !allowed) return allowed.error();
  auto valid = validate_plan(input);
  if (!valid) return valid.error();
  return svc.db.write([&](store::Connection& c) -> Result<std::int64_t> {
    if (auto ok = check_organization(c, valid->organization_id); !ok) return ok.error();
    const auto* o = OrganizationDirectory::load(c).find(valid->organization_id);
    if (auto ok = svc.policy.check(svc.actor, kFieldManage, o->path); !ok) return ok.error();
    if (auto ok = check_schedule(c, {0, valid->organization_id, valid->plan.start, valid->plan.end},
                                 input.confirm_conflict);
        !ok)
      return ok.error();
    const auto id =
        field_audit_store::insert(c, valid->organization_id, valid->plan, svc.actor.account_id, now());
    add_entry(c, svc.actor, id, PlanEventKind::plan, std::nullopt, valid->note);
    const auto created = load(c, id);
    if (!created) return Error::not_found(kNotFound);
    record(c, svc.actor, id, "create", std::nullopt, *created);
    index_audit(c, *created);
    notify_audited(c, created->organization_id, "감사협의 요청: " + created->plan.title,
                   "감사관실이 " + dates_of(created->plan) +
                       " 감사를 계획했습니다. 목적·분야·일정·방법에 대한 의견을 주십시오.",
                   field_audit_href(id));
    return id;
  });
}

Result<void> revise_field_audit(const platform::ServiceContext& svc, std::int64_t id,
                                const AuditPlanInput& input) {
  return svc.db.write([&](store::Connection& c) -> Result<void> {
    auto before = reach(c, svc, id, kFieldManage);
    if (!before) return before.error();
    const auto next = apply_step(before->state, AuditStep::revise);
    if (!next) return refused_step(before->state);
    // The audited organisation stays what it was: a plan for another one is a new audit.
    auto typed = input;
    typed.organization_id = std::to_string(before->organization_id);
    auto valid = validate_plan(typed);
    if (!valid) return valid.error();
    if (auto ok = check_schedule(c, {id, before->organization_id, valid->plan.start, valid->plan.end},
                                 input.confirm_conflict);
        !ok)
      return ok.error();
    field_audit_store::update_plan(c, id, valid->plan, *next, now());
    add_entry(c, svc.actor, id, PlanEventKind::revision, std::nullopt, valid->note);
    auto after = *before;
    after.plan = valid->plan;
    after.state = *next;
    record(c, svc.actor, id, "update", *before, after);
    index_audit(c, after);
    notify_audited(c, after.organization_id, "감사 계획 수정: " + after.plan.title,
                   valid->note.empty() ? "감사관실이 감사 계획을 수정했습니다. 바뀐 계획을 확인해 주십시오."
                                       : valid->note,
                   field_audit_href(id));
    return {};
  });
}

Result<void> give_audit_opinion(const platform::ServiceContext& svc, std::int64_t id,
                                const OpinionInput& input) {
  auto opinion = validate_opinion(input);
  return svc.db.write([&](store::Connection& c) -> Result<void> {
    auto audit = reach(c, svc, id, kFieldRespond);
    if (!audit) return audit.error();
    if (!apply_step(audit->state, AuditStep::opinion)) return refused_step(audit->state);
    if (!opinion) return opinion.error();
    add_entry(c, svc.actor, id, PlanEventKind::opinion, opinion->topic, opinion->body);
    platform::history::record_change(
        c, svc.actor,
        {"field_audit", id, "opinion", "",
         platform::history::to_json({{"topic", code_of<OpinionTopic>(kOpinionTopics, *opinion->topic)}})});
    platform::notifications::notify(c, audit->created_by, "감사협의 의견: " + audit->plan.title,
                                    audit->organization_name + "(" +
                                        std::string(label_of<OpinionTopic>(kOpinionTopics, *opinion->topic)) +
                                        "): " + opinion->body,
                                    field_audit_href(id));
    return {};
  });
}

Result<void> agree_field_audit(const platform::ServiceContext& svc, std::int64_t id) {
  return take_step(svc, id, AuditStep::agree, kFieldRespond, PlanEventKind::agreement, "agree", "");
}

Result<void> finish_field_audit(const platform::ServiceContext& svc, std::int64_t id) {
  return take_step(svc, id, AuditStep::finish, kFieldManage, PlanEventKind::finish, "finish", "");
}

Result<void> cancel_field_audit(const platform::ServiceContext& svc, std::int64_t id,
                                const std::string& reason) {
  std::string cleaned;
  if (!clean_text(reason, cleaned) || cleaned.empty() || char_count(cleaned) > kOpinionMaxChars)
    return Error::invalid(
        "입력 내용을 확인해 주십시오.",
        {{"reason", "취소 사유를 " + std::to_string(kOpinionMaxChars) + "자 이하로 입력해 주십시오."}});
  return take_step(svc, id, AuditStep::cancel, kFieldManage, PlanEventKind::cancel, "cancel", cleaned);
}

Result<AuditCalendar> audit_calendar(const platform::ServiceContext& svc, int year) {
  if (auto ok = svc.policy.check(svc.actor, kFieldView, svc.actor.organization_path); !ok) return ok.error();
  return svc.db.read([&](store::Connection& c) -> Result<AuditCalendar> {
    AuditCalendar out;
    out.year = year;
    out.audits = field_audit_store::running_between(
        c, reachable_organizations(c, svc.policy, svc.actor, kFieldView), {year, 1, 1}, {year, 12, 31});
    describe(c, OrganizationDirectory::load(c), out.audits);
    std::vector<ScheduledAudit> scheduled_audits;
    for (const auto& a : out.audits) scheduled_audits.push_back(scheduled(a));
    out.conflicts = schedule_conflicts(std::move(scheduled_audits));
    return out;
  });
}

std::vector<platform::Organization> auditable_organizations(store::Database& db) {
  return db.read([](store::Connection& c) {
    const auto directory = OrganizationDirectory::load(c);
    std::vector<platform::Organization> out;
    for (const auto* o : directory.active(platform::OrganizationKind::municipality)) out.push_back(*o);
    for (const auto* o : directory.active(platform::OrganizationKind::bureau)) out.push_back(*o);
    return out;
  });
}

std::int64_t count_audits(store::Connection& c, const platform::Policy& policy, const Actor& actor,
                          std::optional<AuditState> state) {
  return field_audit_store::count(c, reachable_organizations(c, policy, actor, kFieldView), state);
}

void index_audit(store::Connection& c, const FieldAudit& audit) {
  platform::search::index(
      c, {kAuditSearchSource, audit.id, audit.plan.title,
          audit.organization_name + " " + std::string(label_of<AuditKind>(kAuditKinds, audit.plan.kind)) +
              " " + audit.plan.purpose + " " + audit.plan.areas,
          field_audit_href(audit.id), kFieldView, audit.organization_path, audit.updated_at});
}

void reindex_audits(store::Connection& c) {
  field_audit_store::ListQuery query{std::nullopt, std::nullopt, std::nullopt, std::nullopt, 0, 500};
  const auto directory = OrganizationDirectory::load(c);
  for (;;) {
    auto batch = field_audit_store::list(c, query);
    describe(c, directory, batch);
    for (const auto& a : batch) index_audit(c, a);
    if (static_cast<std::int64_t>(batch.size()) < query.limit) return;
    query.before_id = batch.back().id;
  }
}

}  // namespace sotong::audit
