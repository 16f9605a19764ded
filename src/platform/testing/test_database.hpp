// A real database for a module's service tests: a fresh SQLite file, migrated for the platform's parts and
// the given modules, seeded (the holiday calendar) and holding the demo organisations and accounts, so that a
// test calls the module's services as the program does — with a policy, an actor and transactions — instead
// of a mock. Compiled into the unit tests only.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string_view>
#include <vector>

#include "core/role.hpp"
#include "platform/module.hpp"
#include "platform/policy.hpp"
#include "platform/service_context.hpp"
#include "store/database.hpp"

namespace sotong::platform::testing {

class TestDatabase {
 public:
  /// Named after the running test, so that tests never share a file; removed again on destruction.
  explicit TestDatabase(const std::vector<ModuleManifest>& modules);
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  store::Database& db() { return *db_; }
  const Policy& policy() const { return policy_; }
  /// The id of the demo organisation with this administrative code ("52110" for 전주시).
  std::int64_t organization(std::string_view code);
  /// The demo account with this login id as the actor of a request; throws when there is none.
  Actor actor(std::string_view login);
  /// What a service call needs, for `actor` (kept alive by the caller).
  ServiceContext service(const Actor& actor) { return {*db_, policy_, actor}; }

 private:
  std::filesystem::path path_;
  std::unique_ptr<store::Database> db_;
  Policy policy_;
};

}  // namespace sotong::platform::testing
