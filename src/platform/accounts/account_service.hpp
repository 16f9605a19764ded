// Use cases on accounts: sign in with lockout, change a password, the administrator's account work and the
// people directory (직원 찾기).
#pragma once

#include <string>
#include <vector>

#include "core/result.hpp"
#include "platform/accounts/account_permissions.hpp"
#include "platform/accounts/account_store.hpp"
#include "platform/accounts/session_store.hpp"
#include "platform/policy.hpp"
#include "platform/service_context.hpp"
#include "platform/settings.hpp"
#include "store/database.hpp"

namespace sotong::platform::accounts {

inline constexpr const char* kNotFound = "계정을 찾을 수 없습니다.";
inline constexpr const char* kPersonNotFound = "직원을 찾을 수 없습니다.";
inline constexpr const char* kPeopleSource = "people";

struct SignedIn {
  sessions::Opened session;
  bool must_change_password = false;
};

/// Checks the password (argon2id), counts failures and locks after the configured number, and opens a
/// fresh session. The same message for an unknown id and a wrong password, so ids cannot be probed.
Result<SignedIn> sign_in(store::Database& db, const Settings& settings, std::string_view login_id,
                         std::string_view password, std::string_view remote_address,
                         std::string_view user_agent);

/// Changes the actor's own password; ends the actor's other sessions. Field errors for a wrong current
/// password, a weak or reused new one, or a confirmation that differs.
Result<void> change_password(const ServiceContext& svc, std::string_view session_hash,
                             std::string_view current, std::string_view next, std::string_view confirm);

/// Accounts for the administrator; forbidden to others.
Result<std::vector<Account>> list_accounts(const ServiceContext& svc, const account_store::Filter& filter);
/// One account for the administrator; not_found when there is none.
Result<Account> get_account(const ServiceContext& svc, std::int64_t id);

struct Issued {
  std::int64_t account_id = 0;
  std::string initial_password;  // shown once to the administrator
};

/// Creates an account with a generated initial password that must be changed at first sign-in.
/// Field errors for bad input, a conflict for a login id already taken.
Result<Issued> create_account(const ServiceContext& svc, const AccountInput& input);
/// The same for the operator's console (`sotong user create`), which runs without an actor.
Result<Issued> create_account_as_operator(store::Database& db, const AccountInput& input);
/// Edits an account (never its login id); deactivating it ends its sessions.
Result<void> update_account(const ServiceContext& svc, std::int64_t id, const AccountInput& input);
/// Issues a new initial password, ends the account's sessions and forces a change at next sign-in.
Result<Issued> reset_account_password(const ServiceContext& svc, std::int64_t id);
/// The same for the operator's console, found by login id.
Result<Issued> reset_account_password_as_operator(store::Database& db, std::string_view login_id);
/// Clears the failed sign-ins and the lock.
Result<void> unlock_account(const ServiceContext& svc, std::int64_t id);
/// The same for the operator's console (`sotong user unlock`), found by login id; the same history entry.
Result<void> unlock_account_as_operator(store::Database& db, std::string_view login_id);

/// The people directory: the accounts the actor may see (can_view_account), filtered by `text` (name,
/// position or organisation). Only the actor's organisation subtree unless the role is province-wide.
Result<std::vector<Account>> list_people(const ServiceContext& svc, std::string_view text);
/// One person of the directory; not_found (never forbidden) for an account the actor may not see.
Result<Account> get_person(const ServiceContext& svc, std::int64_t id);
/// get_person for showing the person (page or API): the view of personal data is recorded in the access log.
Result<Account> open_person(const ServiceContext& svc, std::int64_t id);

/// Writes the account's "people" search document on the caller's connection (inside the transaction of
/// the change): name, position and organisation, for those who may see the account; removes it when the
/// account is inactive.
void index_for_search(store::Connection& c, std::int64_t id);
/// Indexes every account: the "people" search source's rebuild.
void reindex_search(store::Connection& c);

/// A random initial password that satisfies the password rules (letters, digits and a symbol).
std::string generate_initial_password();

}  // namespace sotong::platform::accounts
