#include "platform/history/history_store.hpp"

#include "platform/history/history_rules.hpp"

namespace sotong::platform::history_store {
namespace {
constexpr const char* kColumns =
    "SELECT id, kind, occurred_at, account_id, login_id, actor_name, remote_address, action, record_type, "
    "record_id, subject, before_data, after_data, prev_hash, hash FROM history_entries ";

Entry from_row(const store::Row& r) {
  Entry e;
  e.id = r.int64(0);
  e.kind = r.text(1);
  e.occurred_at = r.int64(2);
  e.account_id = r.int64(3);
  e.login_id = r.text(4);
  e.actor_name = r.text(5);
  e.remote_address = r.text(6);
  e.action = r.text(7);
  e.record_type = r.text(8);
  e.record_id = r.int64(9);
  e.subject = r.text(10);
  e.before = r.text(11);
  e.after = r.text(12);
  e.prev_hash = r.text(13);
  e.hash = r.text(14);
  return e;
}

std::vector<Entry> entries(store::Connection& c, const std::string& sql, const store::Params& params) {
  std::vector<Entry> out;
  for (const auto& r : c.query(sql, params)) out.push_back(from_row(r));
  return out;
}

std::string like_pattern(const std::string& text) {
  std::string out = "%";
  for (char ch : text) {
    if (ch == '%' || ch == '_' || ch == '\\') out.push_back('\\');
    out.push_back(ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch);
  }
  return out + "%";
}
}  // namespace

Entry append(store::Connection& c, Entry e) {
  c.lock_named(kChainLock);
  auto last = c.query("SELECT hash FROM history_entries ORDER BY id DESC LIMIT 1");
  e.prev_hash = last.empty() ? history::kGenesis : last.front().text(0);
  e.hash = history::entry_hash(e, e.prev_hash);
  e.id = c.query(
              "INSERT INTO history_entries (kind, occurred_at, account_id, login_id, actor_name, "
              "remote_address, action, record_type, record_id, subject, before_data, after_data, prev_hash, "
              "hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
              {e.kind, e.occurred_at, e.account_id, e.login_id, e.actor_name, e.remote_address, e.action,
               e.record_type, e.record_id, e.subject, e.before, e.after, e.prev_hash, e.hash})
             .front()
             .int64(0);
  return e;
}

std::vector<Entry> search(store::Connection& c, const Filter& f, int limit) {
  std::string sql = std::string(kColumns) + "WHERE 1 = 1";
  store::Params params;
  auto where = [&](const char* clause, store::Value value) {
    sql += clause;
    params.push_back(std::move(value));
  };
  if (!f.login_id.empty()) where(" AND login_id = ?", f.login_id);
  if (!f.record_type.empty()) where(" AND record_type = ?", f.record_type);
  if (f.record_id) where(" AND record_id = ?", *f.record_id);
  if (!f.subject.empty()) where(" AND LOWER(subject) LIKE ? ESCAPE '\\'", like_pattern(f.subject));
  if (f.from) where(" AND occurred_at >= ?", *f.from);
  if (f.until) where(" AND occurred_at < ?", *f.until);
  if (!f.kind.empty()) where(" AND kind = ?", f.kind);
  if (!f.action.empty()) where(" AND action = ?", f.action);
  if (f.before_id) where(" AND id < ?", *f.before_id);
  // In the query rather than after it, so that a page holds its full count and the keyset stays right.
  for (const auto& hidden : f.hidden_record_types) where(" AND record_type <> ?", hidden);
  sql += " ORDER BY id DESC LIMIT ?";
  params.emplace_back(limit);
  return entries(c, sql, params);
}

std::optional<Entry> find(store::Connection& c, std::int64_t id) {
  auto found = entries(c, std::string(kColumns) + "WHERE id = ?", {id});
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::vector<Entry> walk(store::Connection& c, std::int64_t after_id, int limit) {
  return entries(c, std::string(kColumns) + "WHERE id > ? ORDER BY id LIMIT ?", {after_id, limit});
}

std::pair<std::int64_t, std::int64_t> count_sign_in_failures(store::Connection& c,
                                                             std::string_view remote_address,
                                                             Timestamp since) {
  const auto rows = c.query(
      "SELECT COALESCE(SUM(CASE WHEN remote_address = ? THEN 1 ELSE 0 END), 0), COUNT(*) FROM "
      "history_entries "
      "WHERE kind = 'access' AND action IN ('login_failed', 'login_locked') AND occurred_at >= ?",
      {std::string(remote_address), since});
  return {rows[0].int64(0), rows[0].int64(1)};
}

std::int64_t count(store::Connection& c) {
  return c.scalar("SELECT COUNT(*) FROM history_entries");
}

std::vector<std::string> prune_checkpoints(store::Connection& c) {
  std::vector<std::string> out;
  for (const auto& r : c.query("SELECT after_data FROM history_entries WHERE record_type = ? AND action = ?",
                               {history::kHistoryRecord, history::kPrune}))
    out.push_back(r.text(0));
  return out;
}

std::optional<std::int64_t> first_id_since(store::Connection& c, Timestamp cutoff) {
  auto rows = c.query("SELECT MIN(id) FROM history_entries WHERE occurred_at >= ?", {cutoff});
  if (rows.empty() || rows.front().is_null(0)) return std::nullopt;
  return rows.front().int64(0);
}

std::optional<Entry> last_before(store::Connection& c, std::optional<std::int64_t> id) {
  auto found = id ? entries(c, std::string(kColumns) + "WHERE id < ? ORDER BY id DESC LIMIT 1", {*id})
                  : entries(c, std::string(kColumns) + "ORDER BY id DESC LIMIT 1", {});
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::int64_t count_through(store::Connection& c, std::int64_t id) {
  return c.scalar("SELECT COUNT(*) FROM history_entries WHERE id <= ?", {id});
}

std::int64_t delete_through(store::Connection& c, std::int64_t id) {
  return c.execute("DELETE FROM history_entries WHERE id <= ?", {id});
}

}  // namespace sotong::platform::history_store
