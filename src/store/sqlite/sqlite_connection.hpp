// The SQLite engine: one file in WAL mode with durable commits and a per-connection statement cache.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "store/database.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace sotong::store {

/// Creates the database file at `path` readable and writable by its owner only (it holds personal data) when
/// there is none yet; SQLite gives the -wal, -shm and journal files beside it the same mode. An existing file
/// keeps the mode its operator chose; ":memory:" and "file:" URIs are left to SQLite.
void create_private_database_file(const std::string& path);

class SqliteConnection final : public Connection {
 public:
  explicit SqliteConnection(const std::string& path);
  ~SqliteConnection() override;

  Engine engine() const override { return Engine::sqlite; }
  Rows query(std::string_view sql, const Params& params) override;
  void each(std::string_view sql, const Params& params, const std::function<void(Row&&)>& each) override;
  std::int64_t execute(std::string_view sql, const Params& params) override;
  void execute_script(std::string_view sql) override;
  void begin(bool writing) override;
  void commit() override;
  void rollback() override;
  void lock_for_migrations() override {}  // BEGIN IMMEDIATE already excludes other writers
  void lock_named(std::int64_t key) override;
  bool healthy() override;
  std::string dialect(std::string_view portable_sql) const override;

  /// The raw handle, for the online backup API.
  sqlite3* handle() { return db_; }

 private:
  sqlite3_stmt* prepare(std::string_view sql);
  void bind(sqlite3_stmt* stmt, const Params& params);
  [[noreturn]] void fail(int rc, std::string_view what);

  // Looked up by the caller's string_view: no copy of the SQL text on every query.
  struct SqlHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view sql) const noexcept { return std::hash<std::string_view>{}(sql); }
  };

  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, sqlite3_stmt*, SqlHash, std::equal_to<>> statements_;
};

}  // namespace sotong::store
