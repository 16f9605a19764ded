#include "modules/audit/finding_store.hpp"

#include <string>

#include "modules/audit/field_audit_rules.hpp"
#include "store/conditions.hpp"

namespace sotong::audit::finding_store {
namespace {

constexpr const char* kSelect =
    "SELECT id, field_audit_id, organization_id, title, case_type, description, amount, recommendation, "
    "action, "
    "due_date, source, state, created_by, created_at, updated_at FROM audit_field_findings ";

Finding from_row(const store::Row& row) {
  Finding f;
  f.id = row.int64(0);
  f.field_audit_id = row.int64(1);
  f.organization_id = row.int64(2);
  f.title = row.text(3);
  f.case_type = from_code<CaseType>(kCaseTypes, row.text(4)).value_or(CaseType::other);
  f.description = row.text(5);
  f.amount = row.int64(6);
  f.recommendation = row.text(7);
  f.action = from_code<RequiredAction>(kRequiredActions, row.text(8)).value_or(RequiredAction::correction);
  f.due = parse_date(row.text(9)).value_or(CivilDate{1970, 1, 1});
  f.source = row.text(10);
  f.state = from_code<FindingState>(kFindingStates, row.text(11)).value_or(FindingState::open);
  f.created_by = row.int64(12);
  f.created_at = row.int64(13);
  f.updated_at = row.int64(14);
  return f;
}

std::string code(FindingState state) {
  return std::string(code_of<FindingState>(kFindingStates, state));
}

store::Conditions filters(const ListQuery& query) {
  store::Conditions where;
  if (query.organizations) where.in("organization_id", *query.organizations);
  if (!query.states.empty()) {
    std::vector<store::Value> states;
    for (const auto state : query.states) states.emplace_back(code(state));
    where.in("state", states);
  }
  if (query.due_before) where.add("due_date < ?", {format_date(*query.due_before)});
  return where;
}

}  // namespace

std::vector<Finding> list(store::Connection& c, const ListQuery& query) {
  auto where = filters(query);
  where.before(query.before_id);
  std::vector<Finding> out;
  for (const auto& row :
       c.query(kSelect + where.where() + " ORDER BY id DESC LIMIT ?", where.params_with({query.limit})))
    out.push_back(from_row(row));
  return out;
}

std::int64_t count(store::Connection& c, const ListQuery& query) {
  const auto where = filters(query);
  return c.scalar("SELECT COUNT(*) FROM audit_field_findings" + where.where(), where.params());
}

std::optional<Finding> find(store::Connection& c, std::int64_t id) {
  auto rows = c.query(std::string(kSelect) + "WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return from_row(rows.front());
}

std::vector<Finding> awaiting_report_due_by(store::Connection& c, CivilDate horizon) {
  std::vector<Finding> out;
  for (const auto& row :
       c.query(std::string(kSelect) +
                   "WHERE state IN ('open', 'returned') AND due_date <= ? ORDER BY due_date, id",
               {format_date(horizon)}))
    out.push_back(from_row(row));
  return out;
}

bool mark_reminder_sent(store::Connection& c, std::int64_t finding_id, std::string_view kind,
                        const std::string& due_date, Timestamp at) {
  return c.execute(
             "INSERT INTO audit_finding_reminders (finding_id, kind, due_date, sent_at) VALUES (?, ?, ?, ?) "
             "ON CONFLICT (finding_id, kind, due_date) DO NOTHING",
             {finding_id, std::string(kind), due_date, at}) > 0;
}

std::vector<Finding> of_audit(store::Connection& c, std::int64_t field_audit_id) {
  std::vector<Finding> out;
  for (const auto& row :
       c.query(std::string(kSelect) + "WHERE field_audit_id = ? ORDER BY id", {field_audit_id}))
    out.push_back(from_row(row));
  return out;
}

std::vector<YearRow> year_rows(store::Connection& c, int year, CivilDate today) {
  std::vector<YearRow> out;
  for (const auto& row :
       c.query("SELECT f.organization_id, COUNT(*), CAST(COALESCE(SUM(f.amount), 0) AS BIGINT), "
               "SUM(CASE WHEN f.state = 'done' THEN 1 ELSE 0 END), "
               "SUM(CASE WHEN f.state <> 'done' AND f.due_date < ? THEN 1 ELSE 0 END) "
               "FROM audit_field_findings f JOIN audit_field_audits a ON a.id = f.field_audit_id "
               "WHERE a.state <> 'cancelled' AND a.start_date >= ? AND a.start_date <= ? "
               "GROUP BY f.organization_id ORDER BY f.organization_id",
               {format_date(today), format_date({year, 1, 1}), format_date({year, 12, 31})}))
    out.push_back({row.int64(0), row.int64(1), row.int64(2), row.int64(3), row.int64(4)});
  return out;
}

std::int64_t insert(store::Connection& c, std::int64_t field_audit_id, std::int64_t organization_id,
                    const ValidFinding& finding, std::int64_t created_by, Timestamp at) {
  return c
      .query(
          "INSERT INTO audit_field_findings (field_audit_id, organization_id, title, case_type, description, "
          "amount, recommendation, action, due_date, source, state, created_by, created_at, updated_at) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
          {field_audit_id, organization_id, finding.title, code_of<CaseType>(kCaseTypes, finding.case_type),
           finding.description, finding.amount, finding.recommendation,
           code_of<RequiredAction>(kRequiredActions, finding.action), format_date(finding.due),
           finding.source, code(FindingState::open), created_by, at, at})
      .front()
      .int64(0);
}

void set_state(store::Connection& c, std::int64_t id, FindingState state, Timestamp at) {
  c.execute("UPDATE audit_field_findings SET state = ?, updated_at = ? WHERE id = ?", {code(state), at, id});
}

void add_follow_up(store::Connection& c, const FollowUp& follow_up) {
  c.execute(
      "INSERT INTO audit_field_follow_ups (finding_id, kind, body, account_id, created_at) "
      "VALUES (?, ?, ?, ?, ?)",
      {follow_up.finding_id, code_of<FollowUpKind>(kFollowUpKinds, follow_up.kind), follow_up.body,
       follow_up.account_id, follow_up.created_at});
}

std::vector<FollowUp> follow_ups(store::Connection& c, std::int64_t finding_id) {
  std::vector<FollowUp> out;
  for (const auto& row : c.query("SELECT id, finding_id, kind, body, account_id, created_at FROM "
                                 "audit_field_follow_ups WHERE finding_id = ? ORDER BY id",
                                 {finding_id})) {
    FollowUp f;
    f.id = row.int64(0);
    f.finding_id = row.int64(1);
    f.kind = from_code<FollowUpKind>(kFollowUpKinds, row.text(2)).value_or(FollowUpKind::report);
    f.body = row.text(3);
    f.account_id = row.int64(4);
    f.created_at = row.int64(5);
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace sotong::audit::finding_store
