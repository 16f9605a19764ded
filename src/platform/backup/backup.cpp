#include "platform/backup/backup.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "platform/backup/backup_engines.hpp"
#include "platform/backup/catalog_store.hpp"

namespace sotong::platform::backup {
namespace {

std::string sqlite_path(const std::string& url) {
  std::string path = url.substr(7);
  if (path.rfind("//", 0) == 0) path = path.substr(2);
  return path;
}

bool is_postgres(const std::string& url) {
  return url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0;
}

Error unsupported(const std::string& url) {
  return Error::invalid("지원하지 않는 데이터베이스 주소입니다 (sqlite:경로 또는 postgresql://…): " + url);
}

void fsync_path(const std::string& path, int flags) {
  const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) throw std::runtime_error("열 수 없습니다: " + path + ": " + std::strerror(errno));
  const int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0) throw std::runtime_error("디스크에 쓰지 못했습니다: " + path + ": " + std::strerror(errno));
}

template <typename F>
Result<Outcome> timed(F&& work) {
  const auto start = std::chrono::steady_clock::now();
  Result<Outcome> outcome = work();
  if (outcome)
    outcome->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return outcome;
}
}  // namespace

BackupKind sniff(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  char head[16] = {};
  in.read(head, sizeof head);
  const std::string_view bytes(head, static_cast<std::size_t>(in.gcount()));
  if (bytes == std::string_view("SQLite format 3\0", 16)) return BackupKind::sqlite;
  if (bytes.substr(0, 5) == "PGDMP") return BackupKind::postgres;
  return BackupKind::unknown;
}

Result<void> create_private_file(const std::string& path) {
  std::error_code ignored;
  std::filesystem::remove(path, ignored);
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    return Error{
        ErrorCode::internal, "백업 파일을 만들 수 없습니다 (" + path + "): " + std::strerror(errno), {}};
  }
  ::close(fd);
  return {};
}

void commit_file(const std::string& from, const std::string& to) {
  fsync_path(from, O_RDONLY);
  std::filesystem::rename(from, to);
  const auto folder = std::filesystem::absolute(to).parent_path();
  fsync_path(folder.string(), O_RDONLY | O_DIRECTORY);
}

Result<Outcome> backup(const std::string& database_url, const std::string& file) {
  if (file.empty()) return Error::invalid("백업 파일 경로를 지정하십시오.");
  const auto folder = std::filesystem::absolute(file).parent_path();
  if (!std::filesystem::is_directory(folder)) {
    return Error::not_found("백업 파일을 둘 폴더가 없습니다: " + folder.string());
  }
  if (std::filesystem::is_directory(file)) return Error::invalid("백업 파일 경로가 폴더입니다: " + file);
  if (database_url.rfind("sqlite:", 0) == 0)
    return timed([&] { return backup_sqlite(sqlite_path(database_url), file); });
  if (is_postgres(database_url)) return timed([&] { return backup_postgres(database_url, file); });
  return unsupported(database_url);
}

Result<Outcome> restore(const std::string& file, const std::string& database_url) {
  if (!std::filesystem::is_regular_file(file)) return Error::not_found("백업 파일이 없습니다: " + file);
  const BackupKind kind = sniff(file);
  if (kind == BackupKind::unknown) {
    return Error::invalid("소통 백업 파일이 아닙니다 (SQLite 데이터베이스도 pg_dump 파일도 아닙니다): " +
                          file);
  }
  if (database_url.rfind("sqlite:", 0) == 0) {
    if (kind == BackupKind::postgres) {
      return Error::invalid(
          "PostgreSQL(pg_dump) 백업 파일입니다. postgresql:// 주소의 데이터베이스로 복원하십시오.");
    }
    return timed([&] { return restore_sqlite(file, sqlite_path(database_url)); });
  }
  if (is_postgres(database_url)) {
    if (kind == BackupKind::sqlite) {
      return Error::invalid("SQLite 백업 파일입니다. sqlite: 주소의 데이터베이스로 복원하십시오.");
    }
    return timed([&] { return restore_postgres(file, database_url); });
  }
  return unsupported(database_url);
}

std::vector<TableCount> count_rows(store::Connection& c) {
  std::vector<TableCount> counts;
  for (const auto& name : catalog_store::list_tables(c))
    counts.push_back({name, catalog_store::count_rows(c, name)});
  std::sort(counts.begin(), counts.end(), [](const auto& a, const auto& b) { return a.table < b.table; });
  return counts;
}

}  // namespace sotong::platform::backup
