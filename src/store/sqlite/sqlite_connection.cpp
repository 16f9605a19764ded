#include "store/sqlite/sqlite_connection.hpp"

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <chrono>

#include "store/dialect.hpp"

namespace sotong::store {
namespace {
class Timer {
 public:
  ~Timer() { QueryTiming::record(std::chrono::steady_clock::now() - start_); }

 private:
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};
}  // namespace

void create_private_database_file(const std::string& path) {
  if (path.empty() || path == ":memory:" || path.rfind("file:", 0) == 0) return;
  // O_EXCL: only a file made here gets the mode; a failure (it exists, no folder) is left to sqlite3_open.
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd >= 0) ::close(fd);
}

SqliteConnection::SqliteConnection(const std::string& path) {
  create_private_database_file(path);
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  if (int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr); rc != SQLITE_OK) {
    std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close(db_);
    db_ = nullptr;
    throw DatabaseError("SQLite 파일을 열 수 없습니다 (" + path + "): " + message);
  }
  sqlite3_busy_timeout(db_, 10000);
  // Plans never depend on bound values: otherwise a statement with `col LIKE ?` is marked to be compiled
  // again whenever its parameter changes (SQLite weighs the LIKE optimisation per value), which made a
  // kept statement cost a fresh prepare on every request (40 % of the suggestions list's query).
  sqlite3_db_config(db_, SQLITE_DBCONFIG_ENABLE_QPSG, 1, nullptr);
  // WAL lets readers run beside the writer; synchronous=FULL makes every commit survive power loss.
  execute_script(
      "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY;");
}

SqliteConnection::~SqliteConnection() {
  for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
  sqlite3_close(db_);
}

void SqliteConnection::fail(int rc, std::string_view what) {
  std::string message = std::string(what) + ": " + sqlite3_errmsg(db_);
  const int primary = rc & 0xFF;
  if (primary == SQLITE_CONSTRAINT) throw ConstraintViolation(message);
  throw DatabaseError(message);
}

sqlite3_stmt* SqliteConnection::prepare(std::string_view sql) {
  auto it = statements_.find(sql);
  if (it != statements_.end()) {
    sqlite3_reset(it->second);
    sqlite3_clear_bindings(it->second);
    return it->second;
  }
  sqlite3_stmt* stmt = nullptr;
  if (int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                                  &stmt, nullptr);
      rc != SQLITE_OK) {
    fail(rc, "SQL 준비 실패");
  }
  statements_.emplace(std::string(sql), stmt);
  return stmt;
}

void SqliteConnection::bind(sqlite3_stmt* stmt, const Params& params) {
  for (std::size_t i = 0; i < params.size(); ++i) {
    const int idx = static_cast<int>(i + 1);
    const auto& v = params[i].storage();
    int rc = SQLITE_OK;
    if (std::holds_alternative<std::monostate>(v)) {
      rc = sqlite3_bind_null(stmt, idx);
    } else if (const auto* n = std::get_if<std::int64_t>(&v)) {
      rc = sqlite3_bind_int64(stmt, idx, *n);
    } else if (const auto* d = std::get_if<double>(&v)) {
      rc = sqlite3_bind_double(stmt, idx, *d);
    } else if (const auto* s = std::get_if<std::string>(&v)) {
      rc = sqlite3_bind_text64(stmt, idx, s->data(), s->size(), SQLITE_STATIC, SQLITE_UTF8);
    } else if (const auto* b = std::get_if<Blob>(&v)) {
      rc = sqlite3_bind_blob64(stmt, idx, b->bytes.data(), b->bytes.size(), SQLITE_STATIC);
    }
    if (rc != SQLITE_OK) fail(rc, "매개변수 바인딩 실패");
  }
}

Rows SqliteConnection::query(std::string_view sql, const Params& params) {
  Rows rows;
  each(sql, params, [&rows](Row&& row) { rows.push_back(std::move(row)); });
  return rows;
}

void SqliteConnection::each(std::string_view sql, const Params& params,
                            const std::function<void(Row&&)>& each) {
  Timer timer;
  sqlite3_stmt* stmt = prepare(sql);
  bind(stmt, params);
  // The statement is kept for the next call: reset it however this one ends, a throwing `each` included.
  struct Reset {
    sqlite3_stmt* stmt;
    ~Reset() { sqlite3_reset(stmt); }
  } reset{stmt};
  const int columns = sqlite3_column_count(stmt);
  for (;;) {
    const int rc = sqlite3_step(stmt);
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) fail(rc, "SQL 실행 실패");
    std::vector<Value> cells;
    cells.reserve(columns);
    for (int c = 0; c < columns; ++c) {
      switch (sqlite3_column_type(stmt, c)) {
        case SQLITE_INTEGER:
          cells.emplace_back(static_cast<long long>(sqlite3_column_int64(stmt, c)));
          break;
        case SQLITE_FLOAT:
          cells.emplace_back(sqlite3_column_double(stmt, c));
          break;
        case SQLITE_TEXT:
          cells.emplace_back(std::string(reinterpret_cast<const char*>(sqlite3_column_text(stmt, c)),
                                         static_cast<std::size_t>(sqlite3_column_bytes(stmt, c))));
          break;
        case SQLITE_BLOB: {
          const auto* p = static_cast<const char*>(sqlite3_column_blob(stmt, c));
          cells.emplace_back(
              Blob{std::string(p ? p : "", static_cast<std::size_t>(sqlite3_column_bytes(stmt, c)))});
          break;
        }
        default:
          cells.emplace_back();
      }
    }
    each(Row(std::move(cells)));
  }
}

std::int64_t SqliteConnection::execute(std::string_view sql, const Params& params) {
  query(sql, params);
  return sqlite3_changes64(db_);
}

void SqliteConnection::execute_script(std::string_view sql) {
  Timer timer;
  std::string text(sql);
  char* error = nullptr;
  if (int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error); rc != SQLITE_OK) {
    std::string message = error ? error : sqlite3_errstr(rc);
    sqlite3_free(error);
    if ((rc & 0xFF) == SQLITE_CONSTRAINT) throw ConstraintViolation(message);
    throw DatabaseError("SQL 실행 실패: " + message);
  }
}

void SqliteConnection::begin(bool writing) {
  execute_script(writing ? "BEGIN IMMEDIATE" : "BEGIN");
}
void SqliteConnection::commit() {
  execute_script("COMMIT");
}
void SqliteConnection::rollback() {
  if (!sqlite3_get_autocommit(db_)) execute_script("ROLLBACK");
}
void SqliteConnection::lock_named(std::int64_t) {
  // BEGIN IMMEDIATE already excludes other writers; outside a transaction nothing would.
  if (sqlite3_get_autocommit(db_)) throw DatabaseError("이름 붙은 잠금은 트랜잭션 안에서만 쓸 수 있습니다.");
}

bool SqliteConnection::healthy() {
  if (db_ == nullptr) return false;
  if (!sqlite3_get_autocommit(db_)) {
    try {
      rollback();  // a lease returned mid-transaction must not leak its transaction to the next user
    } catch (const DatabaseError&) {
      return false;
    }
  }
  return true;
}

std::string SqliteConnection::dialect(std::string_view portable_sql) const {
  return apply_dialect(
      portable_sql,
      {{"{{id}}", "INTEGER PRIMARY KEY AUTOINCREMENT"}, {"{{blob}}", "BLOB"}, {"{{find_text}}", "instr"}});
}

}  // namespace sotong::store
