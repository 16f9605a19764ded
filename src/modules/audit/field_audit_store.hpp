// The SQL of field audits and their consultation rounds: portable statements with ? placeholders over this
// part's own tables (audit_field_audits, audit_field_consultations). Callers pass their transaction's
// connection.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/clock.hpp"
#include "modules/audit/field_audit.hpp"
#include "store/database.hpp"

namespace sotong::audit::field_audit_store {

/// Which organisations' audits: nullopt for every organisation, else only these (an organisation subtree).
using Organizations = std::optional<std::vector<std::int64_t>>;

struct ListQuery {
  Organizations organizations;
  std::optional<int> year;                      // audits starting in this year
  std::optional<std::int64_t> organization_id;  // of this organisation only
  std::optional<AuditState> state;
  std::int64_t before_id = 0;  // keyset paging: only ids below this; 0 starts from the newest
  std::int64_t limit = 25;
};

/// At most `limit` audits, newest first (by id). Only this part's columns are filled in.
std::vector<FieldAudit> list(store::Connection& c, const ListQuery& query);
std::optional<FieldAudit> find(store::Connection& c, std::int64_t id);
/// Audits not cancelled that run through some day of [from, to] (inclusive), by start date: the calendar.
std::vector<FieldAudit> running_between(store::Connection& c, const Organizations& organizations,
                                        CivilDate from, CivilDate to);
/// Every audit of the organisation that is not cancelled, by start date: what a new plan is compared with.
std::vector<FieldAudit> live_of_organization(store::Connection& c, std::int64_t organization_id);
/// How many audits of the organisations are in `state`.
std::int64_t count(store::Connection& c, const Organizations& organizations, std::optional<AuditState> state);
/// (organization_id, audits not cancelled starting in `year`).
std::vector<std::pair<std::int64_t, std::int64_t>> count_per_organization(store::Connection& c, int year);

std::int64_t insert(store::Connection& c, std::int64_t organization_id, const AuditPlan& plan,
                    std::int64_t created_by, Timestamp at);
void update_plan(store::Connection& c, std::int64_t id, const AuditPlan& plan, AuditState state,
                 Timestamp at);
void set_state(store::Connection& c, std::int64_t id, AuditState state, Timestamp at);

void add_entry(store::Connection& c, const ConsultationEntry& entry);
/// The audit's consultation rounds, oldest first (names not filled in).
std::vector<ConsultationEntry> entries(store::Connection& c, std::int64_t field_audit_id);

}  // namespace sotong::audit::field_audit_store
