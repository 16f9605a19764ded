// API tokens for the JSON API (Authorization: Bearer): created by `sotong token`, stored only as a hash.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "store/database.hpp"

namespace sotong::platform::api_tokens {

struct TokenInfo {
  std::int64_t id = 0;
  std::string login_id;
  std::string name;
  Timestamp created_at = 0;
  std::optional<Timestamp> expires_at;
  std::optional<Timestamp> revoked_at;
  std::optional<Timestamp> last_used_at;
};

struct Created {
  std::int64_t id = 0;
  std::string token;  // shown once; only its hash is stored
};

/// Creates a token for an account and returns it; it is shown once and cannot be read back.
Created create(store::Connection& c, std::int64_t account_id, std::string_view name,
               std::optional<Timestamp> expires_at, Timestamp now);

/// The account a live token belongs to (not revoked, not expired), recording its use.
std::optional<std::int64_t> account_for(store::Connection& c, std::string_view token, Timestamp now);

std::vector<TokenInfo> list(store::Connection& c);
std::optional<TokenInfo> find(store::Connection& c, std::int64_t id);
/// True when a live token was revoked.
bool revoke(store::Connection& c, std::int64_t id, Timestamp now);

}  // namespace sotong::platform::api_tokens
