// SQLite: an online snapshot with the backup API. The source is read inside one read transaction, so the
// copy is one consistent moment and, in WAL mode, the server's readers and writers are never blocked;
// copying in chunks keeps each step short.
#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <stdexcept>
#include <string_view>

#include "core/korean_text.hpp"
#include "platform/backup/backup_engines.hpp"
#include "platform/backup/catalog_store.hpp"
#include "store/sqlite/sqlite_connection.hpp"

namespace sotong::platform::backup {
namespace {

constexpr int kPagesPerStep = 256;  // 1 MiB at the default 4 KiB page
constexpr auto kBusyPatience = std::chrono::seconds(60);
constexpr int kShmDeadManSwitch = 128;  // SQLite's unix VFS: every connection holds a read lock on this byte

/// An open SQLite handle, closed when this goes out of scope.
class Handle {
 public:
  Handle() = default;
  ~Handle() { sqlite3_close_v2(db_); }
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;

  /// Opens `path`; false (with message()) when SQLite refuses.
  bool open(const std::string& path, int flags) {
    const int rc = sqlite3_open_v2(path.c_str(), &db_, flags | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
      message_ = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
      return false;
    }
    sqlite3_busy_timeout(db_, 10000);
    return true;
  }
  sqlite3* get() { return db_; }
  const std::string& message() const { return message_; }
  std::string error() const { return db_ ? sqlite3_errmsg(db_) : message_; }

 private:
  sqlite3* db_ = nullptr;
  std::string message_;
};

/// Runs `sql` and returns the first column of every row as text; throws on an SQL error.
std::vector<std::string> column(sqlite3* db, std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr) != SQLITE_OK) {
    throw std::runtime_error(std::string(sqlite3_errmsg(db)));
  }
  std::vector<std::string> out;
  int rc = SQLITE_OK;
  while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    const auto* text = sqlite3_column_text(stmt, 0);
    out.emplace_back(text ? reinterpret_cast<const char*>(text) : "");
  }
  sqlite3_finalize(stmt);
  if (rc != SQLITE_DONE) throw std::runtime_error(std::string(sqlite3_errmsg(db)));
  return out;
}

/// Checks a copy: SQLite's integrity check and the migrations table every Sotong database has.
Result<std::vector<TableCount>> check_copy(sqlite3* db, const std::string& what) {
  std::vector<std::string> integrity;
  try {
    integrity = column(db, "PRAGMA integrity_check");
  } catch (const std::exception& e) {
    return Error::invalid(with_particle(what, "을/를") +
                          " SQLite 데이터베이스로 읽을 수 없습니다: " + e.what());
  }
  if (integrity.size() != 1 || integrity.front() != "ok") {
    std::string first = integrity.empty() ? "" : integrity.front();
    return Error{ErrorCode::internal, what + "의 무결성 검사에 실패했습니다: " + first, {}};
  }
  const auto tables = column(db, catalog_store::sqlite_list_tables_sql());
  if (std::find(tables.begin(), tables.end(), "schema_migrations") == tables.end()) {
    return Error::invalid(with_particle(what, "은/는") +
                          " 소통 데이터베이스가 아닙니다 (schema_migrations 표가 없습니다).");
  }
  std::vector<TableCount> counts;
  for (const auto& t : tables)
    counts.push_back({t, std::stoll(column(db, catalog_store::count_rows_sql(t)).front())});
  return counts;
}

/// Copies every page of `from` into `to`, in chunks, waiting while the destination is busy.
Result<void> copy_pages(sqlite3* to, sqlite3* from, int pages_per_step) {
  sqlite3_backup* copy = sqlite3_backup_init(to, "main", from, "main");
  if (!copy)
    return Error{ErrorCode::internal, std::string("복사를 시작할 수 없습니다: ") + sqlite3_errmsg(to), {}};
  const auto give_up = std::chrono::steady_clock::now() + kBusyPatience;
  int rc = SQLITE_OK;
  while ((rc = sqlite3_backup_step(copy, pages_per_step)) != SQLITE_DONE) {
    if (rc == SQLITE_OK) continue;
    if ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && std::chrono::steady_clock::now() < give_up) {
      sqlite3_sleep(20);
      continue;
    }
    break;
  }
  sqlite3_backup_finish(copy);
  if (rc != SQLITE_DONE) {
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
      return Error::conflict(
          "데이터베이스가 계속 잠겨 있어 복사하지 못했습니다. 서버를 멈춘 뒤 다시 시도하십시오.");
    }
    return Error{ErrorCode::internal, std::string("복사하지 못했습니다: ") + sqlite3_errstr(rc), {}};
  }
  return {};
}

/// The process that holds `database` open, when one does (its WAL index is locked); 0 when none.
pid_t holder_of(const std::string& database) {
  const std::string shm = database + "-shm";
  const int fd = ::open(shm.c_str(), O_RDWR | O_CLOEXEC);
  if (fd < 0) return 0;  // no WAL index: nobody has the database open in WAL mode
  struct flock probe {};
  probe.l_type = F_WRLCK;
  probe.l_whence = SEEK_SET;
  probe.l_start = kShmDeadManSwitch;
  probe.l_len = 1;
  const int rc = ::fcntl(fd, F_GETLK, &probe);
  ::close(fd);
  return rc == 0 && probe.l_type != F_UNLCK ? probe.l_pid : 0;
}

