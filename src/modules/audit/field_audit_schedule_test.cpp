#include "modules/audit/field_audit_schedule.hpp"

#include <gtest/gtest.h>

namespace sotong::audit {
namespace {

ScheduledAudit audit(std::int64_t id, std::int64_t organization, CivilDate start, CivilDate end) {
  return {id, organization, start, end};
}

}  // namespace

TEST(FieldAuditSchedule, ExactlyThirtyDaysApartIsFine) {
  // Ends 1 March, the next starts 31 March: 30 days between the end and the start.
  EXPECT_TRUE(
      schedule_conflicts({audit(1, 7, {2026, 2, 23}, {2026, 3, 1}), audit(2, 7, {2026, 3, 31}, {2026, 4, 3})})
          .empty());
}

TEST(FieldAuditSchedule, TwentyNineDaysApartIsWarned) {
  auto conflicts = schedule_conflicts(
      {audit(2, 7, {2026, 3, 30}, {2026, 4, 3}), audit(1, 7, {2026, 2, 23}, {2026, 3, 1})});
  ASSERT_EQ(conflicts.size(), 1u);
  EXPECT_EQ(conflicts[0].earlier, 1);
  EXPECT_EQ(conflicts[0].later, 2);
  EXPECT_FALSE(conflicts[0].overlap);
  EXPECT_EQ(conflicts[0].gap_days, 29);
  EXPECT_EQ(describe_gap(conflicts[0]), "간격이 29일입니다 (30일 미만)");
}

TEST(FieldAuditSchedule, StartingTheDayTheOtherEndsOverlaps) {
  auto conflicts =
      schedule_conflicts({audit(1, 7, {2026, 3, 2}, {2026, 3, 6}), audit(2, 7, {2026, 3, 6}, {2026, 3, 10})});
  ASSERT_EQ(conflicts.size(), 1u);
  EXPECT_TRUE(conflicts[0].overlap);
  EXPECT_EQ(conflicts[0].gap_days, 0);
  EXPECT_EQ(describe_gap(conflicts[0]), "감사 기간이 겹칩니다");
}

TEST(FieldAuditSchedule, TheSameDaysOverlap) {
  auto conflicts =
      schedule_conflicts({audit(1, 7, {2026, 3, 2}, {2026, 3, 2}), audit(2, 7, {2026, 3, 2}, {2026, 3, 2})});
  ASSERT_EQ(conflicts.size(), 1u);
  EXPECT_TRUE(conflicts[0].overlap);
  EXPECT_EQ(conflicts[0].earlier, 1) << "starting the same day, the smaller id comes first";
}

TEST(FieldAuditSchedule, OneInsideAnotherOverlaps) {
  auto conflicts = schedule_conflicts(
      {audit(1, 7, {2026, 3, 1}, {2026, 3, 31}), audit(2, 7, {2026, 3, 10}, {2026, 3, 12})});
  ASSERT_EQ(conflicts.size(), 1u);
  EXPECT_TRUE(conflicts[0].overlap);
}

TEST(FieldAuditSchedule, OtherOrganisationsAreNeverCompared) {
  EXPECT_TRUE(
      schedule_conflicts({audit(1, 7, {2026, 3, 2}, {2026, 3, 6}), audit(2, 8, {2026, 3, 2}, {2026, 3, 6})})
          .empty());
}

TEST(FieldAuditSchedule, ALongAuditIsComparedWithEveryShortOne) {
  // 1 runs all March; 2 and 3 both fall inside it, and 3 starts 20 days after 2 ends.
  auto conflicts =
      schedule_conflicts({audit(1, 7, {2026, 3, 1}, {2026, 3, 31}), audit(2, 7, {2026, 3, 2}, {2026, 3, 3}),
                          audit(3, 7, {2026, 3, 23}, {2026, 3, 24})});
  EXPECT_EQ(conflicts.size(), 3u);
}

TEST(FieldAuditSchedule, AnEditedPlanIsNotComparedWithItself) {
  const auto stored = audit(5, 7, {2026, 3, 2}, {2026, 3, 6});
  auto moved = stored;
  moved.start = {2026, 3, 4};
  moved.end = {2026, 3, 8};
  EXPECT_TRUE(conflicts_with(moved, {stored}).empty());
  const auto other = audit(6, 7, {2026, 4, 1}, {2026, 4, 3});
  auto conflicts = conflicts_with(moved, {stored, other});
  ASSERT_EQ(conflicts.size(), 1u);
  EXPECT_EQ(conflicts[0].earlier, 5);
  EXPECT_EQ(conflicts[0].later, 6);
  EXPECT_EQ(conflicts[0].gap_days, 24);
}

TEST(FieldAuditSchedule, ANewPlanBeforeAnotherIsComparedTheRightWayRound) {
  auto conflicts =
      conflicts_with(audit(0, 7, {2026, 2, 2}, {2026, 2, 6}), {audit(6, 7, {2026, 3, 1}, {2026, 3, 3})});
  ASSERT_EQ(conflicts.size(), 1u);
  EXPECT_EQ(conflicts[0].earlier, 0);
  EXPECT_EQ(conflicts[0].gap_days, 23);
}

}  // namespace sotong::audit
