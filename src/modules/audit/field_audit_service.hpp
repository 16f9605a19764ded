// Use cases of field audits and their pre-audit consultation (감사협의), verb–noun: check the policy against
// the audited organisation, validate with the rules, then read, or write in one transaction together with the
// consultation round, the change history, the search document and the notifications.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "modules/audit/audit_permissions.hpp"
#include "modules/audit/field_audit.hpp"
#include "modules/audit/field_audit_rules.hpp"
#include "modules/audit/field_audit_schedule.hpp"
#include "platform/organizations/organization.hpp"
#include "platform/policy.hpp"
#include "platform/service_context.hpp"
#include "store/database.hpp"

namespace sotong::audit {

inline constexpr const char* kNotFound = "찾으시는 감사가 없거나 볼 수 있는 범위 밖에 있습니다.";
inline constexpr const char* kFieldListHref = "/audit/field";
/// The search sources of this part: audits, and their findings.
inline constexpr const char* kAuditSearchSource = "audit_field";

/// "/audit/field/12"
std::string field_audit_href(std::int64_t id);

struct AuditFilter {
  std::optional<int> year;
  std::optional<std::int64_t> organization_id;
  std::optional<AuditState> state;
  std::int64_t before_id = 0;
};

struct FieldAuditPage {
  std::vector<FieldAudit> items;
  std::int64_t next_before = 0;  // the `before` of the next page; 0 on the last page
};

/// Another audit of the same organisation too close to this one, as a warning to show.
struct ScheduleWarning {
  std::int64_t other_id = 0;
  std::string other_title;
  std::string other_dates;  // "2026-03-02 ~ 2026-03-06"
  std::string gap;          // describe_gap
};

/// An audit with its consultation rounds (names filled in) and its warnings.
struct FieldAuditDetail {
  FieldAudit audit;
  std::vector<ConsultationEntry> entries;
  std::vector<ScheduleWarning> warnings;
};

/// The audits the actor may view (the audited organisation's subtree; the audit office every one), newest
/// first, `page_size` from filter.before_id. Forbidden without kFieldView.
Result<FieldAuditPage> list_field_audits(const platform::ServiceContext& svc, const AuditFilter& filter,
                                         std::int64_t page_size);

/// One audit; not_found also when it is outside the actor's reach (a refusal does not tell it exists).
Result<FieldAuditDetail> get_field_audit(const platform::ServiceContext& svc, std::int64_t id);

/// The audit office plans an audit of a 시·군 or a bureau: the consultation starts (협의 중) and the audited
/// organisation is told. A plan within 30 days of another audit of that organisation is refused with the
/// warning on field `confirm_conflict` until input.confirm_conflict is set.
/// Tells the audited organisation's officers (the 시·군 and bureau accounts of that organisation itself)
/// about one of its audits or findings: the field-audit and finding services and the follow-up reminder job.
void notify_audited(store::Connection& c, std::int64_t organization_id, const std::string& title,
                    const std::string& body, const std::string& url);

Result<std::int64_t> plan_field_audit(const platform::ServiceContext& svc, const AuditPlanInput& input);

/// The audit office changes the plan (in response to an opinion, with a note): each change is a history entry
/// and a consultation round; an agreed plan goes back to 협의 중. The organisation cannot change.
Result<void> revise_field_audit(const platform::ServiceContext& svc, std::int64_t id,
                                const AuditPlanInput& input);

/// The audited organisation's opinion on the plan (one round, kept with who and when); the planner is told.
Result<void> give_audit_opinion(const platform::ServiceContext& svc, std::int64_t id,
                                const OpinionInput& input);

/// The audited organisation agrees to the plan: 협의 완료; the planner is told.
Result<void> agree_field_audit(const platform::ServiceContext& svc, std::int64_t id);

/// The audit office ends an agreed audit (감사 종료).
Result<void> finish_field_audit(const platform::ServiceContext& svc, std::int64_t id);

/// The audit office cancels an audit not yet done, with a reason the audited organisation is told.
Result<void> cancel_field_audit(const platform::ServiceContext& svc, std::int64_t id,
                                const std::string& reason);

/// The year's calendar as the actor may see it: audits running in the year and the warnings among them.
struct AuditCalendar {
  int year = 0;
  std::vector<FieldAudit> audits;  // by start date, names filled in
  std::vector<ScheduleConflict> conflicts;
};
Result<AuditCalendar> audit_calendar(const platform::ServiceContext& svc, int year);

/// The organisations an audit may be planned for (시·군 and bureaus, active), in the directory's order.
std::vector<platform::Organization> auditable_organizations(store::Database& db);

/// How many audits of the actor's reach wait in `state` (home tasks).
std::int64_t count_audits(store::Connection& c, const platform::Policy& policy, const Actor& actor,
                          std::optional<AuditState> state);

/// The organisations whose records the actor may see under `action`: nullopt for all of them.
std::optional<std::vector<std::int64_t>> reachable_organizations(store::Connection& c,
                                                                 const platform::Policy& policy,
                                                                 const Actor& actor, const char* action);

/// Rewrites the audit's search document (on the caller's connection).
void index_audit(store::Connection& c, const FieldAudit& audit);
/// Indexes every audit: the search source's rebuild.
void reindex_audits(store::Connection& c);

}  // namespace sotong::audit
