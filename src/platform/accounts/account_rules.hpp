// Pure rules for accounts: field validation, lockout after failed logins, self-protection of admins.
#pragma once

#include "core/clock.hpp"
#include "core/result.hpp"
#include "platform/accounts/account.hpp"

namespace sotong::platform {

struct ValidAccount {
  std::string login_id;
  std::string display_name;
  std::string email;
  std::string position;
  std::int64_t organization_id = 0;
  std::vector<Role> roles;
  bool active = true;
};

/// Checks every field; login ids are 4–30 of a–z, 0–9, '.', '_', '-'.
Result<ValidAccount> validate_account(const AccountInput& input);

struct Lockout {
  std::int64_t failed_logins;  // the counter to store
  Timestamp locked_until;      // 0 when not locked
};

/// The state after one more failed login: at `threshold` failures the account locks for `minutes`.
Lockout after_failed_login(std::int64_t failures_before, int threshold, int minutes, Timestamp now);
bool is_locked(Timestamp locked_until, Timestamp now);

/// True when recent failed sign-ins have reached a limit: the attempt is refused before any password is
/// checked, whichever account it names. One address may fail `per_address_limit` times; once failures from
/// everywhere reach `total_limit` (a spray from many addresses), only addresses with no recent failure may
/// still try, so that the people typing their password right are not locked out by the attack.
bool sign_in_throttled(std::int64_t failures_from_address, std::int64_t failures_total, int per_address_limit,
                       int total_limit);

/// An administrator may not lock themselves out: no self-deactivation, no dropping their own admin role.
Result<void> check_self_edit(const Actor& actor, std::int64_t account_id, const ValidAccount& change);

}  // namespace sotong::platform
