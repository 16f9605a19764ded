#include "modules/audit/field_audit_store.hpp"

#include <string>

#include "modules/audit/field_audit_rules.hpp"
#include "store/conditions.hpp"

namespace sotong::audit::field_audit_store {
namespace {

constexpr const char* kSelect =
    "SELECT id, organization_id, title, kind, purpose, areas, method, method_note, start_date, end_date, "
    "team, "
    "state, created_by, created_at, updated_at FROM audit_field_audits ";

CivilDate read_date(const std::string& text) {
  return parse_date(text).value_or(CivilDate{1970, 1, 1});
}

FieldAudit from_row(const store::Row& row) {
  FieldAudit r;
  r.id = row.int64(0);
  r.organization_id = row.int64(1);
  r.plan.title = row.text(2);
  r.plan.kind = from_code<AuditKind>(kAuditKinds, row.text(3)).value_or(AuditKind::other);
  r.plan.purpose = row.text(4);
  r.plan.areas = row.text(5);
  r.plan.method = from_code<AuditMethod>(kAuditMethods, row.text(6)).value_or(AuditMethod::field);
  r.plan.method_note = row.text(7);
  r.plan.start = read_date(row.text(8));
  r.plan.end = read_date(row.text(9));
  r.plan.team = row.text(10);
  r.state = from_code<AuditState>(kAuditStates, row.text(11)).value_or(AuditState::consulting);
  r.created_by = row.int64(12);
  r.created_at = row.int64(13);
  r.updated_at = row.int64(14);
  return r;
}

/// Narrows to the given organisations, when the actor's scope is not the whole province.
void scope(store::Conditions& where, const Organizations& organizations) {
  if (organizations) where.in("organization_id", *organizations);
}

std::string code(AuditState state) {
  return std::string(code_of<AuditState>(kAuditStates, state));
}

}  // namespace

std::vector<FieldAudit> list(store::Connection& c, const ListQuery& query) {
  store::Conditions where;
  scope(where, query.organizations);
  if (query.year)
    where.add("start_date >= ? AND start_date <= ?",
              {format_date({*query.year, 1, 1}), format_date({*query.year, 12, 31})});
  if (query.organization_id) where.add("organization_id = ?", {*query.organization_id});
  if (query.state) where.add("state = ?", {code(*query.state)});
  where.before(query.before_id);
  std::vector<FieldAudit> out;
  for (const auto& row :
       c.query(kSelect + where.where() + " ORDER BY id DESC LIMIT ?", where.params_with({query.limit})))
    out.push_back(from_row(row));
  return out;
}

std::optional<FieldAudit> find(store::Connection& c, std::int64_t id) {
  auto rows = c.query(std::string(kSelect) + "WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return from_row(rows.front());
}

std::vector<FieldAudit> running_between(store::Connection& c, const Organizations& organizations,
                                        CivilDate from, CivilDate to) {
  store::Conditions where;
  where.add("state <> 'cancelled' AND start_date <= ? AND end_date >= ?",
            {format_date(to), format_date(from)});
  scope(where, organizations);
  std::vector<FieldAudit> out;
  for (const auto& row : c.query(kSelect + where.where() + " ORDER BY start_date, id", where.params()))
    out.push_back(from_row(row));
  return out;
}

std::vector<FieldAudit> live_of_organization(store::Connection& c, std::int64_t organization_id) {
  std::vector<FieldAudit> out;
  for (const auto& row :
       c.query(std::string(kSelect) +
                   "WHERE organization_id = ? AND state <> 'cancelled' ORDER BY start_date, id",
               {organization_id}))
    out.push_back(from_row(row));
  return out;
}

std::int64_t count(store::Connection& c, const Organizations& organizations,
                   std::optional<AuditState> state) {
  store::Conditions where;
  scope(where, organizations);
  if (state) where.add("state = ?", {code(*state)});
  return c.scalar("SELECT COUNT(*) FROM audit_field_audits" + where.where(), where.params());
}

std::vector<std::pair<std::int64_t, std::int64_t>> count_per_organization(store::Connection& c, int year) {
  std::vector<std::pair<std::int64_t, std::int64_t>> out;
  for (const auto& row :
       c.query("SELECT organization_id, COUNT(*) FROM audit_field_audits WHERE state <> 'cancelled' AND "
               "start_date >= ? AND start_date <= ? GROUP BY organization_id ORDER BY organization_id",
               {format_date({year, 1, 1}), format_date({year, 12, 31})}))
    out.emplace_back(row.int64(0), row.int64(1));
  return out;
}

std::int64_t insert(store::Connection& c, std::int64_t organization_id, const AuditPlan& plan,
                    std::int64_t created_by, Timestamp at) {
  return c
      .query(
          "INSERT INTO audit_field_audits (organization_id, title, kind, purpose, areas, method, "
          "method_note, "
          "start_date, end_date, team, state, created_by, created_at, updated_at) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
          {organization_id, plan.title, code_of<AuditKind>(kAuditKinds, plan.kind), plan.purpose, plan.areas,
           code_of<AuditMethod>(kAuditMethods, plan.method), plan.method_note, format_date(plan.start),
           format_date(plan.end), plan.team, code(AuditState::consulting), created_by, at, at})
      .front()
      .int64(0);
}

void update_plan(store::Connection& c, std::int64_t id, const AuditPlan& plan, AuditState state,
                 Timestamp at) {
  c.execute(
      "UPDATE audit_field_audits SET title = ?, kind = ?, purpose = ?, areas = ?, method = ?, "
      "method_note = ?, start_date = ?, end_date = ?, team = ?, state = ?, updated_at = ? WHERE id = ?",
      {plan.title, code_of<AuditKind>(kAuditKinds, plan.kind), plan.purpose, plan.areas,
       code_of<AuditMethod>(kAuditMethods, plan.method), plan.method_note, format_date(plan.start),
       format_date(plan.end), plan.team, code(state), at, id});
}

void set_state(store::Connection& c, std::int64_t id, AuditState state, Timestamp at) {
  c.execute("UPDATE audit_field_audits SET state = ?, updated_at = ? WHERE id = ?", {code(state), at, id});
}

void add_entry(store::Connection& c, const ConsultationEntry& entry) {
  std::optional<std::string> topic;
  if (entry.topic) topic = std::string(code_of<OpinionTopic>(kOpinionTopics, *entry.topic));
  c.execute(
      "INSERT INTO audit_field_consultations (field_audit_id, kind, topic, body, account_id, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?)",
      {entry.field_audit_id, code_of<PlanEventKind>(kPlanEventKinds, entry.kind), topic, entry.body,
       entry.account_id, entry.created_at});
}

std::vector<ConsultationEntry> entries(store::Connection& c, std::int64_t field_audit_id) {
  std::vector<ConsultationEntry> out;
  for (const auto& row : c.query("SELECT id, field_audit_id, kind, topic, body, account_id, created_at FROM "
                                 "audit_field_consultations WHERE field_audit_id = ? ORDER BY id",
                                 {field_audit_id})) {
    ConsultationEntry e;
    e.id = row.int64(0);
    e.field_audit_id = row.int64(1);
    e.kind = from_code<PlanEventKind>(kPlanEventKinds, row.text(2)).value_or(PlanEventKind::opinion);
    if (auto topic = row.optional_text(3)) e.topic = from_code<OpinionTopic>(kOpinionTopics, *topic);
    e.body = row.text(4);
    e.account_id = row.int64(5);
    e.created_at = row.int64(6);
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace sotong::audit::field_audit_store
