#include "platform/accounts/account_rules.hpp"

#include <gtest/gtest.h>

namespace sotong::platform {

TEST(AccountRules, ValidatesFields) {
  auto ok = validate_account(
      {"jeonju.kim", "김전주", "kim@jeonju.go.kr", "주무관", "12", {"municipal", "municipal"}, true});
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->roles, std::vector<Role>{Role::municipal});
  auto bad = validate_account({"Kim!", "", "not-an-email", "", "x", {"root"}, true});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().fields.size(), 5u);
  auto no_roles = validate_account({"jeonju.kim", "김전주", "", "", "12", {}, true});
  ASSERT_FALSE(no_roles.ok());
  EXPECT_EQ(no_roles.error().fields.front().field, "roles");
}

TEST(AccountRules, LocksAtTheThreshold) {
  const Timestamp t = 1'000'000;
  auto after1 = after_failed_login(0, 5, 15, t);
  EXPECT_EQ(after1.failed_logins, 1);
  EXPECT_EQ(after1.locked_until, 0);
  auto after5 = after_failed_login(4, 5, 15, t);
  EXPECT_EQ(after5.failed_logins, 0);
  EXPECT_EQ(after5.locked_until, t + 15 * 60);
  EXPECT_TRUE(is_locked(after5.locked_until, t + 60));
  EXPECT_FALSE(is_locked(after5.locked_until, t + 15 * 60));
}

TEST(AccountRules, ThrottlesPerAddressAndInAll) {
  EXPECT_FALSE(sign_in_throttled(49, 499, 50, 500));
  EXPECT_TRUE(sign_in_throttled(50, 50, 50, 500));   // one address used up its allowance
  EXPECT_TRUE(sign_in_throttled(1, 500, 50, 500));   // during a spray, an address that failed waits
  EXPECT_FALSE(sign_in_throttled(0, 900, 50, 500));  // and one that has not may still sign in
}

TEST(AccountRules, AdministratorsCannotLockThemselvesOut) {
  Actor admin;
  admin.account_id = 1;
  admin.roles = {Role::admin};
  ValidAccount change{"admin", "김관리", "", "", 1, {Role::admin}, true};
  EXPECT_TRUE(check_self_edit(admin, 1, change).ok());
  change.roles = {Role::coordinator};
  EXPECT_FALSE(check_self_edit(admin, 1, change).ok());
  EXPECT_TRUE(check_self_edit(admin, 2, change).ok());
  change.roles = {Role::admin};
  change.active = false;
  EXPECT_FALSE(check_self_edit(admin, 1, change).ok());
}

}  // namespace sotong::platform
