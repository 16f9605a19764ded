// The purge job on a real SQLite database: it deletes the sessions past the idle and the absolute timeout,
// keeps the live one, and queues its own next run.
#include "platform/accounts/session_purge.hpp"
#include "platform/cache/cache_module.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "platform/accounts/accounts_module.hpp"
#include "platform/accounts/session_store.hpp"
#include "platform/crypto.hpp"
#include "platform/jobs/jobs_module.hpp"
#include "platform/organizations/organizations_module.hpp"

namespace sotong::platform::accounts {
namespace {

class SessionPurge : public ::testing::Test {
 protected:
  void SetUp() override {
    init_crypto();
    path_ = std::filesystem::temp_directory_path() /
            ("sotong_session_purge_" +
             std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) + ".db");
    std::filesystem::remove(path_);
    db_ = store::Database::open("sqlite:" + path_.string(), 2);
    std::vector<store::Migration> migrations;
    for (const auto& m :
         {cache::manifest(), organizations::manifest(), accounts::manifest(), jobs::manifest()})
      migrations.insert(migrations.end(), m.migrations.begin(), m.migrations.end());
    store::apply_migrations(*db_, migrations);
    jobs::register_kind(session_purge_kind());
    db_->write([](store::Connection& c) {
      c.execute(
          "INSERT INTO organizations (code, name, kind, path, created_at, updated_at) "
          "VALUES ('t', '시험', 'province', '/1/', 0, 0)");
      c.execute(
          "INSERT INTO accounts (login_id, display_name, email, organization_id, password_hash, "
          "password_changed_at, created_at, updated_at) VALUES ('kim', '김', '', 1, 'x', 0, 0, 0)");
      return true;
    });
  }
  void TearDown() override {
    db_.reset();
    for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + s);
  }
  /// Opens a session created at `created` and last seen at `seen`; returns its cookie token.
  std::string session(Timestamp created, Timestamp seen) {
    return db_->write([&](store::Connection& c) {
      auto opened = sessions::open(c, 1, "127.0.0.1", "test", created);
      sessions::extend(c, token_hash(opened.token), seen);
      return opened.token;
    });
  }
  std::int64_t rows(std::string_view sql) {
    return db_->read([&](store::Connection& c) { return c.scalar(sql); });
  }

  std::filesystem::path path_;
  std::unique_ptr<store::Database> db_;
};

}  // namespace

TEST_F(SessionPurge, ExpiredSessionsDisappearWhenTheJobRunsAndItQueuesItsNextRun) {
  const Settings settings;  // 30 idle minutes, 12 hours at most
  const Timestamp t = now();
  session(t - 3 * 3600, t - 2 * 3600);           // idle for two hours
  session(t - 13 * 3600, t - 60);                // active a minute ago, but opened thirteen hours ago
  const std::string live = session(t - 600, t);  // in use
  ASSERT_EQ(rows("SELECT COUNT(*) FROM account_sessions"), 3);

  db_->write([&](store::Connection& c) {
    ensure_session_purge_scheduled(c, t);
    ensure_session_purge_scheduled(c, t);  // every node's start asks again: still one
    return true;
  });
  ASSERT_EQ(rows("SELECT COUNT(*) FROM jobs WHERE kind = 'session_purge' AND status = 'queued'"), 1);

  jobs::Runner runner(*db_, settings);
  EXPECT_GE(runner.run_due(), 1);
  EXPECT_EQ(rows("SELECT COUNT(*) FROM account_sessions"), 1);
  EXPECT_TRUE(db_->read([&](store::Connection& c) { return sessions::find(c, live, now(), settings); }));
  // The next run is queued an hour on, and not due yet.
  EXPECT_EQ(rows("SELECT COUNT(*) FROM jobs WHERE kind = 'session_purge' AND status = 'done'"), 1);
  EXPECT_GE(rows("SELECT MIN(run_at) FROM jobs WHERE kind = 'session_purge' AND status = 'queued'"),
            t + kSessionPurgeEverySeconds);
  EXPECT_EQ(runner.run_due(), 0);
}

}  // namespace sotong::platform::accounts
