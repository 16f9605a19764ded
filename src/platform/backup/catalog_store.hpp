// The one place that names every table, whoever owns it: the engine's catalogue, read by backup and restore
// to list the tables of a copy and count their rows (docs/decisions/0004-table-ownership.md).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.hpp"

namespace sotong::platform::catalog_store {

/// Every table of the database (the engine's own left out), in the order the catalogue gives.
std::vector<std::string> list_tables(store::Connection& c);
/// The rows of one table named by the catalogue.
std::int64_t count_rows(store::Connection& c, std::string_view table);

/// The same statements as text, for a raw SQLite handle on a backup file (outside the connection pool):
/// every table but SQLite's own, by name; the rows of one table; the migrations table, when there is one.
std::string_view sqlite_list_tables_sql();
std::string count_rows_sql(std::string_view table);
std::string_view sqlite_find_migrations_table_sql();

}  // namespace sotong::platform::catalog_store
