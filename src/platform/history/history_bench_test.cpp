// The cost of a history entry per write: organisation updates, each in its own durable transaction, with
// and without the entry, in alternating rounds. Disabled in the normal run (it measures, it does not check);
// run it with
//   build/sotong_unit_tests --gtest_also_run_disabled_tests --gtest_filter='HistoryBench*'
// and set SOTONG_BENCH_POSTGRES=postgresql://… to measure PostgreSQL too, SOTONG_BENCH_DIR to put the SQLite
// file elsewhere than the temporary folder. Results: docs/performance.md.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "platform/accounts/accounts_module.hpp"
#include "platform/cache/cache_module.hpp"
#include "platform/crypto.hpp"
#include "platform/history/history.hpp"
#include "platform/history/history_module.hpp"
#include "platform/history/history_service.hpp"
#include "platform/organizations/organization_import.hpp"
#include "platform/organizations/organization_store.hpp"
#include "platform/organizations/organizations_module.hpp"
#include "platform/search/search_module.hpp"

namespace sotong::platform::history {
namespace {
constexpr int kRounds = 7;
constexpr int kWritesPerRound = 300;

struct Round {
  double per_write_us = 0;   // the whole transaction, commit included
  double in_history_us = 0;  // of which inside record_change (lock, last hash, BLAKE2b, insert)
};

/// One round of updates of an organisation's sort order, each its own durable transaction.
Round round(store::Database& db, std::int64_t org_id, const Actor& actor, bool with_history) {
  using Clock = std::chrono::steady_clock;
  Clock::duration in_history{};
  const auto start = Clock::now();
  for (int i = 0; i < kWritesPerRound; ++i) {
    db.write([&](store::Connection& c) {
      auto before = organization_store::find(c, org_id);
      c.execute("UPDATE organizations SET sort_order = ?, updated_at = ? WHERE id = ?", {i, now(), org_id});
      if (with_history) {
        auto after = organization_store::find(c, org_id);
        const auto t0 = Clock::now();
        record_change(c, actor,
                      {"organization", org_id, "update", to_json({{"sort_order", before->sort_order}}),
                       to_json({{"sort_order", after->sort_order}})});
        in_history += Clock::now() - t0;
      }
      return 0;
    });
  }
  const std::chrono::duration<double, std::micro> spent = Clock::now() - start;
  return {spent.count() / kWritesPerRound,
          std::chrono::duration<double, std::micro>(in_history).count() / kWritesPerRound};
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

void measure(const std::string& url, const char* engine) {
  init_crypto();
  auto db = store::Database::open(url, 2);
  std::vector<store::Migration> migrations;
  for (const auto& m : {cache::manifest(), organizations::manifest(), accounts::manifest(),
                        history::manifest(), search::manifest()})
    migrations.insert(migrations.end(), m.migrations.begin(), m.migrations.end());
  store::apply_migrations(*db, migrations);
  ASSERT_TRUE(organizations::import_csv(*db, organizations::jeonbuk_csv()).ok());
  const auto org =
      *db->read([](store::Connection& c) { return organization_store::find_by_code(c, "A-JIRI"); });
  Actor admin;
  admin.account_id = 1;
  admin.login_id = "admin";
  admin.display_name = "김관리";
  admin.remote_address = "127.0.0.1";
  round(*db, org.id, admin, true);  // warm up: caches, prepared statements, a non-empty chain
  // Alternate the two so that load from elsewhere on the machine falls on both alike.
  std::vector<double> without, with, inside;
  for (int r = 0; r < kRounds; ++r) {
    without.push_back(round(*db, org.id, admin, false).per_write_us);
    const Round w = round(*db, org.id, admin, true);
    with.push_back(w.per_write_us);
    inside.push_back(w.in_history_us);
  }
  const auto started = std::chrono::steady_clock::now();
  const auto checked = verify(*db);
  const std::chrono::duration<double, std::milli> verify_ms = std::chrono::steady_clock::now() - started;
  EXPECT_TRUE(checked.ok());
  std::printf(
      "%s: %d rounds of %d updates (median): %.1f µs/write without history, %.1f µs/write with; "
      "%.1f µs inside record_change; verify %lld entries in %.0f ms\n",
      engine, kRounds, kWritesPerRound, median(without), median(with), median(inside),
      static_cast<long long>(checked.count), verify_ms.count());
}
}  // namespace

TEST(HistoryBench, DISABLED_CostOfAnEntryPerWriteOnSqlite) {
  const char* dir = std::getenv("SOTONG_BENCH_DIR");  // e.g. /dev/shm, to take the disk out of it
  const auto path =
      (dir ? std::filesystem::path(dir) : std::filesystem::temp_directory_path()) / "sotong_history_bench.db";
  for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + s);
  measure("sqlite:" + path.string(), "SQLite");
  for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + s);
}

TEST(HistoryBench, DISABLED_CostOfAnEntryPerWriteOnPostgres) {
  const char* url = std::getenv("SOTONG_BENCH_POSTGRES");
  if (!url) GTEST_SKIP() << "SOTONG_BENCH_POSTGRES is not set";
  measure(url, "PostgreSQL");
}

}  // namespace sotong::platform::history
