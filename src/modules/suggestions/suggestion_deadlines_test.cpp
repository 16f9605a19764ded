#include "modules/suggestions/suggestion_deadlines.hpp"

#include <gtest/gtest.h>

namespace sotong::suggestions {
namespace {

using platform::calendar::Holiday;
using platform::calendar::HolidayKind;
using platform::calendar::WorkingCalendar;

// The autumn of 2026: 추석 on Thursday–Saturday 24–26 September, 개천절 on Saturday 3 October with its
// substitute on Monday 5 October, 한글날 on Friday 9 October.
WorkingCalendar autumn_2026() {
  return WorkingCalendar({{{2026, 9, 24}, "추석 전날", HolidayKind::statutory},
                          {{2026, 9, 25}, "추석", HolidayKind::statutory},
                          {{2026, 9, 26}, "추석 다음날", HolidayKind::statutory},
                          {{2026, 10, 3}, "개천절", HolidayKind::statutory},
                          {{2026, 10, 5}, "대체공휴일(개천절)", HolidayKind::substitute},
                          {{2026, 10, 9}, "한글날", HolidayKind::statutory}});
}

std::int64_t day(CivilDate d) {
  return days_from_civil(d);
}

}  // namespace

TEST(SuggestionDeadlines, TenWorkingDaysAcrossChuseokAndTheSubstituteHoliday) {
  // Received Monday 21 September. Counted by hand: 22, 23 (1, 2); 24–27 are 추석 and a weekend; 28, 29, 30,
  // 1 Oct, 2 Oct (3–7); 3–5 October are 개천절, Sunday and its substitute; 6, 7, 8 (8–10).
  EXPECT_EQ(day(due_date(autumn_2026(), {2026, 9, 21}, 10)), day({2026, 10, 8}));
  // Received on a Friday: the weekend does not count. 14 Sep 2026 is a Monday.
  EXPECT_EQ(day(due_date(autumn_2026(), {2026, 9, 11}, 1)), day({2026, 9, 14}));
}

TEST(SuggestionDeadlines, TwoExtensionsAtMostEachLaterAndExplained) {
  auto first = extend_due(0, {2026, 10, 8}, {2026, 10, 22}, "현장 조사 일정");
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(day(*first), day({2026, 10, 22}));
  EXPECT_TRUE(extend_due(1, {2026, 10, 22}, {2026, 11, 5}, "관계 부서 협의").ok());
  auto third = extend_due(2, {2026, 11, 5}, {2026, 11, 19}, "다시");
  ASSERT_FALSE(third.ok());
  EXPECT_EQ(third.error().code, ErrorCode::conflict);
  EXPECT_NE(third.error().message.find("두 번까지만"), std::string::npos);

  auto same_day = extend_due(0, {2026, 10, 8}, {2026, 10, 8}, "사유");
  ASSERT_FALSE(same_day.ok());
  EXPECT_EQ(same_day.error().fields.at(0).field, "due_date");
  EXPECT_NE(same_day.error().fields.at(0).message.find("2026-10-08"), std::string::npos);
  auto earlier_and_silent = extend_due(0, {2026, 10, 8}, {2026, 10, 1}, "  ");
  ASSERT_FALSE(earlier_and_silent.ok());
  ASSERT_EQ(earlier_and_silent.error().fields.size(), 2u);
  EXPECT_EQ(earlier_and_silent.error().fields[1].field, "reason");
}

TEST(SuggestionDeadlines, ATransferRestartsTheClockOnTheDayOfTransfer) {
  // Transferred on Wednesday 30 September with 10 working days: 1, 2 Oct (1, 2); 6, 7, 8 (3–5); 9 is 한글날;
  // 12–16 (6–10).
  auto due = due_after_transfer(autumn_2026(), 12, 34, {2026, 9, 30}, 10, "소관 기관이 다름");
  ASSERT_TRUE(due.ok());
  EXPECT_EQ(day(*due), day({2026, 10, 16}));
  auto same = due_after_transfer(autumn_2026(), 12, 12, {2026, 9, 30}, 10, "");
  ASSERT_FALSE(same.ok());
  ASSERT_EQ(same.error().fields.size(), 2u);
  EXPECT_EQ(same.error().fields[0].field, "organization_id");
  EXPECT_EQ(same.error().fields[1].field, "reason");
}

TEST(SuggestionDeadlines, TheDueDateItselfIsStillInTime) {
  EXPECT_FALSE(is_overdue({2026, 10, 8}, {2026, 10, 8}));
  EXPECT_TRUE(is_overdue({2026, 10, 8}, {2026, 10, 9}));
  EXPECT_FALSE(is_overdue({2026, 10, 8}, {2026, 9, 30}));
}

}  // namespace sotong::suggestions
