#include "platform/organizations/organization_rules.hpp"

#include <gtest/gtest.h>

#include "platform/testing/field_errors.hpp"

namespace sotong::platform {
namespace {
Organization org(std::int64_t id, OrganizationKind kind, std::string path, bool active = true) {
  Organization o;
  o.id = id;
  o.kind = kind;
  o.path = std::move(path);
  o.active = active;
  return o;
}
}  // namespace

TEST(OrganizationRules, ValidatesFields) {
  auto ok = validate_organization({"52110", " 전주시 ", "municipality", "1", "110", ""});
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->name, "전주시");
  EXPECT_EQ(ok->parent_id, 1);
  auto bad = validate_organization({"5", "", "city", "x", "-1", ""});
  ASSERT_FALSE(bad.ok());
  for (const char* f : {"code", "name", "kind", "parent_id", "sort_order"})
    EXPECT_TRUE(has_field(bad.error(), f)) << f;
  EXPECT_FALSE(validate_organization({"52110", std::string(51 * 3, 'a'), "municipality", "1", "", ""}).ok());
}

TEST(OrganizationRules, MunicipalityNeedsAParent) {
  auto r = validate_organization({"52110", "전주시", "municipality", "", "", ""});
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(has_field(r.error(), "parent_id"));
  EXPECT_TRUE(validate_organization({"52000", "전북특별자치도", "province", "", "", ""}).ok());
}

TEST(OrganizationRules, ParentKindsFollowTheTree) {
  const auto province = org(1, OrganizationKind::province, "/1/");
  const auto bureau = org(2, OrganizationKind::bureau, "/1/2/");
  const auto city = org(3, OrganizationKind::municipality, "/1/3/");
  EXPECT_TRUE(check_parent(OrganizationKind::division, bureau, std::nullopt).ok());
  EXPECT_FALSE(check_parent(OrganizationKind::division, city, std::nullopt).ok());
  EXPECT_TRUE(check_parent(OrganizationKind::department, city, std::nullopt).ok());
  EXPECT_FALSE(check_parent(OrganizationKind::province, province, std::nullopt).ok());
  EXPECT_FALSE(
      check_parent(OrganizationKind::bureau, org(1, OrganizationKind::province, "/1/", false), std::nullopt)
          .ok());
}

TEST(OrganizationRules, NoCycles) {
  const auto bureau = org(2, OrganizationKind::bureau, "/1/2/");
  const auto division = org(5, OrganizationKind::division, "/1/2/5/");
  // Moving the bureau under its own division would make a cycle (kind rules aside, the path check holds).
  EXPECT_FALSE(check_parent(OrganizationKind::division, bureau, bureau).ok());
  EXPECT_FALSE(check_parent(OrganizationKind::division, division, bureau).ok());
}

}  // namespace sotong::platform
