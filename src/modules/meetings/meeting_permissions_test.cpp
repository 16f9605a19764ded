#include "modules/meetings/meeting_permissions.hpp"

#include <gtest/gtest.h>

#include <string>
#include <utility>

namespace sotong::meetings {
namespace {

// Organisation paths shaped as in the demo data: the province, its policy division and a bureau, two 시·군.
constexpr const char* kProvince = "/1/";
constexpr const char* kPolicyDivision = "/1/5/";
constexpr const char* kBureau = "/1/3/";
constexpr const char* kJeonju = "/1/20/";
constexpr const char* kGunsan = "/1/21/";

platform::Policy module_policy() {
  platform::Policy policy;
  for (auto& row : permissions()) policy.add(row);
  return policy;
}

Actor officer(Role role, std::string path) {
  Actor actor;
  actor.account_id = 7;
  actor.roles = {role};
  actor.organization_path = std::move(path);
  return actor;
}

/// A body run by the policy division with the province and 전주시 as members (군산시 is not one).
Body sample_body() {
  Body b;
  b.id = 1;
  b.secretariat_path = kPolicyDivision;
  b.members = {{1, std::nullopt, MemberRole::chair, "전북특별자치도", kProvince},
               {20, std::nullopt, MemberRole::member, "전주시", kJeonju}};
  return b;
}

Meeting in(MeetingState state) {
  Meeting m;
  m.state = state;
  return m;
}

}  // namespace

TEST(MeetingPermissions, AMunicipalOfficerSeesOnlyBodiesItsMunicipalitySitsOn) {
  const auto policy = module_policy();
  EXPECT_TRUE(can_view_body(policy, officer(Role::municipal, kJeonju), sample_body()));
  EXPECT_FALSE(can_view_body(policy, officer(Role::municipal, kGunsan), sample_body()))
      << "the province on a body does not make every 시·군 beneath it a member";
  EXPECT_TRUE(can_view_body(policy, officer(Role::bureau, kBureau), sample_body()));
  EXPECT_TRUE(can_view_body(policy, officer(Role::auditor, "/1/9/"), sample_body()));
  EXPECT_FALSE(can_view_body(policy, officer(Role::expert, "/1/30/"), sample_body()));
}

TEST(MeetingPermissions, TheSecretariatAndTheCoordinatorRunTheBody) {
  const auto policy = module_policy();
  EXPECT_TRUE(is_secretariat(policy, officer(Role::coordinator, kPolicyDivision), sample_body()));
  EXPECT_TRUE(is_secretariat(policy, officer(Role::bureau, kPolicyDivision), sample_body()));
  EXPECT_FALSE(is_secretariat(policy, officer(Role::bureau, kBureau), sample_body()));
  EXPECT_FALSE(is_secretariat(policy, officer(Role::municipal, kJeonju), sample_body()));
  EXPECT_FALSE(is_secretariat(policy, officer(Role::auditor, kPolicyDivision), sample_body()))
      << "reads, never runs";
}

TEST(MeetingPermissions, AMemberSeesPublishedAgendasAndOnlyConfirmedMinutes) {
  const auto policy = module_policy();
  const auto jeonju = officer(Role::municipal, kJeonju);
  EXPECT_TRUE(can_view_meeting(policy, jeonju, sample_body(), in(MeetingState::planned)));
  EXPECT_FALSE(agenda_visible(policy, jeonju, sample_body(), in(MeetingState::planned)));
  EXPECT_TRUE(agenda_visible(policy, jeonju, sample_body(), in(MeetingState::agenda_published)));
  EXPECT_FALSE(can_view_meeting(policy, jeonju, sample_body(), in(MeetingState::cancelled)));
  EXPECT_FALSE(can_view_minutes(policy, jeonju, sample_body(), in(MeetingState::held)));
  EXPECT_TRUE(can_view_minutes(policy, jeonju, sample_body(), in(MeetingState::minutes_confirmed)));
  EXPECT_FALSE(can_view_meeting(policy, officer(Role::municipal, kGunsan), sample_body(),
                                in(MeetingState::minutes_confirmed)));
  const auto coordinator = officer(Role::coordinator, kPolicyDivision);
  EXPECT_TRUE(can_view_minutes(policy, coordinator, sample_body(), in(MeetingState::held)));
}

TEST(MeetingPermissions, BureausAndMembersProposeEntries) {
  const auto policy = module_policy();
  EXPECT_TRUE(can_propose(policy, officer(Role::bureau, kBureau), sample_body()));
  EXPECT_TRUE(can_propose(policy, officer(Role::municipal, kJeonju), sample_body()));
  EXPECT_FALSE(can_propose(policy, officer(Role::municipal, kGunsan), sample_body()));
  EXPECT_FALSE(can_propose(policy, officer(Role::auditor, kBureau), sample_body()));
}

}  // namespace sotong::meetings
