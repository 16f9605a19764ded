#include "core/role.hpp"

#include <gtest/gtest.h>

namespace sotong {

TEST(Role, CodesRoundTrip) {
  for (Role r : kAllRoles) {
    ASSERT_EQ(role_from_code(role_code(r)), r);
    EXPECT_FALSE(role_label(r).empty());
  }
  EXPECT_FALSE(role_from_code("root"));
}

TEST(Role, ProvinceWideRolesAreThoseOfTheSpec) {
  EXPECT_TRUE(is_province_wide(Role::admin));
  EXPECT_TRUE(is_province_wide(Role::coordinator));
  EXPECT_TRUE(is_province_wide(Role::auditor));
  EXPECT_FALSE(is_province_wide(Role::bureau));
  EXPECT_FALSE(is_province_wide(Role::municipal));
}

TEST(Role, ScopeFollowsTheOrganisationTree) {
  Actor jeonju;
  jeonju.organization_path = "/1/20/";
  jeonju.roles = {Role::municipal};
  EXPECT_TRUE(jeonju.within_scope("/1/20/"));
  EXPECT_TRUE(jeonju.within_scope("/1/20/31/"));
  EXPECT_FALSE(jeonju.within_scope("/1/21/"));
  EXPECT_FALSE(jeonju.within_scope("/1/2/"));  // a prefix of digits is not a subtree
  Actor coordinator = jeonju;
  coordinator.roles = {Role::coordinator};
  EXPECT_TRUE(coordinator.within_scope("/1/21/"));
}

}  // namespace sotong
