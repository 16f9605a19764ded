// The accounts' SQL: accounts and account_roles.
#pragma once

#include <optional>
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
};

std::vector<Account> list(store::Connection& c, const Filter& filter);
std::optional<Account> find(store::Connection& c, std::int64_t id);
std::optional<Account> find_by_login(store::Connection& c, std::string_view login_id);
std::string password_hash(store::Connection& c, std::int64_t id);

/// Inserts an account with its roles; throws ConstraintViolation for a login id already taken.
std::int64_t insert(store::Connection& c, const ValidAccount& v, const std::string& password_hash,
                    bool must_change_password, Timestamp now);
void update(store::Connection& c, std::int64_t id, const ValidAccount& v, Timestamp now);
void set_password(store::Connection& c, std::int64_t id, const std::string& password_hash, bool must_change,
                  Timestamp now);
/// Adds one failure atomically and returns the count before it.
std::int64_t failures_before_increment(store::Connection& c, std::int64_t id);
void set_lockout(store::Connection& c, std::int64_t id, std::int64_t failed_logins, Timestamp locked_until);
void record_login(store::Connection& c, std::int64_t id, Timestamp now);

}  // namespace sotong::platform::account_store