Result<void> remove_quietly(const std::string& path) {
  std::error_code ignored;
  std::filesystem::remove(path, ignored);
  return {};
}
}  // namespace

Result<Outcome> backup_sqlite(const std::string& database_path, const std::string& file) {
  if (!std::filesystem::is_regular_file(database_path)) {
    return Error::not_found("데이터베이스 파일이 없습니다: " + database_path);
  }
  std::error_code same_ec;
  if (std::filesystem::exists(file) && std::filesystem::equivalent(file, database_path, same_ec)) {
    return Error::invalid("백업 파일이 데이터베이스 파일 자신입니다. 다른 경로를 지정하십시오.");
  }
  Handle source;
  if (!source.open(database_path, SQLITE_OPEN_READWRITE)) {
    return Error{ErrorCode::internal,
                 "데이터베이스를 열 수 없습니다 (" + database_path + "): " + source.message(),
                 {}};
  }
  // One read transaction for the whole copy: a consistent snapshot that, in WAL mode, blocks no writer.
  std::vector<std::string> journal;
  try {
    journal = column(source.get(), "PRAGMA journal_mode");
    column(source.get(), "BEGIN");
    const auto found = column(source.get(), catalog_store::sqlite_find_migrations_table_sql());
    if (found.empty()) {
      return Error::invalid("소통 데이터베이스가 아닙니다 (schema_migrations 표가 없습니다): " +
                            database_path);
    }
  } catch (const std::exception& e) {
    return Error::invalid("SQLite 데이터베이스로 읽을 수 없습니다 (" + database_path + "): " + e.what());
  }
  // Outside WAL a held read lock would stall writers, so copy in one step there instead.
  const bool wal = !journal.empty() && journal.front() == "wal";

  const std::string temporary = file + ".tmp";
  if (auto created = create_private_file(temporary); !created) return created.error();
  Result<std::vector<TableCount>> checked = Error{};
  {
    Handle copy;
    if (!copy.open(temporary, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)) {
      return Error{
          ErrorCode::internal, "백업 파일을 만들 수 없습니다 (" + temporary + "): " + copy.message(), {}};
    }
    auto copied = copy_pages(copy.get(), source.get(), wal ? kPagesPerStep : -1);
    column(source.get(), "COMMIT");
    if (!copied) {
      (void)remove_quietly(temporary);
      return copied.error();
    }
    try {
      column(copy.get(), "PRAGMA journal_mode=DELETE");  // one self-contained file, no -wal beside it
    } catch (const std::exception& e) {
      (void)remove_quietly(temporary);
      return Error{ErrorCode::internal, std::string("백업 파일을 마무리하지 못했습니다: ") + e.what(), {}};
    }
    checked = check_copy(copy.get(), "백업 파일");
  }
  if (!checked) {
    (void)remove_quietly(temporary);
    return checked.error();
  }
  commit_file(temporary, file);
  return Outcome{file, std::filesystem::file_size(file), std::move(*checked), 0};
}

Result<Outcome> restore_sqlite(const std::string& file, const std::string& database_path) {
  Handle snapshot;
  if (!snapshot.open(file, SQLITE_OPEN_READONLY)) {
    return Error::invalid("백업 파일을 열 수 없습니다 (" + file + "): " + snapshot.message());
  }
  auto source_counts = check_copy(snapshot.get(), "백업 파일");
  if (!source_counts) return source_counts.error();

  if (const pid_t pid = holder_of(database_path)) {
    return Error::conflict("다른 프로그램(프로세스 " + std::to_string(pid) +
                           ")이 데이터베이스를 열고 있습니다: " + database_path +
                           ". 소통 서버를 멈춘 뒤 복원하십시오.");
  }
  const auto folder = std::filesystem::absolute(database_path).parent_path();
  if (!std::filesystem::is_directory(folder)) {
    return Error::not_found("데이터베이스를 둘 폴더가 없습니다: " + folder.string());
  }
  store::create_private_database_file(
      database_path);  // a restore into a new file: owner only, like the server's
  Handle target;
  if (!target.open(database_path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)) {
    return Error{ErrorCode::internal,
                 "데이터베이스를 열 수 없습니다 (" + database_path + "): " + target.message(),
                 {}};
  }
  // The copy is one write transaction on the target: it lands whole or not at all.
  auto copied = copy_pages(target.get(), snapshot.get(), -1);
  if (!copied) return copied.error();
  try {
    column(target.get(), "PRAGMA journal_mode=WAL");
  } catch (const std::exception& e) {
    return Error{
        ErrorCode::internal, std::string("복원한 데이터베이스를 WAL로 바꾸지 못했습니다: ") + e.what(), {}};
  }
  auto restored = check_copy(target.get(), "복원한 데이터베이스");
  if (!restored) return restored.error();
  return Outcome{file, std::filesystem::file_size(file), std::move(*restored), 0};
}

}  // namespace sotong::platform::backup
