#include "modules/audit/audit_permissions.hpp"

#include <gtest/gtest.h>

#include <string>
#include <utility>

namespace sotong::audit {
namespace {

// Organisation paths shaped as in the demo data: two 시·군, a department of the first, a province division.
constexpr const char* kJeonju = "/1/20/";
constexpr const char* kGunsan = "/1/21/";
constexpr const char* kJeonjuDepartment = "/1/20/40/";
constexpr const char* kProvinceDivision = "/1/5/";

platform::Policy module_policy() {
  platform::Policy policy;
  for (auto& row : permissions()) policy.add(row);
  return policy;
}

Actor officer(Role role, std::string organization_path) {
  Actor actor;
  actor.account_id = 7;
  actor.roles = {role};
  actor.organization_path = std::move(organization_path);
  return actor;
}

}  // namespace

TEST(AuditPermissions, AMunicipalOfficerReachesOnlyItsOwnMunicipality) {
  const auto policy = module_policy();
  const Actor jeonju = officer(Role::municipal, kJeonju);
  for (const char* action : {kFieldView, kFieldRespond, kConsultationView, kConsultationAsk}) {
    EXPECT_TRUE(may_reach(policy, jeonju, action, kJeonju)) << action;
    EXPECT_TRUE(may_reach(policy, jeonju, action, kJeonjuDepartment)) << action;
    EXPECT_FALSE(may_reach(policy, jeonju, action, kGunsan)) << action;
  }
  EXPECT_FALSE(may_reach(policy, officer(Role::municipal, kGunsan), kFieldView, kJeonju));
}

TEST(AuditPermissions, TheAuditOfficeReachesEveryOrganisationAndARecordWithoutOneIsRefused) {
  const auto policy = module_policy();
  const Actor auditor = officer(Role::auditor, kProvinceDivision);
  for (const char* action : {kFieldView, kFieldManage, kConsultationView, kConsultationHandle,
                             kDisclosureRead, kLinkage, kCaseManage}) {
    EXPECT_TRUE(may_reach(policy, auditor, action, kJeonju)) << action;
    EXPECT_TRUE(may_reach(policy, auditor, action, kGunsan)) << action;
    EXPECT_FALSE(may_reach(policy, auditor, action, "")) << action;
  }
}

TEST(AuditPermissions, SelfDisclosuresAndDataLinkageAreTheAuditOfficesAlone) {
  const auto policy = module_policy();
  for (Role role : kAllRoles) {
    const Actor actor = officer(role, role == Role::municipal ? kJeonju : kProvinceDivision);
    EXPECT_EQ(policy.allows(actor, kDisclosureRead), role == Role::auditor) << role_code(role);
    EXPECT_EQ(policy.allows(actor, kLinkage), role == Role::auditor) << role_code(role);
    EXPECT_TRUE(policy.allows(actor, kDisclosureFigures)) << role_code(role);
    EXPECT_TRUE(policy.allows(actor, kCaseView)) << role_code(role);
  }
}

TEST(AuditPermissions, TheAdministratorRunsTheSystemNotTheAudits) {
  const auto policy = module_policy();
  const Actor admin = officer(Role::admin, kProvinceDivision);
  for (const char* action : {kFieldView, kFieldManage, kConsultationView, kConsultationHandle,
                             kDisclosureRead, kDisclosureFile, kLinkage, kCaseManage})
    EXPECT_FALSE(policy.allows(admin, action)) << action;
}

TEST(AuditPermissions, OfficersFileAndAskOnlyForTheirOwnOrganisation) {
  const auto policy = module_policy();
  const Actor jeonju = officer(Role::municipal, kJeonju);
  EXPECT_TRUE(policy.check(jeonju, kDisclosureFile, kJeonju));
  EXPECT_FALSE(policy.check(jeonju, kDisclosureFile, kGunsan));
  EXPECT_FALSE(policy.check(jeonju, kFieldManage, kJeonju));
  EXPECT_FALSE(policy.allows(officer(Role::auditor, kProvinceDivision), kDisclosureFile));
}

TEST(AuditPermissions, ListsReachTheOwnSubtreeOrEveryOrganisation) {
  const auto policy = module_policy();
  EXPECT_EQ(viewable_path(policy, officer(Role::municipal, kJeonju), kFieldView), kJeonju);
  EXPECT_EQ(viewable_path(policy, officer(Role::bureau, kProvinceDivision), kFieldView), kProvinceDivision);
  EXPECT_EQ(viewable_path(policy, officer(Role::auditor, kProvinceDivision), kFieldView), "");
}

}  // namespace sotong::audit
