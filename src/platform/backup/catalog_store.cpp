#include "platform/backup/catalog_store.hpp"

namespace sotong::platform::catalog_store {
namespace {

constexpr const char* kSqliteTables =
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY "
    "name";
constexpr const char* kPostgresTables =
    "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename";

/// A table name as a quoted identifier ("a""b"), so any name the catalogue gives is safe in the statement.
std::string quoted(std::string_view name) {
  std::string out = "\"";
  for (const char ch : name) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  return out + "\"";
}

}  // namespace

std::vector<std::string> list_tables(store::Connection& c) {
  std::vector<std::string> out;
  for (const auto& row : c.query(c.engine() == store::Engine::sqlite ? kSqliteTables : kPostgresTables))
    out.push_back(row.text(0));
  return out;
}

std::int64_t count_rows(store::Connection& c, std::string_view table) {
  return c.scalar(count_rows_sql(table));
}

std::string_view sqlite_list_tables_sql() {
  return kSqliteTables;
}

std::string count_rows_sql(std::string_view table) {
  return "SELECT COUNT(*) FROM " + quoted(table);
}

std::string_view sqlite_find_migrations_table_sql() {
  return "SELECT name FROM sqlite_master WHERE name = 'schema_migrations'";
}

}  // namespace sotong::platform::catalog_store
