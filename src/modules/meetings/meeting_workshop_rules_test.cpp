// The workshop's pure rules: what a session, a presentation and an opinion must hold, who may do what at
// which point of the meeting's life, and that an opinion is turned into a suggestion once.
#include "modules/meetings/meeting_workshop_rules.hpp"
#include "platform/testing/field_errors.hpp"

#include <gtest/gtest.h>

#include <string>

namespace sotong::meetings {
namespace {

constexpr CivilDate kWorkshopDay{2026, 6, 12};
constexpr CivilDate kDayBefore{2026, 6, 11};
constexpr CivilDate kLater{2026, 6, 20};

TEST(WorkshopRules, ASessionNeedsATitleAndAStartBeforeItsEnd) {
  auto ok = validate_session({" 세션 1: 사례발표 ", "14:00", "15:30", "정책기획관"});
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->title, "세션 1: 사례발표");
  EXPECT_EQ(ok->starts_at, "14:00");
  auto reversed = validate_session({"세션", "15:30", "14:00", ""});
  ASSERT_FALSE(reversed);
  EXPECT_TRUE(has_field(reversed.error(), "ends_at"));
  auto bad = validate_session({"", "25:00", "14:7", std::string(101, 'a')});
  ASSERT_FALSE(bad);
  for (const char* field : {"title", "starts_at", "ends_at", "moderator"})
    EXPECT_TRUE(has_field(bad.error(), field));
}

TEST(WorkshopRules, APresentationNamesOneOfTheAllowedOrganisations) {
  auto ok = validate_presentation({"청년 정착 사례", 7, "김발표 주무관", "요지"}, {3, 7});
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->organization_id, 7);
  auto outside = validate_presentation({"청년 정착 사례", 9, "김발표", ""}, {3, 7});
  ASSERT_FALSE(outside);
  EXPECT_TRUE(has_field(outside.error(), "organization"));
  auto empty = validate_presentation({"", std::nullopt, "", ""}, {3});
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().fields.size(), 3u);
}

TEST(WorkshopRules, AnOpinionNeedsTextADomainAndItsOrganisations) {
  auto ok = validate_opinion({"도로 정비", "내용", "project", {3, 7, 3}}, {3, 7});
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->domain, PolicyDomain::project);
  EXPECT_EQ(ok->organizations, (std::vector<std::int64_t>{3, 7}));
  auto none = validate_opinion({"도로 정비", "내용", "project", {}}, {3});
  ASSERT_FALSE(none);
  EXPECT_TRUE(has_field(none.error(), "organizations"));
  auto bad = validate_opinion({"", "  ", "weather", {std::nullopt}}, {3});
  ASSERT_FALSE(bad);
  for (const char* field : {"title", "content", "domain", "organizations"})
    EXPECT_TRUE(has_field(bad.error(), field));
}

TEST(WorkshopRules, TheSecretariatShapesTheProgrammeUntilTheMinutesAreConfirmed) {
  for (auto state : {MeetingState::planned, MeetingState::agenda_published, MeetingState::held})
    EXPECT_TRUE(workshop_rights(true, true, state, kWorkshopDay, kDayBefore).edit_program);
  EXPECT_FALSE(
      workshop_rights(true, true, MeetingState::minutes_confirmed, kWorkshopDay, kLater).edit_program);
  EXPECT_FALSE(workshop_rights(false, true, MeetingState::planned, kWorkshopDay, kDayBefore).edit_program);
}

TEST(WorkshopRules, AMemberProposesPresentationsUntilTheWorkshopIsHeld) {
  EXPECT_TRUE(
      workshop_rights(false, true, MeetingState::planned, kWorkshopDay, kDayBefore).propose_presentation);
  EXPECT_TRUE(workshop_rights(false, true, MeetingState::agenda_published, kWorkshopDay, kDayBefore)
                  .propose_presentation);
  EXPECT_FALSE(workshop_rights(false, true, MeetingState::held, kWorkshopDay, kLater).propose_presentation);
  EXPECT_FALSE(
      workshop_rights(false, false, MeetingState::planned, kWorkshopDay, kDayBefore).propose_presentation);
  // The secretariat adds them itself (accepted), it does not propose.
  EXPECT_FALSE(
      workshop_rights(true, true, MeetingState::planned, kWorkshopDay, kDayBefore).propose_presentation);
}

TEST(WorkshopRules, OpinionsAreCollectedFromTheWorkshopsDayOn) {
  EXPECT_FALSE(
      workshop_rights(true, true, MeetingState::agenda_published, kWorkshopDay, kDayBefore).record_opinion);
  EXPECT_TRUE(
      workshop_rights(true, true, MeetingState::agenda_published, kWorkshopDay, kWorkshopDay).record_opinion);
  EXPECT_TRUE(
      workshop_rights(true, true, MeetingState::minutes_confirmed, kWorkshopDay, kLater).record_opinion);
  EXPECT_FALSE(workshop_rights(false, true, MeetingState::held, kWorkshopDay, kDayBefore).submit_opinion);
  EXPECT_TRUE(workshop_rights(false, true, MeetingState::held, kWorkshopDay, kLater).submit_opinion);
  EXPECT_FALSE(workshop_rights(false, false, MeetingState::held, kWorkshopDay, kLater).submit_opinion);
  // The secretariat records; it does not submit as a member.
  EXPECT_FALSE(workshop_rights(true, true, MeetingState::held, kWorkshopDay, kLater).submit_opinion);
}

TEST(WorkshopRules, OnlyTheSecretariatTurnsOpinionsAndNothingOfACancelledWorkshop) {
  EXPECT_TRUE(workshop_rights(true, false, MeetingState::held, kWorkshopDay, kLater).turn_opinions);
  EXPECT_FALSE(workshop_rights(false, true, MeetingState::held, kWorkshopDay, kLater).turn_opinions);
  const auto cancelled = workshop_rights(true, true, MeetingState::cancelled, kWorkshopDay, kLater);
  EXPECT_FALSE(cancelled.edit_program || cancelled.propose_presentation || cancelled.record_opinion ||
               cancelled.submit_opinion || cancelled.turn_opinions);
}

TEST(WorkshopRules, AnOpinionIsTurnedIntoASuggestionOnce) {
  Opinion o;
  EXPECT_TRUE(check_turn(o));
  o.suggestion_id = 12;
  o.suggestion_href = "/suggestions/12";
  auto again = check_turn(o);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::conflict);
}

TEST(WorkshopRules, APresentationsFilesAreManagedByTheSecretariatAndTheOrganisationThatProposedIt) {
  WorkshopRights secretariat;
  secretariat.edit_program = true;
  WorkshopRights member;
  member.propose_presentation = true;
  EXPECT_TRUE(may_manage_presentation_files(secretariat, std::nullopt, 7));
  EXPECT_TRUE(may_manage_presentation_files(member, 7, 7));
  EXPECT_FALSE(may_manage_presentation_files(member, 8, 7)) << "another member reads, never changes";
  EXPECT_FALSE(may_manage_presentation_files(member, std::nullopt, 7));
  EXPECT_FALSE(may_manage_presentation_files(WorkshopRights{}, 7, 7))
      << "the proposer once it may no longer propose";
}

}  // namespace
}  // namespace sotong::meetings
