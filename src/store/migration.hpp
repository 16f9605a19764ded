// Numbered migrations per module, applied once in order and recorded in schema_migrations.
#pragma once

#include <string>
#include <vector>

#include "store/database.hpp"

namespace sotong::store {

struct Migration {
  std::string module;  // "platform", "suggestions", …
  int number = 0;      // 1, 2, … within the module
  std::string name;    // "0001_organizations"
  std::string sql;     // portable SQL with {{id}} / {{blob}} markers
};

/// Parses "0003_accounts.sql" style names into a number; 0 when the name has no number prefix.
int migration_number(const std::string& file_name);

/// Applies every migration not yet recorded, each in its own transaction, serialised across nodes.
/// Returns the names applied now. Throws DatabaseError when a migration fails (nothing of it is kept).
std::vector<std::string> apply_migrations(Database& db, const std::vector<Migration>& migrations);

}  // namespace sotong::store
