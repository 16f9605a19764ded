#include "modules/suggestions/suggestion_permissions.hpp"

#include <gtest/gtest.h>

#include <string>
#include <utility>

namespace sotong::suggestions {
namespace {

// Organisation paths shaped as in the demo data: three 시·군, a department of the first, two bureaus with a
// division of the first, and the coordinator's division.
const OrganizationRef kJeonjuRef{20, "전주시", "/1/20/"};
const OrganizationRef kGunsanRef{21, "군산시", "/1/21/"};
const OrganizationRef kWanjuRef{27, "완주군", "/1/27/"};
constexpr const char* kJeonjuDepartment = "/1/20/40/";
const OrganizationRef kPlanningRef{5, "기획조정실", "/1/5/"};
const OrganizationRef kEconomyRef{8, "경제산업국", "/1/8/"};
constexpr const char* kPlanningDivision = "/1/5/30/";

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

Suggestion filed_by(const OrganizationRef& organization, State state = State::received) {
  Suggestion record;
  record.id = 1;
  record.organization = organization;
  record.state = state;
  return record;
}

bool has(const std::vector<Party>& parties, Party p) {
  return std::find(parties.begin(), parties.end(), p) != parties.end();
}

}  // namespace

TEST(SuggestionPermissions, AMunicipalOfficerMayNotViewAnotherMunicipalitysSuggestion) {
  const auto policy = module_policy();
  const Actor jeonju = officer(Role::municipal, kJeonjuRef.path);
  EXPECT_TRUE(can_view_suggestion(policy, jeonju, filed_by(kJeonjuRef)));
  EXPECT_TRUE(can_view_suggestion(policy, jeonju, filed_by({40, "전주시 정책과", kJeonjuDepartment})));
  EXPECT_FALSE(can_view_suggestion(policy, jeonju, filed_by(kGunsanRef)));
  EXPECT_FALSE(can_view_suggestion(policy, officer(Role::municipal, kGunsanRef.path), filed_by(kJeonjuRef)));
}

TEST(SuggestionPermissions, TheOrganisationsASuggestionInvolvesMayViewIt) {
  const auto policy = module_policy();
  auto record = filed_by(kJeonjuRef);
  record.concerned = {kWanjuRef};
  record.lead_bureau = kPlanningRef;
  record.cooperating = {kEconomyRef};
  EXPECT_TRUE(can_view_suggestion(policy, officer(Role::municipal, kWanjuRef.path), record));
  EXPECT_TRUE(can_view_suggestion(policy, officer(Role::bureau, kPlanningRef.path), record));
  EXPECT_TRUE(can_view_suggestion(policy, officer(Role::bureau, kPlanningDivision), record));
  EXPECT_TRUE(can_view_suggestion(policy, officer(Role::bureau, kEconomyRef.path), record));
  EXPECT_FALSE(can_view_suggestion(policy, officer(Role::municipal, kGunsanRef.path), record));
  EXPECT_FALSE(can_view_suggestion(policy, officer(Role::bureau, "/1/9/"), record));
}

TEST(SuggestionPermissions, ADraftIsSeenOnlyByTheOrganisationWritingIt) {
  const auto policy = module_policy();
  auto draft = filed_by(kJeonjuRef, State::draft);
  draft.concerned = {kWanjuRef};
  EXPECT_TRUE(can_view_suggestion(policy, officer(Role::municipal, kJeonjuRef.path), draft));
  EXPECT_FALSE(can_view_suggestion(policy, officer(Role::municipal, kWanjuRef.path), draft));
  for (Role role : {Role::admin, Role::coordinator, Role::auditor})
    EXPECT_FALSE(can_view_suggestion(policy, officer(role, "/1/3/"), draft)) << role_code(role);
}

TEST(SuggestionPermissions, ProvinceWideRolesViewEverySubmittedSuggestion) {
  const auto policy = module_policy();
  for (Role role : {Role::admin, Role::coordinator, Role::auditor}) {
    const Actor actor = officer(role, "/1/3/");
    EXPECT_TRUE(can_view_suggestion(policy, actor, filed_by(kJeonjuRef))) << role_code(role);
    EXPECT_TRUE(can_view_suggestion(policy, actor, filed_by(kGunsanRef))) << role_code(role);
  }
}

TEST(SuggestionPermissions, RolesWithoutTheActionAndAnonymousCallersViewNothing) {
  const auto policy = module_policy();
  for (Role role : {Role::budget, Role::researcher, Role::committee, Role::hr, Role::expert, Role::trainer})
    EXPECT_FALSE(can_view_suggestion(policy, officer(role, kJeonjuRef.path), filed_by(kJeonjuRef)))
        << role_code(role);
  EXPECT_FALSE(can_view_suggestion(policy, Actor{}, filed_by(kJeonjuRef)));
}

TEST(SuggestionPermissions, ASuggestionWithoutAnOrganisationIsRefusedToEveryone) {
  const auto policy = module_policy();
  EXPECT_FALSE(can_view_suggestion(policy, officer(Role::coordinator, "/1/3/"), filed_by({1, "", ""})));
  EXPECT_FALSE(can_view_suggestion(policy, officer(Role::municipal, kJeonjuRef.path), filed_by({1, "", ""})));
}

TEST(SuggestionPermissions, InternalNotesAreNeverForThe시군ThatFiledOrAreConcerned) {
  const auto policy = module_policy();
  auto record = filed_by(kJeonjuRef);
  record.concerned = {kWanjuRef};
  record.lead_bureau = kPlanningRef;
  EXPECT_FALSE(can_read_internal(policy, officer(Role::municipal, kJeonjuRef.path), record));
  EXPECT_FALSE(can_read_internal(policy, officer(Role::municipal, kJeonjuDepartment), record));
  EXPECT_FALSE(can_read_internal(policy, officer(Role::municipal, kWanjuRef.path), record));
  EXPECT_FALSE(
      can_read_internal(policy, officer(Role::municipal, kGunsanRef.path), record));  // cannot even view
  EXPECT_TRUE(can_read_internal(policy, officer(Role::coordinator, "/1/3/"), record));
  EXPECT_TRUE(can_read_internal(policy, officer(Role::bureau, kPlanningRef.path), record));
  EXPECT_FALSE(can_read_internal(policy, officer(Role::bureau, kEconomyRef.path), record));  // not involved
}

TEST(SuggestionPermissions, PartiesAreTheSubmitterTheCoordinatorAndTheLeadBureau) {
  const auto policy = module_policy();
  auto record = filed_by(kJeonjuRef);
  record.lead_bureau = kPlanningRef;
  const auto jeonju = parties_of(policy, officer(Role::municipal, kJeonjuDepartment), record);
  EXPECT_EQ(jeonju, std::vector<Party>{Party::submitter});
  EXPECT_TRUE(parties_of(policy, officer(Role::municipal, kGunsanRef.path), record).empty());
  EXPECT_EQ(parties_of(policy, officer(Role::coordinator, "/1/3/"), record),
            std::vector<Party>{Party::coordinator});
  EXPECT_EQ(parties_of(policy, officer(Role::bureau, kPlanningDivision), record),
            std::vector<Party>{Party::lead_bureau});
  EXPECT_TRUE(parties_of(policy, officer(Role::bureau, kEconomyRef.path), record).empty());
  // Running the system or auditing it is not deciding on suggestions.
  EXPECT_TRUE(parties_of(policy, officer(Role::admin, "/1/3/"), record).empty());
  EXPECT_TRUE(parties_of(policy, officer(Role::auditor, "/1/3/"), record).empty());
  // A bureau officer of the filing organisation's own bureau files as a submitter only with the filing
  // action.
  EXPECT_FALSE(has(parties_of(policy, officer(Role::bureau, kPlanningRef.path), filed_by(kPlanningRef)),
                   Party::submitter));
}

TEST(SuggestionPermissions, TheAuditorReadsButFilesNothingAndOfficersFileOnlyAtHome) {
  const auto policy = module_policy();
  EXPECT_TRUE(policy.allows(officer(Role::auditor, "/1/3/"), kView));
  EXPECT_FALSE(policy.allows(officer(Role::auditor, "/1/3/"), kFile));
  const Actor jeonju = officer(Role::municipal, kJeonjuRef.path);
  EXPECT_TRUE(policy.check(jeonju, kFile, kJeonjuRef.path));
  EXPECT_FALSE(policy.check(jeonju, kFile, kGunsanRef.path));
  EXPECT_FALSE(policy.allows(jeonju, kCoordinate));
  EXPECT_FALSE(policy.allows(jeonju, kHandle));
  EXPECT_FALSE(policy.allows(officer(Role::admin, "/1/3/"), kCoordinate));
}

TEST(SuggestionPermissions, ListsReachTheOwnSubtreeOrEveryOrganisation) {
  const auto policy = module_policy();
  EXPECT_EQ(viewable_path(policy, officer(Role::municipal, kJeonjuRef.path)), kJeonjuRef.path);
  EXPECT_EQ(viewable_path(policy, officer(Role::bureau, kPlanningRef.path)), kPlanningRef.path);
  EXPECT_EQ(viewable_path(policy, officer(Role::coordinator, "/1/3/")), "");
}

}  // namespace sotong::suggestions
