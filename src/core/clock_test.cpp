#include "core/clock.hpp"

#include <gtest/gtest.h>

namespace sotong {

TEST(Clock, CivilRoundTripAcrossCenturies) {
  for (std::int64_t d = -800000; d < 800000; d += 997) {
    EXPECT_EQ(days_from_civil(civil_from_days(d)), d);
  }
  EXPECT_EQ(days_from_civil({1970, 1, 1}), 0);
  EXPECT_EQ(days_from_civil({2000, 3, 1}), 11017);
}

TEST(Clock, FormatsInKoreanTime) {
  // 2026-11-24T15:30:00Z is 2026-11-25 00:30 in Seoul: the date changes at UTC 15:00.
  const Timestamp t = days_from_civil({2026, 11, 24}) * 86400 + 15 * 3600 + 30 * 60;
  EXPECT_EQ(format_seoul_minute(t), "2026-11-25 00:30");
  EXPECT_EQ(format_seoul_date(t), "2026-11-25");
  EXPECT_EQ(format_iso_utc(t), "2026-11-24T15:30:00Z");
}

TEST(Clock, ParsesOnlyRealDates) {
  ASSERT_TRUE(parse_date("2024-02-29"));
  EXPECT_EQ(parse_date("2024-02-29")->day, 29);
  EXPECT_FALSE(parse_date("2023-02-29"));
  EXPECT_FALSE(parse_date("2023-13-01"));
  EXPECT_FALSE(parse_date("2023-1-01"));
  EXPECT_FALSE(parse_date("20230101"));
  EXPECT_FALSE(parse_date("2023-0a-01"));
}

}  // namespace sotong
