#include "modules/meetings/meeting_rules.hpp"

#include <gtest/gtest.h>

#include <string>

namespace sotong::meetings {
namespace {
constexpr CivilDate kHeldOn{2026, 11, 12};
constexpr CivilDate kEveOfMeeting{2026, 11, 11};
}  // namespace

TEST(MeetingSteps, TheLifeCycleRunsPlannedPublishedHeldConfirmed) {
  auto published = apply_step(MeetingState::planned, Step::publish_agenda, kHeldOn, kEveOfMeeting);
  ASSERT_TRUE(published);
  EXPECT_EQ(*published, MeetingState::agenda_published);
  auto held = apply_step(*published, Step::record_minutes, kHeldOn, kHeldOn);
  ASSERT_TRUE(held);
  EXPECT_EQ(*held, MeetingState::held);
  auto again = apply_step(*held, Step::record_minutes, kHeldOn, kHeldOn);
  ASSERT_TRUE(again) << "minutes are written entry by entry until confirmed";
  auto confirmed = apply_step(*held, Step::confirm_minutes, kHeldOn, kHeldOn);
  ASSERT_TRUE(confirmed);
  EXPECT_EQ(*confirmed, MeetingState::minutes_confirmed);
}

TEST(MeetingSteps, EachStepOutOfOrderIsRefusedInKorean) {
  auto twice = apply_step(MeetingState::agenda_published, Step::publish_agenda, kHeldOn, kEveOfMeeting);
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().code, ErrorCode::conflict);
  auto early = apply_step(MeetingState::agenda_published, Step::record_minutes, kHeldOn, kEveOfMeeting);
  ASSERT_FALSE(early);
  EXPECT_NE(early.error().message.find("회의 날짜가 지난 뒤"), std::string::npos);
  EXPECT_FALSE(apply_step(MeetingState::planned, Step::record_minutes, kHeldOn, kHeldOn));
  EXPECT_FALSE(apply_step(MeetingState::minutes_confirmed, Step::record_minutes, kHeldOn, kHeldOn));
  EXPECT_FALSE(apply_step(MeetingState::agenda_published, Step::confirm_minutes, kHeldOn, kHeldOn));
  EXPECT_FALSE(apply_step(MeetingState::cancelled, Step::publish_agenda, kHeldOn, kEveOfMeeting));
  EXPECT_TRUE(agenda_open(MeetingState::planned));
  EXPECT_FALSE(agenda_open(MeetingState::agenda_published));
}

TEST(MeetingRollover, OpenItemsOfEarlierMeetingsComeBackOnceUntilDone) {
  const std::vector<OpenItem> items = {
      {3, {2026, 10, 8}, ActionStatus::open},   // earlier, open: comes back
      {1, {2026, 9, 10}, ActionStatus::open},   // earlier still, open: comes back (in id order)
      {2, {2026, 9, 10}, ActionStatus::done},   // done: never again
      {4, {2026, 11, 12}, ActionStatus::open},  // handed out by this very meeting: not a roll-over
      {5, {2026, 10, 8}, ActionStatus::open},   // already on the agenda: not twice
  };
  EXPECT_EQ(rollover_items(items, kHeldOn, {5}), (std::vector<std::int64_t>{1, 3}));
  EXPECT_TRUE(rollover_items(items, {2026, 9, 10}, {}).empty()) << "nothing is older than the first meeting";
}

TEST(MeetingAgenda, AnEntryMovesOnePlaceAndStaysAtTheEnds) {
  const std::vector<std::int64_t> ids = {10, 20, 30};
  EXPECT_EQ(move_entry(ids, 1, -1), (std::vector<std::int64_t>{20, 10, 30}));
  EXPECT_EQ(move_entry(ids, 1, +1), (std::vector<std::int64_t>{10, 30, 20}));
  EXPECT_EQ(move_entry(ids, 0, -1), ids);
  EXPECT_EQ(move_entry(ids, 2, +1), ids);
  EXPECT_EQ(move_entry(ids, 7, +1), ids);
}

TEST(MeetingAgenda, AnEntryNeedsATitleAndASensibleDuration) {
  auto ok = validate_entry({"  새만금 도로 개통  ", std::nullopt, ""});
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->title, "새만금 도로 개통");
  EXPECT_EQ(ok->duration_minutes, 10);
  auto bad = validate_entry({" ", std::nullopt, "300"});
  ASSERT_FALSE(bad);
  ASSERT_EQ(bad.error().fields.size(), 2u);
  EXPECT_EQ(bad.error().fields[0].field, "title");
  EXPECT_EQ(bad.error().fields[1].field, "duration");
  EXPECT_FALSE(validate_entry({"안건", std::nullopt, "십분"}));
}

TEST(MeetingActions, AnActionItemNeedsAnOwnerAndADueDateFromTheMeetingOn) {
  auto ok = validate_action({"도로 표지 정비", 7, "2026-12-31"}, kHeldOn);
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->owner_id, 7);
  auto early = validate_action({"도로 표지 정비", 7, "2026-11-01"}, kHeldOn);
  ASSERT_FALSE(early);
  EXPECT_EQ(early.error().fields.front().field, "due");
  auto none = validate_action({"", std::nullopt, "내일"}, kHeldOn);
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().fields.size(), 3u);
}

}  // namespace sotong::meetings

namespace sotong::meetings {

TEST(MeetingRules, AnEntrysFilesAreChangedByTheSecretariatAndItsProposerUntilTheMinutesAreConfirmed) {
  for (auto state : {MeetingState::planned, MeetingState::agenda_published, MeetingState::held}) {
    EXPECT_TRUE(may_manage_entry_files(true, false, state));
    EXPECT_TRUE(may_manage_entry_files(false, true, state));
    EXPECT_FALSE(may_manage_entry_files(false, false, state)) << "another member reads them only";
  }
  for (auto state : {MeetingState::minutes_confirmed, MeetingState::cancelled}) {
    EXPECT_FALSE(may_manage_entry_files(true, false, state));
    EXPECT_FALSE(may_manage_entry_files(false, true, state));
  }
}

}  // namespace sotong::meetings
