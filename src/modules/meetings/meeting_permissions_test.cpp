#include "modules/meetings/meeting_permissions.hpp"

#include <gtest/gtest.h>

#include <string>
#include <utility>

namespace sotong::meetings {
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

Meeting record_in(std::string organization_path) {
  Meeting record;
  record.id = 1;
  record.organization_path = std::move(organization_path);
  return record;
}

}  // namespace

TEST(MeetingPermissions, AMunicipalOfficerMayNotViewAnotherMunicipalitysRecord) {
  const auto policy = module_policy();
  const Actor jeonju = officer(Role::municipal, kJeonju);
  EXPECT_TRUE(can_view_meeting(policy, jeonju, record_in(kJeonju)));
  EXPECT_TRUE(can_view_meeting(policy, jeonju, record_in(kJeonjuDepartment)));
  EXPECT_FALSE(can_view_meeting(policy, jeonju, record_in(kGunsan)));
  EXPECT_FALSE(can_view_meeting(policy, officer(Role::municipal, kGunsan), record_in(kJeonju)));
}

TEST(MeetingPermissions, ProvinceWideRolesViewEveryOrganisation) {
  const auto policy = module_policy();
  for (Role role : {Role::admin, Role::coordinator, Role::auditor}) {
    const Actor actor = officer(role, kProvinceDivision);
    EXPECT_TRUE(can_view_meeting(policy, actor, record_in(kJeonju))) << role_code(role);
    EXPECT_TRUE(can_view_meeting(policy, actor, record_in(kGunsan))) << role_code(role);
  }
}

TEST(MeetingPermissions, RolesWithoutTheActionAndAnonymousCallersViewNothing) {
  const auto policy = module_policy();
  for (Role role : {Role::budget, Role::researcher, Role::committee, Role::hr, Role::expert, Role::trainer})
    EXPECT_FALSE(can_view_meeting(policy, officer(role, kJeonju), record_in(kJeonju))) << role_code(role);
  EXPECT_FALSE(can_view_meeting(policy, Actor{}, record_in(kJeonju)));
}

TEST(MeetingPermissions, ARecordWithoutAnOrganisationIsRefusedToEveryone) {
  const auto policy = module_policy();
  EXPECT_FALSE(can_view_meeting(policy, officer(Role::coordinator, kProvinceDivision), record_in("")));
  EXPECT_FALSE(can_view_meeting(policy, officer(Role::municipal, kJeonju), record_in("")));
}

TEST(MeetingPermissions, TheAuditorReadsButDoesNotCreateAndOfficersCreateOnlyAtHome) {
  const auto policy = module_policy();
  EXPECT_TRUE(policy.allows(officer(Role::auditor, kProvinceDivision), kView));
  EXPECT_FALSE(policy.allows(officer(Role::auditor, kProvinceDivision), kManage));
  const Actor jeonju = officer(Role::municipal, kJeonju);
  EXPECT_TRUE(policy.check(jeonju, kManage, kJeonju));
  EXPECT_FALSE(policy.check(jeonju, kManage, kGunsan));
}

TEST(MeetingPermissions, ListsReachTheOwnSubtreeOrEveryOrganisation) {
  const auto policy = module_policy();
  EXPECT_EQ(viewable_path(policy, officer(Role::municipal, kJeonju)), kJeonju);
  EXPECT_EQ(viewable_path(policy, officer(Role::bureau, kProvinceDivision)), kProvinceDivision);
  EXPECT_EQ(viewable_path(policy, officer(Role::coordinator, kProvinceDivision)), "");
}

}  // namespace sotong::meetings
