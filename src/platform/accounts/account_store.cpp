#include "platform/accounts/account_store.hpp"

namespace sotong::platform::account_store {
namespace {
constexpr const char* kColumns =
    "SELECT a.id, a.login_id, a.display_name, a.email, a.position, a.organization_id, o.name, a.active, "
    "a.must_change_password, a.failed_logins, a.locked_until, a.last_login_at, a.created_at, a.updated_at, "
    "o.path FROM accounts a JOIN organizations o ON o.id = a.organization_id ";

Account from_row(const store::Row& r) {
  Account a;
  a.id = r.int64(0);
  a.login_id = r.text(1);
  a.display_name = r.text(2);
  a.email = r.text(3);
  a.position = r.text(4);
  a.organization_id = r.int64(5);
  a.organization_name = r.text(6);
  a.active = r.boolean(7);
  a.must_change_password = r.boolean(8);
  a.failed_logins = r.int64(9);
  a.locked_until = r.int64(10);
  a.last_login_at = r.optional_int64(11);
  a.created_at = r.int64(12);
  a.updated_at = r.int64(13);
  a.organization_path = r.text(14);
  return a;
}

void load_roles(store::Connection& c, Account& a) {
  for (const auto& r : c.query("SELECT role FROM account_roles WHERE account_id = ? ORDER BY role", {a.id})) {
    if (auto role = role_from_code(r.text(0))) a.roles.push_back(*role);
  }
}

void write_roles(store::Connection& c, std::int64_t id, const std::vector<Role>& roles) {
  c.execute("DELETE FROM account_roles WHERE account_id = ?", {id});
  for (Role r : roles)
    c.execute("INSERT INTO account_roles (account_id, role) VALUES (?, ?)", {id, role_code(r)});
}
}  // namespace

std::vector<Account> list(store::Connection& c, const Filter& f) {
  std::string sql = std::string(kColumns) + "WHERE 1 = 1";
  store::Params params;
  if (f.organization_id) {
    sql += " AND a.organization_id = ?";
    params.emplace_back(*f.organization_id);
  }
  if (f.role) {
    sql += " AND EXISTS (SELECT 1 FROM account_roles r WHERE r.account_id = a.id AND r.role = ?)";
    params.emplace_back(role_code(*f.role));
  }
  if (f.active) {
    sql += " AND a.active = ?";
    params.emplace_back(*f.active ? 1 : 0);
  }
  if (!f.text.empty()) {
    sql += " AND (a.login_id LIKE ? OR a.display_name LIKE ?)";
    params.emplace_back("%" + f.text + "%");
    params.emplace_back("%" + f.text + "%");
  }
  if (f.locked_at) {
    sql += " AND a.locked_until > ?";
    params.emplace_back(*f.locked_at);
  }
  if (f.initial_password) sql += " AND a.must_change_password = 1";
  sql += " ORDER BY o.path, a.display_name, a.id";
  std::vector<Account> out;
  for (const auto& r : c.query(sql, params)) out.push_back(from_row(r));
  for (auto& a : out) load_roles(c, a);
  return out;
}

std::vector<Account> list_people(store::Connection& c, const PeopleFilter& f) {
  std::string sql = std::string(kColumns) + "WHERE 1 = 1";
  store::Params params;
  if (!f.path_prefix.empty()) {
    sql += " AND substr(o.path, 1, ?) = ?";
    params.emplace_back(static_cast<std::int64_t>(f.path_prefix.size()));
    params.emplace_back(f.path_prefix);
  }
  if (!f.include_inactive) sql += " AND a.active = 1";
  if (!f.text.empty()) {
    sql += " AND (a.display_name LIKE ? OR a.position LIKE ? OR o.name LIKE ?)";
    for (int i = 0; i < 3; ++i) params.emplace_back("%" + f.text + "%");
  }
  sql += " ORDER BY o.path, a.display_name, a.id";
  std::vector<Account> out;
  for (const auto& r : c.query(sql, params)) out.push_back(from_row(r));
  return out;
}

std::vector<std::int64_t> all_ids(store::Connection& c) {
  std::vector<std::int64_t> out;
  for (const auto& r : c.query("SELECT id FROM accounts ORDER BY id", {})) out.push_back(r.int64(0));
  return out;
}

std::optional<Account> find(store::Connection& c, std::int64_t id) {
  auto rows = c.query(std::string(kColumns) + "WHERE a.id = ?", {id});
  if (rows.empty()) return std::nullopt;
  Account a = from_row(rows.front());
  load_roles(c, a);
  return a;
}

std::optional<Account> find_by_login(store::Connection& c, std::string_view login_id) {
  auto rows = c.query(std::string(kColumns) + "WHERE a.login_id = ?", {login_id});
  if (rows.empty()) return std::nullopt;
  Account a = from_row(rows.front());
  load_roles(c, a);
  return a;
}

std::string password_hash(store::Connection& c, std::int64_t id) {
  auto rows = c.query("SELECT password_hash FROM accounts WHERE id = ?", {id});
  return rows.empty() ? std::string{} : rows.front().text(0);
}

std::map<std::int64_t, std::string> display_names(store::Connection& c,
                                                  const std::vector<std::int64_t>& ids) {
  std::map<std::int64_t, std::string> out;
  for (std::int64_t id : ids) {
    if (out.count(id)) continue;
    auto rows = c.query("SELECT display_name FROM accounts WHERE id = ?", {id});
    if (!rows.empty()) out[id] = rows[0].text(0);
  }
  return out;
}

std::int64_t count_active_in(store::Connection& c, std::int64_t organization_id) {
  return c.scalar("SELECT COUNT(*) FROM accounts WHERE organization_id = ? AND active = 1",
                  {organization_id});
}

Counts count_by_state(store::Connection& c, Timestamp now) {
  auto rows = c.query(
      "SELECT COUNT(*), COALESCE(SUM(CASE WHEN locked_until > ? THEN 1 ELSE 0 END), 0), "
      "COALESCE(SUM(CASE WHEN must_change_password = 1 THEN 1 ELSE 0 END), 0) FROM accounts WHERE active = 1",
      {now});
  return {rows[0].int64(0), rows[0].int64(1), rows[0].int64(2)};
}

std::optional<SignInDates> sign_in_dates(store::Connection& c, std::int64_t id) {
  auto rows = c.query("SELECT previous_login_at, password_changed_at FROM accounts WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return SignInDates{rows[0].optional_int64(0), rows[0].int64(1)};
}

std::vector<std::pair<std::int64_t, std::int64_t>> count_active_per_organization(store::Connection& c,
                                                                                 Timestamp until) {
  std::vector<std::pair<std::int64_t, std::int64_t>> out;
  for (const auto& r :
       c.query("SELECT organization_id, COUNT(*) FROM accounts WHERE active = 1 AND created_at < ? "
               "GROUP BY organization_id",
               {until}))
    out.emplace_back(r.int64(0), r.int64(1));
  return out;
}

std::int64_t insert(store::Connection& c, const ValidAccount& v, const std::string& hash, bool must_change,
                    Timestamp now) {
  const auto id =
      c.query(
           "INSERT INTO accounts (login_id, display_name, email, position, organization_id, password_hash, "
           "must_change_password, active, password_changed_at, created_at, updated_at) "
           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
           {v.login_id, v.display_name, v.email, v.position, v.organization_id, hash, must_change, v.active,
            now, now, now})
          .front()
          .int64(0);
  write_roles(c, id, v.roles);
  return id;
}

void update(store::Connection& c, std::int64_t id, const ValidAccount& v, Timestamp now) {
  c.execute(
      "UPDATE accounts SET display_name = ?, email = ?, position = ?, organization_id = ?, active = ?, "
      "updated_at = ? "
      "WHERE id = ?",
      {v.display_name, v.email, v.position, v.organization_id, v.active, now, id});
  write_roles(c, id, v.roles);
}

void set_password(store::Connection& c, std::int64_t id, const std::string& hash, bool must_change,
                  Timestamp now) {
  c.execute(
      "UPDATE accounts SET password_hash = ?, must_change_password = ?, password_changed_at = ?, "
      "failed_logins = 0, "
      "locked_until = 0, updated_at = ? WHERE id = ?",
      {hash, must_change, now, now, id});
}

LockoutState lock_for_sign_in(store::Connection& c, std::int64_t id) {
  const auto rows = c.query(
      "UPDATE accounts SET failed_logins = failed_logins WHERE id = ? RETURNING failed_logins, locked_until",
      {id});
  if (rows.empty()) return {};
  return {rows[0].int64(0), rows[0].int64(1)};
}

void set_lockout(store::Connection& c, std::int64_t id, std::int64_t failed_logins, Timestamp locked_until) {
  c.execute("UPDATE accounts SET failed_logins = ?, locked_until = ? WHERE id = ?",
            {failed_logins, locked_until, id});
}

void record_login(store::Connection& c, std::int64_t id, Timestamp now) {
  c.execute(
      "UPDATE accounts SET failed_logins = 0, locked_until = 0, previous_login_at = last_login_at, "
      "last_login_at = ? WHERE id = ?",
      {now, id});
}

}  // namespace sotong::platform::account_store
