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

TEST(Clock, FormatsSecondsInKoreanTime) {
  const Timestamp t = days_from_civil({2026, 11, 24}) * 86400 + 15 * 3600 + 30 * 60 + 9;
  EXPECT_EQ(format_seoul_second(t), "2026-11-25 00:30:09");
  EXPECT_EQ(format_seoul_second(0), "1970-01-01 09:00:00");
  EXPECT_EQ(format_seoul_second(-1), "1970-01-01 08:59:59");  // before the epoch too
}

TEST(Clock, AKoreanDayStartsAtFifteenHundredUtc) {
  // 2026-01-01 00:00 in Seoul is 2025-12-31 15:00 UTC.
  EXPECT_EQ(format_iso_utc(seoul_day_start({2026, 1, 1})), "2025-12-31T15:00:00Z");
  EXPECT_EQ(format_seoul_second(seoul_day_start({2026, 1, 1}) + 3661), "2026-01-01 01:01:01");
  EXPECT_EQ(format_seoul_date(seoul_day_start({2024, 2, 29})), "2024-02-29");
  const CivilDate new_year = seoul_date(seoul_day_start({2026, 1, 1}));  // 15:00 UTC on New Year's Eve
  EXPECT_EQ(new_year.year, 2026);
  EXPECT_EQ(seoul_date(seoul_day_start({2026, 1, 1}) - 1).year, 2025);
  EXPECT_EQ(format_seoul_date(seoul_day_start({2024, 2, 29}) - 1), "2024-02-28");
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

TEST(Clock, WeekdayCountsFromSunday) {
  EXPECT_EQ(weekday({1970, 1, 1}), 4);    // Thursday
  EXPECT_EQ(weekday({1969, 12, 28}), 0);  // Sunday, before the epoch
  EXPECT_EQ(weekday({1900, 1, 1}), 1);    // Monday
  EXPECT_EQ(weekday({2000, 2, 29}), 2);   // Tuesday
  EXPECT_EQ(weekday({2024, 2, 10}), 6);   // 설날 2024, a Saturday
  EXPECT_EQ(weekday({2026, 11, 25}), 3);  // Wednesday
  EXPECT_EQ(weekday({2030, 12, 31}), 2);  // Tuesday
  // Seven consecutive days cover every weekday once, in order, on both sides of the epoch.
  for (const std::int64_t start : {std::int64_t{-3}, std::int64_t{20000}}) {
    for (int i = 0; i < 14; ++i) {
      EXPECT_EQ(weekday(civil_from_days(start + i + 1)), (weekday(civil_from_days(start + i)) + 1) % 7);
    }
  }
}

}  // namespace sotong
