// The accounts' SQL: accounts and account_roles.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "platform/accounts/account.hpp"
#include "platform/accounts/account_rules.hpp"
#include "store/database.hpp"

namespace sotong::platform::account_store {

struct Filter {
  std::optional<std::int64_t> organization_id;
  std::optional<Role> role;
  std::optional<bool> active;
  std::string text;  // part of the login id or name
  /// Only accounts locked at this moment (the home page's "잠긴 계정" links here).
  std::optional<Timestamp> locked_at;
  /// Only accounts still on their initial password.
  bool initial_password = false;
};

std::vector<Account> list(store::Connection& c, const Filter& filter);

/// The people directory's filter: accounts inside an organisation subtree, by name, position or organisation.
struct PeopleFilter {
  std::string path_prefix;  // "/1/19/": only accounts whose organisation lies inside; "" for everyone
  bool include_inactive = false;
  std::string text;  // part of the name, position or organisation name
};
/// Accounts for the people directory, in organisation order then by name (roles not loaded).
std::vector<Account> list_people(store::Connection& c, const PeopleFilter& filter);
/// Every account (active or not), for rebuilding the people search source.
std::vector<std::int64_t> all_ids(store::Connection& c);
std::optional<Account> find(store::Connection& c, std::int64_t id);
std::optional<Account> find_by_login(store::Connection& c, std::string_view login_id);
std::string password_hash(store::Connection& c, std::int64_t id);
/// Active accounts whose organisation is `organization_id` (an organisation in use cannot be deactivated).
std::int64_t count_active_in(store::Connection& c, std::int64_t organization_id);
/// Display names of these accounts, by id (ids without an account are left out).
std::map<std::int64_t, std::string> display_names(store::Connection& c, const std::vector<std::int64_t>& ids);
/// Active accounts, those locked at `now` and those still on their initial password (the dashboard card).
struct Counts {
  std::int64_t active = 0;
  std::int64_t locked = 0;
  std::int64_t initial = 0;
};
Counts count_by_state(store::Connection& c, Timestamp now);
/// When the account last signed in and last changed its password.
struct SignInDates {
  std::optional<Timestamp> previous_login_at;  // the sign-in before the current one
  Timestamp password_changed_at = 0;
};
std::optional<SignInDates> sign_in_dates(store::Connection& c, std::int64_t id);
/// Active accounts per organisation among those created before `until` (the active-accounts indicator).
std::vector<std::pair<std::int64_t, std::int64_t>> count_active_per_organization(store::Connection& c,
                                                                                 Timestamp until);

/// Inserts an account with its roles; throws ConstraintViolation for a login id already taken.
std::int64_t insert(store::Connection& c, const ValidAccount& v, const std::string& password_hash,
                    bool must_change_password, Timestamp now);
void update(store::Connection& c, std::int64_t id, const ValidAccount& v, Timestamp now);
void set_password(store::Connection& c, std::int64_t id, const std::string& password_hash, bool must_change,
                  Timestamp now);
/// Adds one failure atomically and returns the count before it.
/// The account's failure count and lock as they are now, with its row locked until the transaction ends
/// (PostgreSQL: a no-op UPDATE takes the row lock and reads the latest committed row; SQLite's write
/// transaction is exclusive already), so parallel sign-ins are counted one after another.
struct LockoutState {
  std::int64_t failed_logins = 0;
  Timestamp locked_until = 0;
};
LockoutState lock_for_sign_in(store::Connection& c, std::int64_t id);
void set_lockout(store::Connection& c, std::int64_t id, std::int64_t failed_logins, Timestamp locked_until);
void record_login(store::Connection& c, std::int64_t id, Timestamp now);

}  // namespace sotong::platform::account_store
