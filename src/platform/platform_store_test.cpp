// Organisation and account use cases against a real SQLite database (the HTTP suite repeats them on
// PostgreSQL).
#include <gtest/gtest.h>

#include <filesystem>

#include "platform/accounts/account_service.hpp"
#include "platform/accounts/accounts_module.hpp"
#include "platform/accounts/demo_accounts.hpp"
#include "platform/cache/cache_module.hpp"
#include "platform/crypto.hpp"
#include "platform/history/history_module.hpp"
#include "platform/jobs/jobs_module.hpp"
#include "platform/notifications/notifications_module.hpp"
#include "platform/organizations/organization_import.hpp"
#include "platform/organizations/organization_service.hpp"
#include "platform/organizations/organizations_module.hpp"
#include "platform/search/search_module.hpp"

namespace sotong::platform {
namespace {

class PlatformStore : public ::testing::Test {
 protected:
  void SetUp() override {
    init_crypto();
    path_ = std::filesystem::temp_directory_path() /
            ("sotong_platform_" +
             std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) + ".db");
    std::filesystem::remove(path_);
    db_ = store::Database::open("sqlite:" + path_.string(), 2);
    std::vector<store::Migration> migrations;
    const std::vector<ModuleManifest> modules = {
        cache::manifest(),  organizations::manifest(), accounts::manifest(), history::manifest(),
        search::manifest(), notifications::manifest(), jobs::manifest()};
    register_extensions(modules);  // accounts keep an organisation in use
    for (const auto& m : modules) {
      migrations.insert(migrations.end(), m.migrations.begin(), m.migrations.end());
      for (const auto& p : m.permissions) policy_.add(p);
    }
    store::apply_migrations(*db_, migrations);
    ASSERT_TRUE(organizations::import_csv(*db_, organizations::jeonbuk_csv()).ok());
    admin_.account_id = 1;
    admin_.roles = {Role::admin};
    admin_.organization_path = "/1/";
  }
  void TearDown() override {
    db_.reset();
    for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + s);
  }
  Organization by_code(const std::string& code) {
    return *db_->read([&](store::Connection& c) { return organization_store::find_by_code(c, code); });
  }

  std::filesystem::path path_;
  std::unique_ptr<store::Database> db_;
  Policy policy_;
  Actor admin_;
};

}  // namespace

TEST_F(PlatformStore, JeonbukHasFourteenMunicipalitiesAndImportIsIdempotent) {
  auto cities =
      organizations::list_organizations({*db_, policy_, admin_}, {OrganizationKind::municipality, true, ""});
  ASSERT_TRUE(cities.ok());
  EXPECT_EQ(cities->size(), 14u);
  EXPECT_EQ(by_code("52110").name, "전주시");
  EXPECT_EQ(by_code("52800").name, "부안군");
  EXPECT_EQ(*organizations::import_csv(*db_, organizations::jeonbuk_csv()), 0);
  auto province = organizations::get_organization({*db_, policy_, admin_}, by_code("52000").id);
  ASSERT_EQ(province->former_names.size(), 1u);
  EXPECT_EQ(province->former_names[0].name, "전라북도");
}

TEST_F(PlatformStore, RenameKeepsTheFormerNameAndNeedsAReason) {
  const auto jiri = by_code("A-JIRI");
  OrganizationInput in{jiri.code, "전북연구원(신)", "agency", std::to_string(*jiri.parent_id), "10", ""};
  auto refused = organizations::update_organization({*db_, policy_, admin_}, jiri.id, in);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().fields.front().field, "rename_reason");
  in.rename_reason = "조직 개편";
  ASSERT_TRUE(organizations::update_organization({*db_, policy_, admin_}, jiri.id, in).ok());
  auto detail = organizations::get_organization({*db_, policy_, admin_}, jiri.id);
  EXPECT_EQ(detail->organization.name, "전북연구원(신)");
  ASSERT_EQ(detail->former_names.size(), 2u);
  EXPECT_EQ(detail->former_names[0].name, "전북연구원");
  EXPECT_EQ(detail->former_names[0].reason, "조직 개편");
}

TEST_F(PlatformStore, MovingABureauMovesItsDivisions) {
  const auto planning = by_code("52000-B01");
  const auto budget = by_code("52000-D02");
  ASSERT_EQ(budget.path.rfind(planning.path, 0), 0u);
  // Put 예산과 under 자치행정국 and check its path follows.
  const auto admin_bureau = by_code("52000-B02");
  OrganizationInput in{budget.code, budget.name, "division", std::to_string(admin_bureau.id), "20", ""};
  ASSERT_TRUE(organizations::update_organization({*db_, policy_, admin_}, budget.id, in).ok());
  EXPECT_EQ(by_code("52000-D02").path, admin_bureau.path + std::to_string(budget.id) + "/");
}

TEST_F(PlatformStore, DeactivationIsRefusedWhileChildrenAreActive) {
  const auto jeonju = by_code("52110");
  auto refused = organizations::deactivate_organization({*db_, policy_, admin_}, jeonju.id);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::conflict);
  ASSERT_TRUE(organizations::deactivate_organization({*db_, policy_, admin_}, by_code("52110-D01").id).ok());
  ASSERT_TRUE(organizations::deactivate_organization({*db_, policy_, admin_}, jeonju.id).ok());
  EXPECT_FALSE(by_code("52110").active);
}

TEST_F(PlatformStore, DuplicateCodeIsAConflictOnTheCodeField) {
  auto dup = organizations::create_organization(
      {*db_, policy_, admin_},
      {"52110", "또 전주시", "municipality", std::to_string(by_code("52000").id), "", ""});
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().code, ErrorCode::conflict);
  EXPECT_EQ(dup.error().fields.front().field, "code");
}

