#include <gtest/gtest.h>

#include <filesystem>

#include "store/database.hpp"
#include "store/migration.hpp"
#include "store/postgres/postgres_connection.hpp"

namespace sotong::store {
namespace {

class SqliteStore : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() /
            ("sotong_store_test_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "_" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db");
    std::filesystem::remove(path_);
    db_ = Database::open("sqlite:" + path_.string(), 2);
  }
  void TearDown() override {
    db_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + suffix);
  }
  std::filesystem::path path_;
  std::unique_ptr<Database> db_;
};

const std::vector<Migration> kMigrations = {
    {"demo", 1, "0001_items",
     "CREATE TABLE demo_items (id {{id}}, name TEXT NOT NULL UNIQUE, data {{blob}});"},
    {"demo", 2, "0002_note", "ALTER TABLE demo_items ADD COLUMN note TEXT;"},
};

}  // namespace

TEST_F(SqliteStore, ANewDatabaseFileAndItsWalAreReadableByTheOwnerOnly) {
  // SetUp opened a new file; a write makes the WAL and its index.
  apply_migrations(*db_, kMigrations);
  const auto owner_only = std::filesystem::perms::owner_read | std::filesystem::perms::owner_write;
  for (const char* suffix : {"", "-wal", "-shm"}) {
    const std::string file = path_.string() + suffix;
    ASSERT_TRUE(std::filesystem::exists(file)) << file;
    EXPECT_EQ(std::filesystem::status(file).permissions() & std::filesystem::perms::all, owner_only) << file;
  }
  // A file the operator made with another mode keeps it.
  db_.reset();
  std::filesystem::permissions(path_, std::filesystem::perms::owner_all | std::filesystem::perms::group_read);
  db_ = Database::open("sqlite:" + path_.string(), 1);
  EXPECT_EQ(std::filesystem::status(path_).permissions() & std::filesystem::perms::all,
            std::filesystem::perms::owner_all | std::filesystem::perms::group_read);
}

TEST_F(SqliteStore, MigrationsApplyOnceInOrder) {
  auto first = apply_migrations(*db_, kMigrations);
  EXPECT_EQ(first, (std::vector<std::string>{"demo/0001_items", "demo/0002_note"}));
  EXPECT_TRUE(apply_migrations(*db_, kMigrations).empty());
}

TEST_F(SqliteStore, FailedMigrationLeavesNothingBehind) {
  std::vector<Migration> broken = {{"bad", 1, "0001_bad", "CREATE TABLE bad_t (x INT); CREATE TABLE oops ("}};
  EXPECT_THROW(apply_migrations(*db_, broken), DatabaseError);
  EXPECT_EQ(db_->read([](Connection& c) {
    return c.scalar("SELECT COUNT(*) FROM sqlite_master WHERE name = 'bad_t'");
  }),
            0);
}

TEST_F(SqliteStore, ValuesRoundTripIncludingKoreanAndBlobs) {
  apply_migrations(*db_, kMigrations);
  const std::string bytes("\0\x01\xFF", 3);
  auto id = db_->write([&](Connection& c) {
    return c
        .query("INSERT INTO demo_items (name, data, note) VALUES (?, ?, ?) RETURNING id",
               {"전북연구원", Blob{bytes}, nullptr})
        .front()
        .int64(0);
  });
  auto rows = db_->read(
      [&](Connection& c) { return c.query("SELECT name, data, note FROM demo_items WHERE id = ?", {id}); });
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].text(0), "전북연구원");
  EXPECT_EQ(rows[0].text(1), bytes);
  EXPECT_FALSE(rows[0].optional_text(2));
}

TEST_F(SqliteStore, EachHandsTheRowsOneAtATimeAndTheStatementServesAgainAfterAThrow) {
  apply_migrations(*db_, kMigrations);
  db_->write([](Connection& c) {
    return c.execute("INSERT INTO demo_items (name, note) VALUES ('가', NULL), ('나', '메모'), ('다', NULL)");
  });
  const std::string sql = "SELECT name, note FROM demo_items ORDER BY name";
  std::vector<std::string> seen;
  db_->read([&](Connection& c) {
    c.each(sql, {},
           [&](Row&& row) { seen.push_back(row.text(0) + (row.is_null(1) ? "" : ":" + row.text(1))); });
    return 0;
  });
  EXPECT_EQ(seen, (std::vector<std::string>{"가", "나:메모", "다"}));
  // A reader that gives up halfway leaves the cached statement reset: the same query runs whole again.
  db_->read([&](Connection& c) {
    EXPECT_THROW(c.each(sql, {}, [](Row&&) { throw std::runtime_error("그만"); }), std::runtime_error);
    EXPECT_EQ(c.query(sql).size(), 3u);
    return 0;
  });
}

TEST_F(SqliteStore, UniqueViolationIsAConstraintViolationAndRollsBack) {
  apply_migrations(*db_, kMigrations);
  db_->write([](Connection& c) { return c.execute("INSERT INTO demo_items (name) VALUES ('a')"); });
  EXPECT_THROW(db_->write([](Connection& c) {
    c.execute("INSERT INTO demo_items (name) VALUES ('b')");
    return c.execute("INSERT INTO demo_items (name) VALUES ('a')");
  }),
               ConstraintViolation);
  EXPECT_EQ(db_->read([](Connection& c) { return c.scalar("SELECT COUNT(*) FROM demo_items"); }), 1);
}

TEST_F(SqliteStore, ErrorResultRollsBack) {
  apply_migrations(*db_, kMigrations);
  Result<int> outcome = db_->write([](Connection& c) -> Result<int> {
    c.execute("INSERT INTO demo_items (name) VALUES ('kept?')");
    return Error::conflict("거절");
  });
  EXPECT_FALSE(outcome.ok());
  EXPECT_EQ(db_->read([](Connection& c) { return c.scalar("SELECT COUNT(*) FROM demo_items"); }), 0);
}

TEST(PostgresPlaceholders, NumbersQuestionMarksOutsideQuotes) {
  EXPECT_EQ(number_placeholders("SELECT ? , '?' , \"a?\" , ?"), "SELECT $1 , '?' , \"a?\" , $2");
}

TEST(DatabaseUrl, RejectsUnknownSchemes) {
  EXPECT_THROW(Database::open("mysql://x"), DatabaseError);
}

}  // namespace sotong::store
