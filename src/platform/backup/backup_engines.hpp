// The two engines' backup and restore, behind backup.hpp, and the file checks they share.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "platform/backup/backup.hpp"

namespace sotong::platform::backup {

enum class BackupKind { sqlite, postgres, unknown };

/// What the first bytes of `file` say it is ("SQLite format 3", "PGDMP").
BackupKind sniff(const std::string& file);

/// Creates `path` empty and readable by its owner only (a backup holds personal data), replacing a stale one.
/// Error (Korean) when it cannot.
Result<void> create_private_file(const std::string& path);

/// Renames `from` over `to` and makes both the data and the rename durable.
void commit_file(const std::string& from, const std::string& to);

/// A PostgreSQL URL for a tool's command line, its password moved into PGPASSWORD.
struct PgTarget {
  std::string url;
  std::vector<std::pair<std::string, std::string>> env;
};
PgTarget split_password(const std::string& url);

Result<Outcome> backup_sqlite(const std::string& database_path, const std::string& file);
Result<Outcome> restore_sqlite(const std::string& file, const std::string& database_path);
Result<Outcome> backup_postgres(const std::string& database_url, const std::string& file);
Result<Outcome> restore_postgres(const std::string& file, const std::string& database_url);

}  // namespace sotong::platform::backup
