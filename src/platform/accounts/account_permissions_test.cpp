#include "platform/accounts/account_permissions.hpp"

#include <gtest/gtest.h>

namespace sotong::platform::accounts {
namespace {
// 전북 /1/, 전주시 /1/19/ with its department /1/19/44/, 군산시 /1/20/.
Policy accounts_policy() {
  Policy p;
  for (auto& permission : permissions()) p.add(permission);
  return p;
}

Actor actor(Role role, std::string path) {
  Actor a;
  a.account_id = 7;
  a.organization_path = std::move(path);
  a.roles = {role};
  return a;
}

Account account(std::string path, bool active = true) {
  Account a;
  a.id = 9;
  a.organization_path = std::move(path);
  a.active = active;
  return a;
}
}  // namespace

TEST(AccountPermissions, MunicipalOfficerSeesOwnMunicipalityOnly) {
  const auto policy = accounts_policy();
  const auto jeonju = actor(Role::municipal, "/1/19/");
  EXPECT_TRUE(can_view_account(policy, jeonju, account("/1/19/")));
  EXPECT_TRUE(can_view_account(policy, jeonju, account("/1/19/44/")));
  EXPECT_FALSE(can_view_account(policy, jeonju, account("/1/20/")));
  EXPECT_FALSE(can_view_account(policy, jeonju, account("/1/")));
  EXPECT_FALSE(can_view_account(policy, jeonju, account("/1/19/", false)));
  EXPECT_FALSE(can_view_account(policy, jeonju, account("")));
  EXPECT_EQ(people_scope(policy, jeonju), std::optional<std::string>("/1/19/"));
}

TEST(AccountPermissions, ProvinceWideRolesSeeEveryone) {
  const auto policy = accounts_policy();
  const auto coordinator = actor(Role::coordinator, "/1/3/");
  EXPECT_TRUE(can_view_account(policy, coordinator, account("/1/19/")));
  EXPECT_TRUE(can_view_account(policy, coordinator, account("/1/20/")));
  EXPECT_FALSE(can_view_account(policy, coordinator, account("/1/20/", false)));
  EXPECT_EQ(people_scope(policy, coordinator), std::optional<std::string>(""));
  const auto admin = actor(Role::admin, "/1/5/");
  EXPECT_TRUE(can_view_account(policy, admin, account("/1/20/")));
  EXPECT_TRUE(can_view_account(policy, admin, account("/1/20/", false)));
}

TEST(AccountPermissions, NobodyWithoutAnAccountOrAPath) {
  const auto policy = accounts_policy();
  EXPECT_FALSE(can_view_account(policy, Actor{}, account("/1/19/")));
  EXPECT_EQ(people_scope(policy, Actor{}), std::nullopt);
  EXPECT_EQ(people_scope(policy, actor(Role::municipal, "")), std::nullopt);
}

}  // namespace sotong::platform::accounts
