#include "modules/suggestions/suggestion_task_force_store.hpp"

#include <map>
#include <utility>

#include "platform/calendar/holiday.hpp"

namespace sotong::suggestions::task_force_store {
namespace {

// What every read needs; the long texts come after, and only a single record reads them, so that a list page
// never copies the plans of twenty-five teams.
constexpr const char* kColumns =
    "id, name, status, plan_updated_by, plan_updated_at, result, created_by, created_at, started_at, "
    "closed_at, "
    "updated_at";
constexpr std::size_t kLongColumn = 11;
constexpr const char* kLongColumns = ", issue, plan, result_text";

TaskForce from_row(const store::Row& row) {
  TaskForce t;
  t.id = row.int64(0);
  t.name = row.text(1);
  t.status = from_code<TaskForceStatus>(kTaskForceStatuses, row.text(2)).value_or(TaskForceStatus::formed);
  t.plan_updated_by = row.optional_int64(3);
  t.plan_updated_at = row.optional_int64(4);
  if (!row.is_null(5)) t.result = from_code<TaskForceResult>(kTaskForceResults, row.text(5));
  t.created_by = row.int64(6);
  t.created_at = row.int64(7);
  t.started_at = row.optional_int64(8);
  t.closed_at = row.optional_int64(9);
  t.updated_at = row.int64(10);
  if (row.size() > kLongColumn) {
    t.issue = row.text(kLongColumn);
    t.plan = row.text(kLongColumn + 1);
    t.result_text = row.text(kLongColumn + 2);
  }
  return t;
}

/// "(?, ?, ?)" for `ids`, each bound (portable: no array parameters). Never called with none.
std::string placeholders(store::Params& params, const std::vector<std::int64_t>& ids) {
  std::string sql = "(";
  for (std::size_t i = 0; i < ids.size(); ++i) {
    sql += i == 0 ? "?" : ", ?";
    params.emplace_back(ids[i]);
  }
  return sql + ")";
}

/// Fills in the linked suggestion ids of every task force, one query for all of them.
void load_links(store::Connection& c, std::vector<TaskForce>& task_forces) {
  if (task_forces.empty()) return;
  std::vector<std::int64_t> ids;
  std::map<std::int64_t, TaskForce*> by_id;
  for (auto& t : task_forces) {
    ids.push_back(t.id);
    by_id[t.id] = &t;
  }
  store::Params params;
  const std::string sql =
      "SELECT task_force_id, suggestion_id FROM suggestion_task_force_links WHERE task_force_id IN " +
      placeholders(params, ids) + " ORDER BY task_force_id, suggestion_id";
  for (const auto& row : c.query(sql, params)) by_id[row.int64(0)]->suggestion_ids.push_back(row.int64(1));
}

void replace_links(store::Connection& c, std::int64_t id, const std::vector<std::int64_t>& suggestion_ids) {
  c.execute("DELETE FROM suggestion_task_force_links WHERE task_force_id = ?", {id});
  for (std::int64_t s : suggestion_ids)
    c.execute("INSERT INTO suggestion_task_force_links (task_force_id, suggestion_id) VALUES (?, ?)",
              {id, s});
}

CivilDate date_of(const store::Row& row, std::size_t i) {
  return parse_date(row.text(i)).value_or(CivilDate{});
}

std::string format(CivilDate date) {
  return platform::calendar::format_date(date);
}

}  // namespace

std::vector<TaskForce> list(store::Connection& c, const ListQuery& query) {
  std::string sql = std::string("SELECT ") + kColumns + " FROM suggestion_task_forces WHERE 1 = 1";
  store::Params params;
  if (query.status) {
    sql += " AND status = ?";
    params.emplace_back(std::string(task_force_status_code(*query.status)));
  }
  // Keyset paging (never OFFSET): a deep page costs the same as the first.
  if (query.after > 0) {
    sql += " AND id < ?";
    params.emplace_back(query.after);
  }
  sql += " ORDER BY id DESC LIMIT ?";
  params.emplace_back(query.limit);
  std::vector<TaskForce> out;
  for (const auto& row : c.query(sql, params)) out.push_back(from_row(row));
  load_links(c, out);
  return out;
}

std::optional<TaskForce> find(store::Connection& c, std::int64_t id) {
  auto rows = c.query(
      std::string("SELECT ") + kColumns + kLongColumns + " FROM suggestion_task_forces WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  std::vector<TaskForce> one{from_row(rows.front())};
  load_links(c, one);
  return std::move(one.front());
}

std::optional<std::int64_t> id_by_name(store::Connection& c, const std::string& name) {
  auto rows = c.query("SELECT id FROM suggestion_task_forces WHERE name = ? ORDER BY id LIMIT 1", {name});
  if (rows.empty()) return std::nullopt;
  return rows.front().int64(0);
}

std::vector<TaskForce> linked_to(store::Connection& c, std::int64_t suggestion_id) {
  std::vector<TaskForce> out;
  for (const auto& row : c.query(std::string("SELECT ") + kColumns +
                                     " FROM suggestion_task_forces WHERE id IN (SELECT task_force_id FROM "
                                     "suggestion_task_force_links WHERE suggestion_id = ?) ORDER BY id",
                                 {suggestion_id}))
    out.push_back(from_row(row));
  return out;
}

std::vector<std::int64_t> linkable_suggestions(store::Connection& c, const std::vector<std::int64_t>& ids) {
  if (ids.empty()) return {};
  store::Params params;
  const std::string sql = "SELECT id FROM suggestions WHERE state <> 'draft' AND id IN " +
                          placeholders(params, ids) + " ORDER BY id";
  std::vector<std::int64_t> out;
  for (const auto& row : c.query(sql, params)) out.push_back(row.int64(0));
  return out;
}

std::int64_t insert(store::Connection& c, const ValidTaskForce& t, std::int64_t created_by, Timestamp at) {
  const auto id = c.query(
                       "INSERT INTO suggestion_task_forces (name, issue, status, created_by, created_at, "
                       "updated_at) VALUES (?, ?, 'formed', ?, ?, ?) RETURNING id",
                       {t.name, t.issue, created_by, at, at})
                      .front()
                      .int64(0);
  replace_links(c, id, t.suggestion_ids);
  return id;
}

void update(store::Connection& c, std::int64_t id, const ValidTaskForce& t, Timestamp at) {
  c.execute("UPDATE suggestion_task_forces SET name = ?, issue = ?, updated_at = ? WHERE id = ?",
            {t.name, t.issue, at, id});
  replace_links(c, id, t.suggestion_ids);
}

void save_status(store::Connection& c, const TaskForce& t, Timestamp at) {
  std::optional<std::string> result;
  if (t.result) result = std::string(task_force_result_code(*t.result));
  c.execute(
      "UPDATE suggestion_task_forces SET status = ?, started_at = ?, closed_at = ?, result = ?, result_text "
      "= ?, "
      "updated_at = ? WHERE id = ?",
      {std::string(task_force_status_code(t.status)), t.started_at, t.closed_at, result, t.result_text, at,
       t.id});
}

void save_plan(store::Connection& c, std::int64_t id, const std::string& plan, std::int64_t by,
               Timestamp at) {
  c.execute(
      "UPDATE suggestion_task_forces SET plan = ?, plan_updated_by = ?, plan_updated_at = ?, updated_at = ? "
      "WHERE id = ?",
      {plan, by, at, at, id});
}

std::vector<TaskForceMember> members(store::Connection& c, std::int64_t task_force_id) {
  std::vector<TaskForceMember> out;
  for (const auto& row :
       c.query("SELECT account_id, role, added_at FROM suggestion_task_force_members WHERE task_force_id = ? "
               "ORDER BY added_at, account_id",
               {task_force_id})) {
    TaskForceMember m;
    m.account_id = row.int64(0);
    m.role = from_code<TeamRole>(kTeamRoles, row.text(1)).value_or(TeamRole::member);
    m.added_at = row.int64(2);
    out.push_back(std::move(m));
  }
  return out;
}

std::optional<TeamRole> role_of(store::Connection& c, std::int64_t task_force_id, std::int64_t account_id) {
  auto rows =
      c.query("SELECT role FROM suggestion_task_force_members WHERE task_force_id = ? AND account_id = ?",
              {task_force_id, account_id});
  if (rows.empty()) return std::nullopt;
  return from_code<TeamRole>(kTeamRoles, rows.front().text(0)).value_or(TeamRole::member);
}

std::vector<std::int64_t> member_of(store::Connection& c, std::int64_t account_id,
                                    const std::vector<std::int64_t>& ids) {
  if (ids.empty()) return {};
  store::Params params{account_id};
  const std::string sql =
      "SELECT task_force_id FROM suggestion_task_force_members WHERE account_id = ? AND task_force_id IN " +
      placeholders(params, ids);
  std::vector<std::int64_t> out;
  for (const auto& row : c.query(sql, params)) out.push_back(row.int64(0));
  return out;
}

void insert_member(store::Connection& c, std::int64_t task_force_id, const ValidMember& m,
                   std::int64_t added_by, Timestamp at) {
  c.execute(
      "INSERT INTO suggestion_task_force_members (task_force_id, account_id, role, added_by, added_at) "
      "VALUES (?, ?, ?, ?, ?)",
      {task_force_id, m.account_id, std::string(team_role_code(m.role)), added_by, at});
}

bool delete_member(store::Connection& c, std::int64_t task_force_id, std::int64_t account_id) {
  return c.execute("DELETE FROM suggestion_task_force_members WHERE task_force_id = ? AND account_id = ?",
                   {task_force_id, account_id}) > 0;
}

std::vector<TaskForceExpert> experts(store::Connection& c, std::int64_t task_force_id) {
  std::vector<TaskForceExpert> out;
  for (const auto& row :
       c.query("SELECT id, name, affiliation, field, role, added_at FROM suggestion_task_force_experts "
               "WHERE task_force_id = ? ORDER BY id",
               {task_force_id})) {
    TaskForceExpert e;
    e.id = row.int64(0);
    e.name = row.text(1);
    e.affiliation = row.text(2);
    e.field = row.text(3);
    e.role = from_code<TeamRole>(kTeamRoles, row.text(4)).value_or(TeamRole::adviser);
    e.added_at = row.int64(5);
    out.push_back(std::move(e));
  }
  return out;
}

std::int64_t insert_expert(store::Connection& c, std::int64_t task_force_id, const ValidExpert& e,
                           std::int64_t added_by, Timestamp at) {
  return c
      .query(
          "INSERT INTO suggestion_task_force_experts (task_force_id, name, affiliation, field, role, "
          "added_by, "
          "added_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
          {task_force_id, e.name, e.affiliation, e.field, std::string(team_role_code(e.role)), added_by, at})
      .front()
      .int64(0);
}

bool delete_expert(store::Connection& c, std::int64_t task_force_id, std::int64_t expert_id) {
  return c.execute("DELETE FROM suggestion_task_force_experts WHERE task_force_id = ? AND id = ?",
                   {task_force_id, expert_id}) > 0;
}

namespace {

constexpr const char* kFieldCheckColumns =
    "id, task_force_id, check_date, place, participants, findings, created_by, created_at";

FieldCheck field_check_from_row(const store::Row& row) {
  FieldCheck f;
  f.id = row.int64(0);
  f.task_force_id = row.int64(1);
  f.date = date_of(row, 2);
  f.place = row.text(3);
  f.participants = row.text(4);
  f.findings = row.text(5);
  f.created_by = row.int64(6);
  f.created_at = row.int64(7);
  return f;
}

}  // namespace

std::vector<FieldCheck> field_checks(store::Connection& c, std::int64_t task_force_id) {
  std::vector<FieldCheck> out;
  for (const auto& row :
       c.query(std::string("SELECT ") + kFieldCheckColumns +
                   " FROM suggestion_task_force_field_checks WHERE task_force_id = ? ORDER BY check_date, id",
               {task_force_id}))
    out.push_back(field_check_from_row(row));
  return out;
}

std::optional<FieldCheck> find_field_check(store::Connection& c, std::int64_t id) {
  auto rows = c.query(
      std::string("SELECT ") + kFieldCheckColumns + " FROM suggestion_task_force_field_checks WHERE id = ?",
      {id});
  if (rows.empty()) return std::nullopt;
  return field_check_from_row(rows.front());
}

std::int64_t insert_field_check(store::Connection& c, std::int64_t task_force_id, const ValidFieldCheck& f,
                                std::int64_t created_by, Timestamp at) {
  return c
      .query(
          "INSERT INTO suggestion_task_force_field_checks (task_force_id, check_date, place, participants, "
          "findings, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
          {task_force_id, format(f.date), f.place, f.participants, f.findings, created_by, at})
      .front()
      .int64(0);
}

std::vector<TaskForceReport> reports(store::Connection& c, std::int64_t task_force_id) {
  std::vector<TaskForceReport> out;
  for (const auto& row : c.query(
           "SELECT id, report_date, body, percent, created_by, created_at FROM suggestion_task_force_reports "
           "WHERE task_force_id = ? ORDER BY id",
           {task_force_id})) {
    TaskForceReport r;
    r.id = row.int64(0);
    r.task_force_id = task_force_id;
    r.date = date_of(row, 1);
    r.text = row.text(2);
    r.percent = static_cast<int>(row.int64(3));
    r.created_by = row.int64(4);
    r.created_at = row.int64(5);
    out.push_back(std::move(r));
  }
  return out;
}

std::int64_t insert_report(store::Connection& c, std::int64_t task_force_id, const ValidReport& r,
                           std::int64_t created_by, Timestamp at) {
  return c
      .query(
          "INSERT INTO suggestion_task_force_reports (task_force_id, report_date, body, percent, created_by, "
          "created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
          {task_force_id, format(r.date), r.text, r.percent, created_by, at})
      .front()
      .int64(0);
}

}  // namespace sotong::suggestions::task_force_store
