// The demo accounts of `sotong demo-data` (and so of `make run`), and how they are told from real ones: demo
// data must never put a known password beside real accounts by accident.
#pragma once

#include <string>
#include <vector>

#include "platform/accounts/account.hpp"
#include "store/database.hpp"

namespace sotong::platform::accounts {

inline constexpr const char* kDemoPassword = "sotong-demo-2026";

/// Creates the demo accounts (password kDemoPassword, no forced change), two or more in each 시·군; skips
/// those already there. Demo data only.
void load_demo_accounts(store::Database& db);

/// A demo account: one of the demo login ids with the address demo data gave it (login@sotong.example, a
/// reserved domain no real mailbox has).
bool is_demo_account(const Account& account);

/// The login ids of the accounts that stop demo data from loading: every account of a database that holds
/// accounts but no demo account (a real installation). Empty for a fresh database, and for one that already
/// holds the demo accounts (`make run` again), where loading adds no new password.
std::vector<std::string> accounts_refusing_demo_data(store::Connection& c);

}  // namespace sotong::platform::accounts
