#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "platform/backup/backup.hpp"
#include "platform/backup/backup_engines.hpp"
#include "platform/backup/tool_process.hpp"
#include "store/database.hpp"

namespace sotong::platform::backup {
namespace {
namespace fs = std::filesystem;

class BackupSqlite : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("sotong-backup-test-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string path(const std::string& name) const { return (dir_ / name).string(); }

  /// A small Sotong-shaped database: schema_migrations plus a table with Korean rows.
  std::unique_ptr<store::Database> make_database(const std::string& name, int rows) {
    auto db = store::Database::open("sqlite:" + path(name), 2);
    db->write([&](store::Connection& c) {
      c.execute_script(
          "CREATE TABLE schema_migrations (module TEXT, number INTEGER, name TEXT);"
          "INSERT INTO schema_migrations VALUES ('organizations', 1, '0001_organizations');"
          "CREATE TABLE organizations (id INTEGER PRIMARY KEY, code TEXT UNIQUE, name TEXT);");
      for (int i = 0; i < rows; ++i) {
        c.execute("INSERT INTO organizations (code, name) VALUES (?, ?)",
                  {"C" + std::to_string(i), "전주시 " + std::to_string(i)});
      }
      return 0;
    });
    return db;
  }

  fs::path dir_;
};

std::int64_t rows_of(const std::vector<TableCount>& counts, const std::string& table) {
  for (const auto& t : counts)
    if (t.table == table) return t.rows;
  return -1;
}

TEST_F(BackupSqlite, RoundTripKeepsEveryRow) {
  auto db = make_database("live.db", 500);
  auto made = backup("sqlite:" + path("live.db"), path("copy.sotong"));
  ASSERT_TRUE(made.ok()) << made.error().message;
  EXPECT_EQ(rows_of(made->tables, "organizations"), 500);
  EXPECT_EQ(rows_of(made->tables, "schema_migrations"), 1);
  EXPECT_GT(made->bytes, 0u);
  EXPECT_FALSE(fs::exists(path("copy.sotong.tmp")));
  EXPECT_FALSE(fs::exists(path("copy.sotong-wal"))) << "the copy is one self-contained file";
  EXPECT_EQ(sniff(path("copy.sotong")), BackupKind::sqlite);
  EXPECT_EQ(fs::status(path("copy.sotong")).permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write)
      << "a backup holds personal data: owner only";

  auto restored = restore(path("copy.sotong"), "sqlite:" + path("fresh.db"));
  ASSERT_TRUE(restored.ok()) << restored.error().message;
  EXPECT_EQ(rows_of(restored->tables, "organizations"), 500);
  auto fresh = store::Database::open("sqlite:" + path("fresh.db"), 1);
  auto names = fresh->read([](store::Connection& c) {
    return c.query("SELECT code, name FROM organizations WHERE code IN ('C0', 'C499') ORDER BY code");
  });
  ASSERT_EQ(names.size(), 2u);
  EXPECT_EQ(names[0].text(1), "전주시 0");
  EXPECT_EQ(names[1].text(1), "전주시 499");
  EXPECT_EQ(fresh->read([](store::Connection& c) { return count_rows(c); }).size(), restored->tables.size());
}

TEST_F(BackupSqlite, SnapshotIsOneMomentWhileWritesGoOn) {
  auto db = make_database("live.db", 20000);  // several chunks of pages
  std::atomic<bool> stop{false};
  std::atomic<int> written{0};
  std::thread writer([&] {
    for (int i = 0; !stop; ++i) {
      db->write([&](store::Connection& c) {
        return c.execute("INSERT INTO organizations (code, name) VALUES (?, '새 기관')",
                         {"W" + std::to_string(i)});
      });
      ++written;
    }
  });
  while (written < 5) std::this_thread::yield();
  auto made = backup("sqlite:" + path("live.db"), path("copy.sotong"));
  const int during = written;
  stop = true;
  writer.join();
  ASSERT_TRUE(made.ok()) << made.error().message;
  const auto copied = rows_of(made->tables, "organizations");
  EXPECT_GE(copied, 20000 + 5);
  EXPECT_LE(copied, 20000 + during);
  // The copy's rows form one consistent moment: codes W0 … W(n-1) with no gap.
  auto restored = restore(path("copy.sotong"), "sqlite:" + path("fresh.db"));
  ASSERT_TRUE(restored.ok()) << restored.error().message;
  auto fresh = store::Database::open("sqlite:" + path("fresh.db"), 1);
  const auto added = fresh->read([](store::Connection& c) {
    return c.scalar("SELECT COUNT(*) FROM organizations WHERE code LIKE 'W%'");
  });
  const auto highest = fresh->read([](store::Connection& c) {
    return c.scalar("SELECT MAX(CAST(SUBSTR(code, 2) AS INTEGER)) FROM organizations WHERE code LIKE 'W%'");
  });
  EXPECT_EQ(highest + 1, added);
}

TEST_F(BackupSqlite, RestoreReplacesAnExistingDatabase) {
  auto live = make_database("live.db", 3);
  ASSERT_TRUE(backup("sqlite:" + path("live.db"), path("copy.sotong")).ok());
  { auto other = make_database("other.db", 50); }
  auto restored = restore(path("copy.sotong"), "sqlite:" + path("other.db"));
  ASSERT_TRUE(restored.ok()) << restored.error().message;
  auto other = store::Database::open("sqlite:" + path("other.db"), 1);
  EXPECT_EQ(other->read([](store::Connection& c) { return c.scalar("SELECT COUNT(*) FROM organizations"); }),
            3);
}

TEST_F(BackupSqlite, ClearKoreanErrors) {
  auto missing_db = backup("sqlite:" + path("nothing.db"), path("copy.sotong"));
  ASSERT_FALSE(missing_db.ok());
  EXPECT_NE(missing_db.error().message.find("데이터베이스 파일이 없습니다"), std::string::npos);
  EXPECT_FALSE(fs::exists(path("nothing.db"))) << "a backup never creates the database it reads";

  auto db = make_database("live.db", 1);
  auto no_folder = backup("sqlite:" + path("live.db"), path("no/such/folder/copy.sotong"));
  ASSERT_FALSE(no_folder.ok());
  EXPECT_NE(no_folder.error().message.find("폴더가 없습니다"), std::string::npos);

  auto missing_file = restore(path("nope.sotong"), "sqlite:" + path("fresh.db"));
  ASSERT_FALSE(missing_file.ok());
  EXPECT_NE(missing_file.error().message.find("백업 파일이 없습니다"), std::string::npos);

  std::ofstream(path("notes.txt")) << "회의록 초안";
  auto garbage = restore(path("notes.txt"), "sqlite:" + path("fresh.db"));
  ASSERT_FALSE(garbage.ok());
  EXPECT_NE(garbage.error().message.find("소통 백업 파일이 아닙니다"), std::string::npos);

  std::ofstream(path("pg.dump"), std::ios::binary) << "PGDMP\x01\x0e\x00";
  auto wrong_engine = restore(path("pg.dump"), "sqlite:" + path("fresh.db"));
  ASSERT_FALSE(wrong_engine.ok());
  EXPECT_NE(wrong_engine.error().message.find("postgresql://"), std::string::npos);
  EXPECT_FALSE(fs::exists(path("fresh.db")));

  auto plain = store::Database::open("sqlite:" + path("plain.db"), 1);
  plain->write([](store::Connection& c) { return c.execute("CREATE TABLE notes (body TEXT)"); });
  auto not_sotong = backup("sqlite:" + path("plain.db"), path("plain.sotong"));
  ASSERT_FALSE(not_sotong.ok());
  EXPECT_NE(not_sotong.error().message.find("schema_migrations"), std::string::npos);
  EXPECT_FALSE(fs::exists(path("plain.sotong.tmp")));
  fs::copy_file(path("plain.db"), path("plain-copy.db"));
  auto not_sotong_restore = restore(path("plain-copy.db"), "sqlite:" + path("fresh.db"));
  ASSERT_FALSE(not_sotong_restore.ok());
  EXPECT_NE(not_sotong_restore.error().message.find("소통 데이터베이스가 아닙니다"), std::string::npos);

  auto onto_itself = backup("sqlite:" + path("live.db"), path("live.db"));
  ASSERT_FALSE(onto_itself.ok());
}

TEST_F(BackupSqlite, RestoreRefusesADatabaseAnotherProcessHasOpen) {
  { auto live = make_database("live.db", 2); }
  ASSERT_TRUE(backup("sqlite:" + path("live.db"), path("copy.sotong")).ok());
  int ready[2], release[2];
  ASSERT_EQ(::pipe(ready), 0);
  ASSERT_EQ(::pipe(release), 0);
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {  // another process with the database open, like a running server
    auto db = store::Database::open("sqlite:" + path("live.db"), 1);
    db->read([](store::Connection& c) { return c.scalar("SELECT COUNT(*) FROM organizations"); });
    char byte = 1;
    (void)!::write(ready[1], &byte, 1);
    (void)!::read(release[0], &byte, 1);
    ::_exit(0);
  }
  char byte = 0;
  ASSERT_EQ(::read(ready[0], &byte, 1), 1);
  auto refused = restore(path("copy.sotong"), "sqlite:" + path("live.db"));
  (void)!::write(release[1], &byte, 1);
  int status = 0;
  ::waitpid(child, &status, 0);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::conflict);
  EXPECT_NE(refused.error().message.find("프로세스 " + std::to_string(child)), std::string::npos)
      << refused.error().message;
  EXPECT_NE(refused.error().message.find("서버를 멈춘 뒤"), std::string::npos);
  auto after = restore(path("copy.sotong"), "sqlite:" + path("live.db"));
  EXPECT_TRUE(after.ok()) << "once the other process is gone: " << after.error().message;
  for (int fd : {ready[0], ready[1], release[0], release[1]}) ::close(fd);
}

TEST(BackupPostgres, PasswordLeavesTheCommandLine) {
  auto t = split_password("postgresql://sotong:s%40cret@db.internal:5432/sotong?sslmode=require");
  EXPECT_EQ(t.url, "postgresql://sotong@db.internal:5432/sotong?sslmode=require");
  ASSERT_EQ(t.env.size(), 1u);
  EXPECT_EQ(t.env[0].first, "PGPASSWORD");
  EXPECT_EQ(t.env[0].second, "s@cret");
  EXPECT_EQ(split_password("postgresql://postgres@127.0.0.1:5432/sotong").url,
            "postgresql://postgres@127.0.0.1:5432/sotong");
  EXPECT_TRUE(split_password("postgresql://postgres@127.0.0.1:5432/sotong").env.empty());
  EXPECT_EQ(split_password("postgresql://u:p@h").url, "postgresql://u@h");
}

/// The same temporary folder, for a PostgreSQL backup file.
class BackupPostgresFile : public BackupSqlite {};

TEST_F(BackupPostgresFile, ANameLikeAnOptionIsReadAsAFile) {
  // A PostgreSQL-looking file named "--version" in the working folder: before the "--", pg_restore took the
  // name for its option, printed its version and the file was never read.
  std::ofstream(path("--version"), std::ios::binary) << "PGDMP not really a dump";
  const auto cwd = fs::current_path();
  fs::current_path(dir_);
  auto restored = restore("--version", "postgresql://postgres@127.0.0.1:1/none");
  fs::current_path(cwd);
  ASSERT_FALSE(restored.ok());
  if (restored.error().message.find("찾을 수 없습니다") != std::string::npos)
    GTEST_SKIP() << "no pg_restore here";
  EXPECT_NE(restored.error().message.find("pg_restore가 읽지 못했습니다"), std::string::npos)
      << restored.error().message;
}

TEST(BackupTools, RunsWithoutAShellAndReportsAMissingTool) {
  auto echoed = run_tool({"printf", "%s|", "a b", "$HOME;rm"}, {{"SOTONG_TEST", "1"}}, true);
  ASSERT_TRUE(echoed.ok());
  EXPECT_EQ(echoed->exit_code, 0);
  EXPECT_EQ(echoed->output, "a b|$HOME;rm|");
  auto env = run_tool({"sh", "-c", "printf %s \"$SOTONG_TEST\""}, {{"SOTONG_TEST", "전주"}}, true);
  ASSERT_TRUE(env.ok());
  EXPECT_EQ(env->output, "전주");
  auto failing = run_tool({"false"});
  ASSERT_TRUE(failing.ok());
  EXPECT_EQ(failing->exit_code, 1);
  auto missing = run_tool({"sotong-no-such-tool"});
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("찾을 수 없습니다"), std::string::npos);
}

}  // namespace
}  // namespace sotong::platform::backup
