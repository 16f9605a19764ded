// Use cases on accounts: sign in with lockout, change a password, and the administrator's account work.
#pragma once

#include <string>
#include <vector>

#include "core/result.hpp"
#include "platform/accounts/account_store.hpp"
#include "platform/accounts/session_store.hpp"
#include "platform/policy.hpp"
#include "platform/settings.hpp"
#include "store/database.hpp"

namespace sotong::platform::accounts {

inline constexpr const char* kManage = "account.manage";

struct SignedIn {
  sessions::Opened session;
  bool must_change_password = false;
};

/// Checks the password (argon2id), counts failures and locks after the configured number, and opens a
/// fresh session. The same message for an unknown id and a wrong password, so ids cannot be probed.
Result<SignedIn> sign_in(store::Database& db, const Settings& settings, std::string_view login_id,
                         std::string_view password, std::string_view remote_address,
                         std::string_view user_agent);

/// Changes the actor's own password; ends the actor's other sessions.
Result<void> change_password(store::Database& db, const Actor& actor, std::string_view session_hash,
                             std::string_view current, std::string_view next, std::string_view confirm);

Result<std::vector<Account>> list(store::Database& db, const Policy& policy, const Actor& actor,
                                  const account_store::Filter& filter);
Result<Account> get(store::Database& db, const Policy& policy, const Actor& actor, std::int64_t id);

struct Issued {
  std::int64_t account_id = 0;
  std::string initial_password;  // shown once to the administrator
};

/// Creates an account with a generated initial password that must be changed at first sign-in.
/// For the operator's console (`sotong user create`), which runs without an actor.
Result<Issued> create_as_operator(store::Database& db, const AccountInput& input);
/// The same for an administrator, after the policy check.
Result<Issued> create(store::Database& db, const Policy& policy, const Actor& actor,
                      const AccountInput& input);
Result<void> update(store::Database& db, const Policy& policy, const Actor& actor, std::int64_t id,
                    const AccountInput& input);
/// Issues a new initial password, ends the account's sessions and forces a change at next sign-in.
/// For the operator's console: a new initial password, found by login id.
Result<Issued> reset_password_as_operator(store::Database& db, std::string_view login_id);
Result<Issued> reset_password(store::Database& db, const Policy& policy, const Actor& actor, std::int64_t id);
Result<void> unlock(store::Database& db, const Policy& policy, const Actor& actor, std::int64_t id);

/// A random initial password that satisfies the password rules (letters, digits and a symbol).
std::string generate_initial_password();

}  // namespace sotong::platform::accounts
