#include "platform/testing/test_database.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "platform/accounts/session_store.hpp"
#include "platform/organizations/organization_store.hpp"
#include "platform/platform_parts.hpp"
#include "platform/search/search_index.hpp"
#include "store/migration.hpp"

namespace sotong::platform::testing {

TestDatabase::TestDatabase(const std::vector<ModuleManifest>& modules) {
  const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
  const std::string name = test ? std::string(test->test_suite_name()) + "_" + test->name() : "no_test";
  path_ = std::filesystem::temp_directory_path() / ("sotong_test_" + name + ".db");
  std::filesystem::remove(path_);
  db_ = store::Database::open("sqlite:" + path_.string(), 2);
  auto all = platform_parts();
  all.insert(all.end(), modules.begin(), modules.end());
  register_extensions(all);
  std::vector<store::Migration> migrations;
  for (const auto& m : all) migrations.insert(migrations.end(), m.migrations.begin(), m.migrations.end());
  store::apply_migrations(*db_, migrations);
  // The search part's seed indexes every source registered in the process, and earlier tests of this binary
  // registered other modules' sources whose tables this database lacks: here only the given modules' sources
  // are indexed.
  std::vector<search::Source> sources;
  for (const auto& m : all) sources.insert(sources.end(), m.search_sources.begin(), m.search_sources.end());
  for (const auto& m : all) {
    if (m.name == "search") {
      search::rebuild_stale_sources(*db_, sources);
    } else if (m.seed) {
      m.seed(*db_);
    }
  }
  for (const auto& m : all)
    for (const auto& p : m.permissions) policy_.add(p);
  // The platform's demo data only: the organisations and accounts a module's records belong to.
  for (const auto& m : platform_parts())
    if (m.demo_data) m.demo_data(*db_, policy_);
}

TestDatabase::~TestDatabase() {
  db_.reset();
  std::filesystem::remove(path_);
  std::filesystem::remove(path_.string() + "-wal");
  std::filesystem::remove(path_.string() + "-shm");
}

std::int64_t TestDatabase::organization(std::string_view code) {
  auto found = db_->read([&](store::Connection& c) { return organization_store::find_by_code(c, code); });
  if (!found) throw std::invalid_argument("no demo organisation " + std::string(code));
  return found->id;
}

Actor TestDatabase::actor(std::string_view login) {
  auto actor = db_->read([&](store::Connection& c) { return sessions::load_actor_by_login(c, login); });
  if (!actor) throw std::invalid_argument("no demo account " + std::string(login));
  return *actor;
}

}  // namespace sotong::platform::testing
