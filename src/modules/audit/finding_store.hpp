// The SQL of a field audit's findings and their follow-up: portable statements over this part's own tables
// (audit_field_findings, audit_field_follow_ups, and audit_field_audits for the year's figures).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "modules/audit/field_audit.hpp"
#include "modules/audit/field_audit_store.hpp"
#include "store/database.hpp"

namespace sotong::audit::finding_store {

using field_audit_store::Organizations;

struct ListQuery {
  Organizations organizations;
  std::vector<FindingState> states;     // any of these; empty for every state
  std::optional<CivilDate> due_before;  // only those due before this day (overdue, with the open states)
  std::int64_t before_id = 0;
  std::int64_t limit = 25;
};

/// At most `limit` findings, newest first (by id).
std::vector<Finding> list(store::Connection& c, const ListQuery& query);
std::int64_t count(store::Connection& c, const ListQuery& query);
std::optional<Finding> find(store::Connection& c, std::int64_t id);
/// The audit's findings, oldest first.
std::vector<Finding> of_audit(store::Connection& c, std::int64_t field_audit_id);
/// The findings waiting for the audited organisation's report (open, or returned for more) due on or before
/// `horizon`, oldest first: what the follow-up reminder job looks at.
std::vector<Finding> awaiting_report_due_by(store::Connection& c, CivilDate horizon);
/// Notes that the reminder `kind` went out for the finding's `due_date`; false when it had already.
bool mark_reminder_sent(store::Connection& c, std::int64_t finding_id, std::string_view kind,
                        const std::string& due_date, Timestamp at);

/// One organisation's findings of the year's audits (audits not cancelled, starting in the year).
struct YearRow {
  std::int64_t organization_id = 0;
  std::int64_t findings = 0;
  std::int64_t amount = 0;
  std::int64_t done = 0;
  std::int64_t overdue = 0;
};
/// Per audited organisation; a finding is overdue when not done and due before `today`.
std::vector<YearRow> year_rows(store::Connection& c, int year, CivilDate today);

std::int64_t insert(store::Connection& c, std::int64_t field_audit_id, std::int64_t organization_id,
                    const ValidFinding& finding, std::int64_t created_by, Timestamp at);
void set_state(store::Connection& c, std::int64_t id, FindingState state, Timestamp at);

void add_follow_up(store::Connection& c, const FollowUp& follow_up);
/// The finding's follow-up, oldest first (names not filled in).
std::vector<FollowUp> follow_ups(store::Connection& c, std::int64_t finding_id);

}  // namespace sotong::audit::finding_store
