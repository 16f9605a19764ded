#include "platform/policy.hpp"

#include <gtest/gtest.h>

namespace sotong::platform {
namespace {
Actor actor(std::vector<Role> roles, std::string path = "/1/20/") {
  Actor a;
  a.account_id = 7;
  a.organization_path = std::move(path);
  a.roles = std::move(roles);
  return a;
}

Policy sample() {
  Policy p;
  p.add({"suggestion.submit", {Role::municipal, Role::coordinator}, Scope::own_organization, ""});
  p.add({"organization.manage", {Role::admin}, Scope::everywhere, ""});
  return p;
}
}  // namespace

TEST(Policy, RolesGrantActions) {
  auto p = sample();
  EXPECT_TRUE(p.allows(actor({Role::admin}), "organization.manage"));
  EXPECT_FALSE(p.allows(actor({Role::municipal}), "organization.manage"));
  EXPECT_FALSE(p.allows(actor({Role::admin}), "no.such.action"));
}

TEST(Policy, AnonymousPassesOnlyPublic) {
  auto p = sample();
  Actor nobody;
  EXPECT_TRUE(p.allows(nobody, kPublic));
  EXPECT_FALSE(p.allows(nobody, kSignedIn));
  EXPECT_FALSE(p.check(nobody, "organization.manage").ok());
  EXPECT_EQ(p.check(nobody, "organization.manage").error().code, ErrorCode::unauthenticated);
  EXPECT_TRUE(p.allows(actor({Role::expert}), kSignedIn));
}

TEST(Policy, OwnOrganisationScope) {
  auto p = sample();
  EXPECT_TRUE(p.allows_in(actor({Role::municipal}), "suggestion.submit", "/1/20/"));
  EXPECT_TRUE(p.allows_in(actor({Role::municipal}), "suggestion.submit", "/1/20/44/"));
  EXPECT_FALSE(p.allows_in(actor({Role::municipal}), "suggestion.submit", "/1/21/"));
  // The coordinator is province-wide: any organisation.
  EXPECT_TRUE(p.allows_in(actor({Role::coordinator}, "/1/5/"), "suggestion.submit", "/1/21/"));
  // A province-wide role that does not grant the action does not widen another role's scope.
  EXPECT_FALSE(p.allows_in(actor({Role::municipal, Role::auditor}), "suggestion.submit", "/1/21/"));
  EXPECT_EQ(p.check(actor({Role::municipal}), "suggestion.submit", "/1/21/").error().code,
            ErrorCode::forbidden);
}

TEST(Policy, AScopedActionCheckedWithoutTheRecordsOrganisationIsRefusedEvenToProvinceWideRoles) {
  auto p = sample();
  const Actor jeonju = actor({Role::municipal}, "/1/20/");
  const Actor coordinator = actor({Role::coordinator}, "/1/2/");
  EXPECT_EQ(p.check(jeonju, "suggestion.submit").error().code, ErrorCode::forbidden);
  EXPECT_FALSE(p.check(coordinator, "suggestion.submit").ok());
  EXPECT_TRUE(p.check(jeonju, "suggestion.submit", "/1/20/35/").ok());
  EXPECT_FALSE(p.check(jeonju, "suggestion.submit", "/1/21/").ok());  // another 시·군
  EXPECT_FALSE(p.check(jeonju, "suggestion.submit", "/1/2").ok());    // a prefix of the path is no subtree
  EXPECT_TRUE(p.check(coordinator, "suggestion.submit", "/1/21/").ok());
  EXPECT_TRUE(p.check(actor({Role::admin}), "organization.manage").ok());  // unscoped: no path needed
}

TEST(Policy, RefusesDuplicatesAndReservedNames) {
  auto p = sample();
  EXPECT_THROW(p.add({"organization.manage", {Role::admin}, Scope::everywhere, ""}), std::logic_error);
  EXPECT_THROW(p.add({"public", {Role::admin}, Scope::everywhere, ""}), std::logic_error);
}

}  // namespace sotong::platform