TEST_F(PlatformStore, NonAdminsCannotManageOrganisations) {
  Actor municipal;
  municipal.account_id = 5;
  municipal.roles = {Role::municipal};
  auto refused = organizations::create_organization(
      {*db_, policy_, municipal},
      {"99999", "새 기관", "agency", std::to_string(by_code("52000").id), "", ""});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::forbidden);
  EXPECT_TRUE(organizations::list_organizations({*db_, policy_, municipal}, {}).ok());
}

TEST_F(PlatformStore, FiveWrongPasswordsLockTheAccount) {
  accounts::load_demo_accounts(*db_);
  Settings settings;
  for (int i = 0; i < 4; ++i) {
    auto r = accounts::sign_in(*db_, settings, "jeonju", "wrong-password-1", "127.0.0.1", "test");
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, ErrorCode::unauthenticated);
  }
  auto fifth = accounts::sign_in(*db_, settings, "jeonju", "wrong-password-1", "127.0.0.1", "test");
  ASSERT_FALSE(fifth.ok());
  // The locking attempt and every later one are answered exactly as a wrong password.
  EXPECT_EQ(fifth.error().code, ErrorCode::unauthenticated);
  // Even the right password is refused while locked.
  auto right = accounts::sign_in(*db_, settings, "jeonju", "sotong-demo-2026", "127.0.0.1", "test");
  ASSERT_FALSE(right.ok());
  EXPECT_EQ(right.error().code, ErrorCode::unauthenticated);
  EXPECT_EQ(right.error().message, fifth.error().message);
  // Unknown ids get the same message as wrong passwords.
  auto unknown = accounts::sign_in(*db_, settings, "nobody", "wrong-password-1", "127.0.0.1", "test");
  EXPECT_EQ(unknown.error().message,
            accounts::sign_in(*db_, settings, "gunsan", "x-wrong-x-1", "", "").error().message);
}

TEST_F(PlatformStore, NewAccountsMustChangeTheirInitialPassword) {
  const auto jeonju = by_code("52110");
  auto issued = accounts::create_account(
      {*db_, policy_, admin_},
      {"jeonju.new", "신규전주", "", "주무관", std::to_string(jeonju.id), {"municipal"}, true});
  ASSERT_TRUE(issued.ok());
  Settings settings;
  auto signed_in = accounts::sign_in(*db_, settings, "jeonju.new", issued->initial_password, "", "");
  ASSERT_TRUE(signed_in.ok());
  EXPECT_TRUE(signed_in->must_change_password);
  auto session = db_->read(
      [&](store::Connection& c) { return sessions::find(c, signed_in->session.token, now(), settings); });
  ASSERT_TRUE(session);
  auto weak = accounts::change_password({*db_, policy_, session->actor}, session->hash,
                                        issued->initial_password, "short", "short");
  ASSERT_FALSE(weak.ok());
  EXPECT_EQ(weak.error().fields.front().field, "next");
  ASSERT_TRUE(accounts::change_password({*db_, policy_, session->actor}, session->hash,
                                        issued->initial_password, "Jeonju-New-2026", "Jeonju-New-2026")
                  .ok());
  auto again = accounts::sign_in(*db_, settings, "jeonju.new", "Jeonju-New-2026", "", "");
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again->must_change_password);
}

TEST_F(PlatformStore, DemoDataRefusesADatabaseWithRealAccounts) {
  const auto refusing = [&] {
    return db_->read([](store::Connection& c) { return accounts::accounts_refusing_demo_data(c); });
  };
  EXPECT_TRUE(refusing().empty()) << "a fresh database";
  // The operator's first administrator, named "admin" like the demo one, but without the demo's address.
  ASSERT_TRUE(accounts::create_account_as_operator(
                  *db_, {"admin", "김운영", "", "", std::to_string(by_code("52000").id), {"admin"}, true})
                  .ok());
  EXPECT_EQ(refusing(), std::vector<std::string>{"admin"});
  accounts::load_demo_accounts(*db_);  // as --force does
  EXPECT_TRUE(refusing().empty()) << "a database that holds the demo accounts already";
  const auto jeonju =
      db_->read([](store::Connection& c) { return account_store::find_by_login(c, "jeonju"); });
  EXPECT_TRUE(accounts::is_demo_account(*jeonju));
  const auto admin = db_->read([](store::Connection& c) { return account_store::find_by_login(c, "admin"); });
  EXPECT_FALSE(accounts::is_demo_account(*admin)) << "the real admin was kept as it was";
}

TEST_F(PlatformStore, IdleSessionsExpire) {
  accounts::load_demo_accounts(*db_);
  Settings settings;
  auto signed_in = accounts::sign_in(*db_, settings, "gunsan", "sotong-demo-2026", "", "");
  ASSERT_TRUE(signed_in.ok());
  const auto token = signed_in->session.token;
  auto found =
      db_->read([&](store::Connection& c) { return sessions::find(c, token, now() + 60, settings); });
  ASSERT_TRUE(found);
  EXPECT_EQ(found->actor.login_id, "gunsan");
  auto expired = db_->read([&](store::Connection& c) {
    return sessions::find(c, token, now() + settings.session_idle_minutes * 60 + 5, settings);
  });
  EXPECT_FALSE(expired);
  // and the expired session is gone for good
  EXPECT_FALSE(db_->read([&](store::Connection& c) { return sessions::find(c, token, now(), settings); }));
}

}  // namespace sotong::platform
