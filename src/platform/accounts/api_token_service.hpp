// Use cases on API tokens: issue and revoke, each recorded in the change history (never the token itself).
// Today the operator's console (`sotong token`) is their only caller; a screen would call the same functions
// with its actor, so both write the same entry.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "core/role.hpp"
#include "store/database.hpp"

namespace sotong::platform::accounts {

inline constexpr const char* kTokenRecord = "api_token";

struct IssuedToken {
  std::int64_t id = 0;
  std::string token;  // shown once
};

/// Issues a token named `name` for the active account `login_id`, by `actor`; not_found for no such account.
Result<IssuedToken> issue_api_token(store::Database& db, const Actor& actor, std::string_view login_id,
                                    std::string_view name, std::optional<Timestamp> expires_at);
/// Revokes the live token `id`, by `actor`; not_found when there is no live token with that id.
Result<void> revoke_api_token(store::Database& db, const Actor& actor, std::int64_t id);

}  // namespace sotong::platform::accounts
