// Whole-database backup and restore for the operator (`sotong backup` / `sotong restore`): SQLite through its
// online backup API, PostgreSQL through pg_dump and pg_restore.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "store/database.hpp"

namespace sotong::platform::backup {

struct TableCount {
  std::string table;
  std::int64_t rows = 0;
};

struct Outcome {
  std::string file;          // the backup file written or read
  std::uintmax_t bytes = 0;  // its size
  std::vector<TableCount>
      tables;  // rows per table in the copy (every table of a restored database; for a
               // PostgreSQL backup, the tables the dump holds with rows = -1: not counted)
  double seconds = 0;
};

/// Writes a consistent snapshot of the database at `database_url` ("sqlite:PATH" or "postgresql://…") to
/// `file` while the server keeps serving: FILE.tmp first, checked (integrity, schema_migrations), then
/// renamed. Errors (Korean): the database or the target folder is missing, it is not a Sotong database,
/// pg_dump is missing or fails.
Result<Outcome> backup(const std::string& database_url, const std::string& file);

/// Replaces the contents of the database at `database_url` with the backup in `file` and checks the result.
/// Stop the server first: a SQLite database another process holds open is refused. Errors (Korean): the
/// file is missing, not a Sotong backup, made for the other engine, or pg_restore is missing or fails.
Result<Outcome> restore(const std::string& file, const std::string& database_url);

/// Rows per table (the engine's own tables left out), ordered by table name.
std::vector<TableCount> count_rows(store::Connection& c);

}  // namespace sotong::platform::backup
