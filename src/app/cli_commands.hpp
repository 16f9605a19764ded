// The operator's console commands: migrate, demo-data, generate, user, token, import, history, backup,
// restore.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "app/config.hpp"
#include "platform/module.hpp"

namespace sotong::app {

struct CliArgs {
  std::string login;
  std::string name;
  std::string organization;  // organisation code
  std::vector<std::string> roles;
  std::string email;
  std::string token_name;
  int days = 0;
  long long token_id = 0;
  std::string file;
};

/// Creates the folder of a SQLite file when it is missing (data/ on a fresh checkout).
void ensure_sqlite_folder(const std::string& url);

int run_migrate(const Config& config);
/// Loads the demo organisations and accounts of every module; prints the demo logins. Refuses (exit 2, Korean
/// message) a database that holds accounts but no demo account, unless `force`: demo data signs in with a
/// published password, administrator included.
int run_demo_data(const Config& config, bool force);

/// The most records one `generate` run makes.
inline constexpr long long kMaxGenerated = 10'000'000;

struct GenerateArgs {
  std::string name;   // a generator's name from a manifest ("suggestions")
  std::string count;  // as typed, checked by run_generate so that the refusal is in Korean
};

/// `generate NAME --count N`: runs the generator some module's manifest names NAME on a migrated database
/// holding the demo organisations and accounts, and prints how many records it made. Exit 2 with a Korean
/// message for an unknown name, a count that is not a whole number from 1 to kMaxGenerated, or the
/// generator's own refusal.
int run_generate(const Config& config, const GenerateArgs& args);

void add_user_commands(CLI::App& user, CliArgs& args);
int run_user_command(const Config& config, CLI::App& user, const CliArgs& args);
void add_token_commands(CLI::App& token, CliArgs& args);
int run_token_command(const Config& config, CLI::App& token, const CliArgs& args);
void add_import_commands(CLI::App& import, CliArgs& args);
int run_import_command(const Config& config, CLI::App& import, const CliArgs& args);

struct HistoryArgs {
  int days = 0;  // prune: retention in days; 0 takes [history] retention_days from the configuration
};

/// `history verify` (exit 3 when the chain is broken) and `history prune [--days N]`.
/// A module's own console command (platform::CliCommand) on the migrated database.
int run_module_command(const Config& config, const platform::CliCommand& command,
                       const std::vector<std::string>& args);

void add_history_commands(CLI::App& history, HistoryArgs& args);
int run_history_command(const Config& config, CLI::App& history, const HistoryArgs& args);

/// `backup FILE`: a consistent snapshot of the database while the server keeps serving; prints its size and
/// the rows per table. Exit 2 with a Korean message when it cannot.
int run_backup(const Config& config, const std::string& file);
/// `restore FILE`: replaces the database with the backup (stop the server first) and prints the rows per
/// table.
int run_restore(const Config& config, const std::string& file);

}  // namespace sotong::app
