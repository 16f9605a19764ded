#include "platform/accounts/api_token_store.hpp"

#include "platform/crypto.hpp"

namespace sotong::platform::api_tokens {

Created create(store::Connection& c, std::int64_t account_id, std::string_view name,
               std::optional<Timestamp> expires_at, Timestamp now) {
  // The prefix makes leaked tokens easy to recognise in logs and secret scanners.
  Created created{0, "stg_" + random_token(32)};
  created.id = c.query(
                    "INSERT INTO account_api_tokens (account_id, name, token_hash, created_at, expires_at) "
                    "VALUES (?, ?, ?, ?, ?) RETURNING id",
                    {account_id, name, token_hash(created.token), now, expires_at})
                   .front()
                   .int64(0);
  return created;
}

std::optional<std::int64_t> account_for(store::Connection& c, std::string_view token, Timestamp now) {
  if (token.size() < 10 || token.size() > 100) return std::nullopt;
  auto rows = c.query(
      "SELECT id, account_id, last_used_at FROM account_api_tokens WHERE token_hash = ? AND revoked_at IS "
      "NULL "
      "AND (expires_at IS NULL OR expires_at > ?)",
      {token_hash(token), now});
  if (rows.empty()) return std::nullopt;
  // Like sessions, record use at most once a minute.
  if (now - rows[0].optional_int64(2).value_or(0) >= 60) {
    c.execute("UPDATE account_api_tokens SET last_used_at = ? WHERE id = ?", {now, rows[0].int64(0)});
  }
  return rows[0].int64(1);
}

namespace {
constexpr const char* kInfo =
    "SELECT t.id, a.login_id, t.name, t.created_at, t.expires_at, t.revoked_at, t.last_used_at "
    "FROM account_api_tokens t JOIN accounts a ON a.id = t.account_id ";

TokenInfo info_from(const store::Row& r) {
  return {r.int64(0),          r.text(1),           r.text(2),          r.int64(3),
          r.optional_int64(4), r.optional_int64(5), r.optional_int64(6)};
}
}  // namespace

std::vector<TokenInfo> list(store::Connection& c) {
  std::vector<TokenInfo> out;
  for (const auto& r : c.query(std::string(kInfo) + "ORDER BY t.id")) out.push_back(info_from(r));
  return out;
}

std::optional<TokenInfo> find(store::Connection& c, std::int64_t id) {
  auto rows = c.query(std::string(kInfo) + "WHERE t.id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return info_from(rows.front());
}

bool revoke(store::Connection& c, std::int64_t id, Timestamp now) {
  return c.execute("UPDATE account_api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                   {now, id}) > 0;
}

}  // namespace sotong::platform::api_tokens
