// PostgreSQL: pg_dump's custom format (a consistent snapshot taken in one transaction while the server keeps
// serving) and pg_restore, run as tools with an argument vector. A password in the URL goes to the tool
// through PGPASSWORD, never on its command line where `ps` would show it.
#include <algorithm>
#include <filesystem>

#include "core/korean_text.hpp"
#include "http/form.hpp"
#include "platform/backup/backup_engines.hpp"
#include "platform/backup/tool_process.hpp"

namespace sotong::platform::backup {

PgTarget split_password(const std::string& url) {
  const auto scheme_end = url.find("://");
  if (scheme_end == std::string::npos) return {url, {}};
  const auto authority_start = scheme_end + 3;
  const auto authority_end = url.find_first_of("/?", authority_start);
  const std::string authority = url.substr(authority_start, authority_end - authority_start);
  const auto at = authority.rfind('@');
  if (at == std::string::npos) return {url, {}};
  const auto colon = authority.find(':');
  if (colon == std::string::npos || colon > at) return {url, {}};
  std::string password;
  if (!http::percent_decode(authority.substr(colon + 1, at - colon - 1), password, false)) return {url, {}};
  const std::string rest = authority_end == std::string::npos ? "" : url.substr(authority_end);
  return {url.substr(0, authority_start) + authority.substr(0, colon) + authority.substr(at) + rest,
          {{"PGPASSWORD", password}}};
}

namespace {

/// The tables a dump holds data for, from pg_restore's table of contents; Error unless it is a Sotong dump.
Result<std::vector<TableCount>> dump_tables(const std::string& file, const std::string& what) {
  // "--": a file whose name starts with "-" is a file, not an option (--version, --dbname=…).
  auto listed = run_tool({"pg_restore", "--list", "--", file}, {}, true);
  if (!listed) return listed.error();
  if (listed->exit_code != 0) {
    return Error::invalid(with_particle(what, "을/를") + " pg_restore가 읽지 못했습니다 (종료 코드 " +
                          std::to_string(listed->exit_code) + "): " + file);
  }
  // Lines look like "3391; 0 16390 TABLE DATA public organizations postgres".
  std::vector<TableCount> tables;
  std::size_t start = 0;
  while (start < listed->output.size()) {
    auto end = listed->output.find('\n', start);
    if (end == std::string::npos) end = listed->output.size();
    const std::string line = listed->output.substr(start, end - start);
    start = end + 1;
    if (line.empty() || line.front() == ';') continue;
    const auto marker = line.find(" TABLE DATA ");
    if (marker == std::string::npos) continue;
    const std::string rest = line.substr(marker + 12);  // "public organizations postgres"
    const auto space = rest.find(' ');
    const auto second = rest.find(' ', space + 1);
    if (space == std::string::npos) continue;
    tables.push_back({rest.substr(space + 1, second - space - 1), -1});
  }
  const bool sotong =
      std::any_of(tables.begin(), tables.end(), [](const auto& t) { return t.table == "schema_migrations"; });
  if (!sotong)
    return Error::invalid(with_particle(what, "은/는") +
                          " 소통 데이터베이스의 백업이 아닙니다 (schema_migrations 표가 없습니다).");
  std::sort(tables.begin(), tables.end(), [](const auto& a, const auto& b) { return a.table < b.table; });
  return tables;
}
}  // namespace

Result<Outcome> backup_postgres(const std::string& database_url, const std::string& file) {
  const PgTarget conn = split_password(database_url);
  const std::string temporary = file + ".tmp";
  std::error_code ignored;
  if (auto created = create_private_file(temporary); !created) return created.error();
  auto dumped =
      run_tool({"pg_dump", "--format=custom", "--file=" + temporary, "--dbname=" + conn.url}, conn.env);
  if (!dumped) return dumped.error();
  if (dumped->exit_code != 0) {
    std::filesystem::remove(temporary, ignored);
    return Error{ErrorCode::internal,
                 "pg_dump가 실패했습니다 (종료 코드 " + std::to_string(dumped->exit_code) +
                     "). 위의 pg_dump 메시지를 확인하십시오.",
                 {}};
  }
  auto tables = dump_tables(temporary, "만든 백업 파일");
  if (!tables) {
    std::filesystem::remove(temporary, ignored);
    return tables.error();
  }
  commit_file(temporary, file);
  return Outcome{file, std::filesystem::file_size(file), std::move(*tables), 0};
}

Result<Outcome> restore_postgres(const std::string& file, const std::string& database_url) {
  auto tables = dump_tables(file, "백업 파일");
  if (!tables) return tables.error();
  const PgTarget conn = split_password(database_url);
  // One transaction: the database ends up as the backup, or as it was.
  auto restored = run_tool({"pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction",
                            "--exit-on-error", "--dbname=" + conn.url, "--", file},
                           conn.env);
  if (!restored) return restored.error();
  if (restored->exit_code != 0) {
    return Error{ErrorCode::internal,
                 "pg_restore가 실패했습니다 (종료 코드 " + std::to_string(restored->exit_code) +
                     "). 데이터베이스는 바뀌지 않았습니다. 위의 pg_restore 메시지를 확인하십시오.",
                 {}};
  }
  auto db = store::Database::open(database_url, 1);
  auto counts = db->read([](store::Connection& c) { return count_rows(c); });
  const bool sotong =
      std::any_of(counts.begin(), counts.end(), [](const auto& t) { return t.table == "schema_migrations"; });
  if (!sotong)
    return Error{ErrorCode::internal, "복원한 데이터베이스에 schema_migrations 표가 없습니다.", {}};
  return Outcome{file, std::filesystem::file_size(file), std::move(counts), 0};
}

}  // namespace sotong::platform::backup
