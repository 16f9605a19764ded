#include "platform/accounts/session_store.hpp"

#include <algorithm>

#include "platform/crypto.hpp"

namespace sotong::platform::sessions {
namespace {
constexpr Timestamp kTouchEverySeconds = 60;

/// Header text as stored with a session: printable ASCII only (other bytes become '?'), at most `max`
/// bytes, so a raw or cut multi-byte header never makes invalid UTF-8 that PostgreSQL would refuse.
std::string header_text(std::string_view raw, std::size_t max) {
  std::string out;
  for (const char c : raw.substr(0, std::min(raw.size(), max)))
    out.push_back(c >= 0x20 && c < 0x7F ? c : '?');
  return out;
}
}  // namespace

Opened open(store::Connection& c, std::int64_t account_id, std::string_view remote_address,
            std::string_view user_agent, Timestamp now) {
  Opened opened{random_token(32), random_token(24)};
  c.execute(
      "INSERT INTO account_sessions (id_hash, account_id, csrf_token, created_at, last_seen_at, "
      "remote_address, "
      "user_agent) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)",
      {token_hash(opened.token), account_id, opened.csrf, now, now, header_text(remote_address, 64),
       header_text(user_agent, 300)});
  return opened;
}

std::optional<Actor> load_actor(store::Connection& c, std::int64_t account_id) {
  auto rows = c.query(
      "SELECT a.id, a.login_id, a.display_name, o.id, o.name, o.path FROM accounts a "
      "JOIN organizations o ON o.id = a.organization_id WHERE a.id = ? AND a.active = 1",
      {account_id});
  if (rows.empty()) return std::nullopt;
  const auto& r = rows.front();
  Actor actor{r.int64(0), r.text(1), r.text(2), r.int64(3), r.text(4), r.text(5), {}};
  for (const auto& role_row :
       c.query("SELECT role FROM account_roles WHERE account_id = ? ORDER BY role", {account_id})) {
    if (auto role = role_from_code(role_row.text(0))) actor.roles.push_back(*role);
  }
  return actor;
}

std::optional<Actor> load_actor_by_login(store::Connection& c, std::string_view login_id) {
  auto rows = c.query("SELECT id FROM accounts WHERE login_id = ?", {std::string(login_id)});
  if (rows.empty()) return std::nullopt;
  return load_actor(c, rows.front().int64(0));
}

std::optional<Actor> load_actor_by_login(store::Database& db, std::string_view login_id) {
  return db.read([&](store::Connection& c) { return load_actor_by_login(c, login_id); });
}

std::optional<Found> find(store::Connection& c, std::string_view token, Timestamp now,
                          const Settings& settings) {
  if (token.empty() || token.size() > 100) return std::nullopt;
  const std::string hash = token_hash(token);
  // One statement for the session, its account, organisation and roles (one row per role): this runs on
  // every signed-in request, where three round trips cost more than the rows.
  auto rows = c.query(
      "SELECT s.account_id, s.csrf_token, s.created_at, s.last_seen_at, a.must_change_password, a.login_id, "
      "a.display_name, o.id, o.name, o.path, r.role FROM account_sessions s "
      "JOIN accounts a ON a.id = s.account_id JOIN organizations o ON o.id = a.organization_id "
      "LEFT JOIN account_roles r ON r.account_id = a.id WHERE s.id_hash = ? AND a.active = 1 ORDER BY r.role",
      {hash});
  if (rows.empty()) return std::nullopt;
  const auto& r = rows.front();
  const Timestamp created = r.int64(2), last_seen = r.int64(3);
  if (now - last_seen > settings.session_idle_minutes * 60LL ||
      now - created > settings.session_absolute_hours * 3600LL) {
    close(c, hash);
    return std::nullopt;
  }
  Actor actor{r.int64(0), r.text(5), r.text(6), r.int64(7), r.text(8), r.text(9), {}};
  for (const auto& role_row : rows) {
    if (role_row.is_null(10)) continue;  // an account without roles
    if (auto role = role_from_code(role_row.text(10))) actor.roles.push_back(*role);
  }
  return Found{std::move(actor), hash, r.text(1), last_seen, r.boolean(4)};
}

void touch(store::Connection& c, const Found& session, Timestamp now) {
  if (now - session.last_seen_at < kTouchEverySeconds) return;
  c.execute("UPDATE account_sessions SET last_seen_at = ? WHERE id_hash = ?", {now, session.hash});
}

void extend(store::Connection& c, std::string_view hash, Timestamp now) {
  c.execute("UPDATE account_sessions SET last_seen_at = ? WHERE id_hash = ?", {now, hash});
}

void close(store::Connection& c, std::string_view hash) {
  c.execute("DELETE FROM account_sessions WHERE id_hash = ?", {hash});
}

void close_all_for(store::Connection& c, std::int64_t account_id) {
  c.execute("DELETE FROM account_sessions WHERE account_id = ?", {account_id});
}

void close_others_for(store::Connection& c, std::int64_t account_id, std::string_view keep_hash) {
  c.execute("DELETE FROM account_sessions WHERE account_id = ? AND id_hash <> ?", {account_id, keep_hash});
}

std::int64_t purge_expired(store::Connection& c, Timestamp now, const Settings& settings) {
  // The same limits as find(): idle strictly longer than the idle timeout, or older than the absolute one.
  return c.execute(
      "DELETE FROM account_sessions WHERE last_seen_at < ? OR created_at < ?",
      {now - settings.session_idle_minutes * 60LL, now - settings.session_absolute_hours * 3600LL});
}

}  // namespace sotong::platform::sessions
