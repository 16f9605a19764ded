#include "modules/meetings/meeting_calendar.hpp"

#include <gtest/gtest.h>

#include <string>

namespace sotong::meetings {
namespace {

constexpr CivilDate kToday{2026, 10, 8};  // a Thursday

Result<CalendarQuery> parse(const std::string& query) {
  return parse_calendar_query(http::Form::parse(query), kToday);
}

std::string first_field(const Result<CalendarQuery>& r) {
  return r || r.error().fields.empty() ? std::string() : r.error().fields.front().field;
}

}  // namespace

TEST(MeetingCalendar, WithoutAQueryItIsThisMonth) {
  auto q = parse("");
  ASSERT_TRUE(q);
  EXPECT_EQ(q->view, CalendarView::month);
  EXPECT_EQ(days_from_civil(q->anchor), days_from_civil({2026, 10, 1}));
  const auto [from, to] = calendar_range(*q);
  EXPECT_EQ(days_from_civil(from), days_from_civil({2026, 10, 1}));
  EXPECT_EQ(days_from_civil(to), days_from_civil({2026, 10, 31}));
  EXPECT_EQ(calendar_query_string(*q), "view=month&month=2026-10");
}

TEST(MeetingCalendar, AWeekRunsSundayToSaturdayAndStepsBySevenDays) {
  auto q = parse("view=week&date=2026-10-08&body=3");
  ASSERT_TRUE(q);
  const auto [from, to] = calendar_range(*q);
  EXPECT_EQ(days_from_civil(from), days_from_civil({2026, 10, 4}));
  EXPECT_EQ(days_from_civil(to), days_from_civil({2026, 10, 10}));
  EXPECT_EQ(calendar_query_string(calendar_step(*q, 1)), "view=week&date=2026-10-15&body=3");
  EXPECT_EQ(calendar_query_string(calendar_step(*q, -1)), "view=week&date=2026-10-01&body=3");
}

TEST(MeetingCalendar, MonthsStepOverTheYearAndFebruaryEndsRight) {
  auto q = parse("view=list&month=2026-12&organization=7");
  ASSERT_TRUE(q);
  EXPECT_EQ(calendar_query_string(calendar_step(*q, 1)), "view=list&month=2027-01&organization=7");
  auto feb = parse("month=2028-02");
  ASSERT_TRUE(feb);
  EXPECT_EQ(days_from_civil(calendar_range(*feb).second), days_from_civil({2028, 2, 29}));
  EXPECT_EQ(calendar_query_string(calendar_step(*feb, -2)), "view=month&month=2027-12");
}

TEST(MeetingCalendar, EveryUnreadableFilterIsRefusedInKoreanWithItsField) {
  for (const auto& [query, field] :
       std::vector<std::pair<std::string, std::string>>{{"view=year", "view"},
                                                        {"month=2026-13", "month"},
                                                        {"month=202610", "month"},
                                                        {"view=week&date=2026-02-30", "date"},
                                                        {"body=abc", "body"},
                                                        {"body=-1", "body"},
                                                        {"organization=0", "organization"}}) {
    auto q = parse(query);
    ASSERT_FALSE(q) << query;
    EXPECT_EQ(q.error().code, ErrorCode::invalid_input) << query;
    EXPECT_EQ(first_field(q), field) << query;
    EXPECT_FALSE(q.error().fields.front().message.empty());
  }
}

}  // namespace sotong::meetings
