// The holiday rules: every substitute-holiday case of 「관공서의 공휴일에 관한 규정」 제3조, the election
// days of 「공직선거법」 제34조 against past elections, the shipped CSV against the announced calendar, and
// CSV errors.
#include "platform/calendar/holiday_rules.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "platform/calendar/calendar_service.hpp"
#include "platform/calendar/calendar_test_support.hpp"

namespace sotong::platform::calendar {
namespace {

/// "2025-05-06 대체공휴일(어린이날)" for each substitute, in order.
std::vector<std::string> substitutes(const std::vector<Holiday>& holidays) {
  std::vector<std::string> out;
  for (const auto& s : substitute_holidays(holidays)) {
    EXPECT_EQ(s.kind, HolidayKind::substitute);
    out.push_back(format_date(s.date) + " " + s.name);
  }
  return out;
}

using Lines = std::vector<std::string>;

std::vector<Holiday> shipped() {
  auto all = shipped_holidays(shipped_csv());
  EXPECT_TRUE(all.ok()) << (all.ok() ? "" : all.error().message);
  return all.ok() ? *all : std::vector<Holiday>{};
}

std::vector<Holiday> listed() {
  auto rows = parse_holiday_csv(shipped_csv());
  EXPECT_TRUE(rows.ok()) << (rows.ok() ? "" : rows.error().message);
  return rows.ok() ? *rows : std::vector<Holiday>{};
}
}  // namespace

TEST(HolidayRules, EveryStatutoryHolidayHasItsRule) {
  EXPECT_EQ(statutory_holiday("설날 전날")->rule, SubstituteRule::sunday_or_other_holiday);
  EXPECT_EQ(statutory_holiday("설날 다음날")->group, "설날");
  EXPECT_EQ(statutory_holiday("추석")->rule, SubstituteRule::sunday_or_other_holiday);
  EXPECT_EQ(statutory_holiday("어린이날")->rule, SubstituteRule::weekend_or_other_holiday);
  for (const char* name : {"삼일절", "제헌절", "광복절", "개천절", "한글날", "부처님오신날", "기독탄신일"})
    EXPECT_EQ(statutory_holiday(name)->rule, SubstituteRule::weekend) << name;
  EXPECT_EQ(statutory_holiday("신정")->rule, SubstituteRule::none);
  EXPECT_EQ(statutory_holiday("현충일")->rule, SubstituteRule::none);
  EXPECT_FALSE(statutory_holiday("식목일"));
  EXPECT_FALSE(statutory_holiday("근로자의 날"));
}

TEST(HolidayRules, SeollalOnASundayGivesTheFirstDayAfterTheBreak) {
  // 2024: 설날 연휴 Fri–Sun → Monday 02-12 (announced).
  EXPECT_EQ(substitutes({make_holiday("2024-02-09", "설날 전날"), make_holiday("2024-02-10", "설날"),
                         make_holiday("2024-02-11", "설날 다음날")}),
            (Lines{"2024-02-12 대체공휴일(설날)"}));
  // 2027: Sunday in the middle (Sat–Mon) → Tuesday, after the last day of the break.
  EXPECT_EQ(substitutes({make_holiday("2027-02-06", "설날 전날"), make_holiday("2027-02-07", "설날"),
                         make_holiday("2027-02-08", "설날 다음날")}),
            (Lines{"2027-02-09 대체공휴일(설날)"}));
}

TEST(HolidayRules, SeollalAndChuseokIgnoreSaturday) {
  // 2026 추석 연휴 Thu–Sat: a Saturday earns nothing for 설날·추석.
  EXPECT_TRUE(substitutes({make_holiday("2026-09-24", "추석 전날"), make_holiday("2026-09-25", "추석"),
                           make_holiday("2026-09-26", "추석 다음날")})
                  .empty());
  // 2029: Fri–Sun → only the Sunday counts: one substitute, Monday.
  EXPECT_EQ(substitutes({make_holiday("2029-09-21", "추석 전날"), make_holiday("2029-09-22", "추석"),
                         make_holiday("2029-09-23", "추석 다음날")}),
            (Lines{"2029-09-24 대체공휴일(추석)"}));
}

TEST(HolidayRules, ChuseokOnAnotherHolidayGivesOneSubstitute) {
  // 2028: 추석 falls on 개천절 (a Tuesday): 추석's rule gives Thursday 10-05; 개천절's (weekends only)
  // nothing.
  EXPECT_EQ(substitutes({make_holiday("2028-10-02", "추석 전날"), make_holiday("2028-10-03", "추석"),
                         make_holiday("2028-10-03", "개천절"), make_holiday("2028-10-04", "추석 다음날"),
                         make_holiday("2028-10-09", "한글날")}),
            (Lines{"2028-10-05 대체공휴일(추석)"}));
  // 2025: 추석 전날 on a Sunday; the next days are the break itself, so Wednesday 10-08 (announced).
  EXPECT_EQ(substitutes({make_holiday("2025-10-03", "개천절"), make_holiday("2025-10-05", "추석 전날"),
                         make_holiday("2025-10-06", "추석"), make_holiday("2025-10-07", "추석 다음날"),
                         make_holiday("2025-10-09", "한글날")}),
            (Lines{"2025-10-08 대체공휴일(추석)"}));
}

TEST(HolidayRules, ChildrensDayOnAWeekendOrAnotherHoliday) {
  EXPECT_EQ(substitutes({make_holiday("2024-05-05", "어린이날")}),
            (Lines{"2024-05-06 대체공휴일(어린이날)"}));  // Sunday
  EXPECT_EQ(substitutes({make_holiday("2029-05-05", "어린이날")}),
            (Lines{"2029-05-07 대체공휴일(어린이날)"}));  // Saturday
  // 2025: 어린이날 and 부처님오신날 both on Monday 05-05: one substitute, 05-06 (announced).
  EXPECT_EQ(substitutes({make_holiday("2025-05-05", "어린이날"), make_holiday("2025-05-05", "부처님오신날"),
                         make_holiday("2025-06-06", "현충일")}),
            (Lines{"2025-05-06 대체공휴일(어린이날)"}));
  // On an election day (any kind of holiday counts as "another holiday").
  EXPECT_EQ(substitutes({make_holiday("2033-05-05", "어린이날"),
                         make_holiday("2033-05-05", "선거일", HolidayKind::election)}),
            (Lines{"2033-05-06 대체공휴일(어린이날)"}));
  EXPECT_TRUE(substitutes({make_holiday("2026-05-05", "어린이날")}).empty());  // a Tuesday
}

TEST(HolidayRules, NationalDaysBuddhasBirthdayAndChristmasOnWeekendsOnly) {
  EXPECT_EQ(substitutes({make_holiday("2025-03-01", "삼일절")}),
            (Lines{"2025-03-03 대체공휴일(삼일절)"}));  // Saturday
  EXPECT_EQ(substitutes({make_holiday("2026-03-01", "삼일절")}),
            (Lines{"2026-03-02 대체공휴일(삼일절)"}));  // Sunday
  EXPECT_EQ(substitutes({make_holiday("2026-05-24", "부처님오신날")}),
            (Lines{"2026-05-25 대체공휴일(부처님오신날)"}));
  EXPECT_EQ(substitutes({make_holiday("2026-08-15", "광복절")}), (Lines{"2026-08-17 대체공휴일(광복절)"}));
  EXPECT_EQ(substitutes({make_holiday("2026-10-03", "개천절")}), (Lines{"2026-10-05 대체공휴일(개천절)"}));
  EXPECT_EQ(substitutes({make_holiday("2027-10-09", "한글날")}), (Lines{"2027-10-11 대체공휴일(한글날)"}));
  EXPECT_EQ(substitutes({make_holiday("2027-07-17", "제헌절")}), (Lines{"2027-07-19 대체공휴일(제헌절)"}));
  EXPECT_EQ(substitutes({make_holiday("2027-12-25", "기독탄신일")}),
            (Lines{"2027-12-27 대체공휴일(기독탄신일)"}));
  // A national day on a weekday that is also another holiday earns nothing (weekends only).
  EXPECT_TRUE(substitutes({make_holiday("2028-10-03", "개천절"),
                           make_holiday("2028-10-03", "임시", HolidayKind::temporary)})
                  .empty());
}

TEST(HolidayRules, NewYearAndMemorialDayNeverGetOne) {
  EXPECT_TRUE(substitutes({make_holiday("2028-01-01", "신정"), make_holiday("2027-06-06", "현충일"),
                           make_holiday("2026-06-06", "현충일")})
                  .empty());
  // Elections and temporary holidays never earn one either, even on a weekend.
  EXPECT_TRUE(substitutes({make_holiday("2033-06-04", "선거", HolidayKind::election),
                           make_holiday("2033-06-05", "임시", HolidayKind::temporary)})
                  .empty());
}

TEST(HolidayRules, SubstitutesSkipHolidaysWeekendsAndEachOther) {
  // 삼일절 on Saturday with a temporary holiday on Monday: Tuesday.
  EXPECT_EQ(substitutes({make_holiday("2025-03-01", "삼일절"),
                         make_holiday("2025-03-03", "임시", HolidayKind::temporary)}),
            (Lines{"2025-03-04 대체공휴일(삼일절)"}));
  // Two substitutes due on one day take consecutive days (제3조제2항): 어린이날 and 부처님오신날 on Sunday.
  EXPECT_EQ(substitutes({make_holiday("2030-05-05", "어린이날"), make_holiday("2030-05-05", "부처님오신날")}),
            (Lines{"2030-05-06 대체공휴일(어린이날)", "2030-05-07 대체공휴일(부처님오신날)"}));
  // A substitute due after a Friday skips Saturday too: a non-working day is no substitute for civil
  // servants.
  EXPECT_EQ(substitutes({make_holiday("2031-05-02", "어린이날"), make_holiday("2031-05-02", "부처님오신날")}),
            (Lines{"2031-05-05 대체공휴일(어린이날)"}));
}

TEST(HolidayRules, ShippedCalendarReproducesTheAnnouncedSubstitutes) {
  Lines got;
  for (const auto& x : shipped())
    if (x.kind == HolidayKind::substitute) got.push_back(format_date(x.date) + " " + x.name);
  // 2024–2026 as announced by 인사혁신처; 2027–2030 as the same rules give them.
  const Lines expected = {
      "2024-02-12 대체공휴일(설날)",         "2024-05-06 대체공휴일(어린이날)",
      "2025-03-03 대체공휴일(삼일절)",       "2025-05-06 대체공휴일(어린이날)",
      "2025-10-08 대체공휴일(추석)",         "2026-03-02 대체공휴일(삼일절)",
      "2026-05-25 대체공휴일(부처님오신날)", "2026-08-17 대체공휴일(광복절)",
      "2026-10-05 대체공휴일(개천절)",       "2027-02-09 대체공휴일(설날)",
      "2027-07-19 대체공휴일(제헌절)",       "2027-08-16 대체공휴일(광복절)",
      "2027-10-04 대체공휴일(개천절)",       "2027-10-11 대체공휴일(한글날)",
      "2027-12-27 대체공휴일(기독탄신일)",   "2028-10-05 대체공휴일(추석)",
      "2029-05-07 대체공휴일(어린이날)",     "2029-05-21 대체공휴일(부처님오신날)",
      "2029-09-24 대체공휴일(추석)",         "2030-02-05 대체공휴일(설날)",
      "2030-05-06 대체공휴일(어린이날)",
  };
  EXPECT_EQ(got, expected);
}

TEST(HolidayRules, ShippedLunarHolidaysFallOnTheKoreanDates) {
  // From the Korean lunar calendar (Korea's new moons, UTC+9): 2027 and 2028 설날 differ from China's.
  const std::map<int, Lines> lunar = {
      {2024, {"2024-02-10", "2024-05-15", "2024-09-17"}}, {2025, {"2025-01-29", "2025-05-05", "2025-10-06"}},
      {2026, {"2026-02-17", "2026-05-24", "2026-09-25"}}, {2027, {"2027-02-07", "2027-05-13", "2027-09-15"}},
      {2028, {"2028-01-27", "2028-05-02", "2028-10-03"}}, {2029, {"2029-02-13", "2029-05-20", "2029-09-22"}},
      {2030, {"2030-02-03", "2030-05-09", "2030-09-12"}},
  };
  std::map<std::string, std::string> by_name_year;
  for (const auto& x : listed()) by_name_year[x.name + std::to_string(x.date.year)] = format_date(x.date);
  for (const auto& [year, dates] : lunar) {
    const std::string y = std::to_string(year);
    EXPECT_EQ(by_name_year["설날" + y], dates[0]) << year;
    EXPECT_EQ(by_name_year["부처님오신날" + y], dates[1]) << year;
    EXPECT_EQ(by_name_year["추석" + y], dates[2]) << year;
    // The day before and after belong to the break.
    EXPECT_EQ(by_name_year["설날 전날" + y], format_date(add_days(date_on(dates[0].c_str()), -1))) << year;
    EXPECT_EQ(by_name_year["설날 다음날" + y], format_date(add_days(date_on(dates[0].c_str()), 1))) << year;
    EXPECT_EQ(by_name_year["추석 전날" + y], format_date(add_days(date_on(dates[2].c_str()), -1))) << year;
    EXPECT_EQ(by_name_year["추석 다음날" + y], format_date(add_days(date_on(dates[2].c_str()), 1))) << year;
  }
}

TEST(HolidayRules, ShippedFixedHolidaysAreThereEveryYear) {
  std::set<std::string> have;
  for (const auto& x : listed()) have.insert(format_date(x.date) + " " + x.name);
  for (int year = 2024; year <= 2030; ++year) {
    const std::string y = std::to_string(year);
    for (const auto& [md, name] : std::vector<std::pair<std::string, std::string>>{{"01-01", "신정"},
                                                                                   {"03-01", "삼일절"},
                                                                                   {"05-05", "어린이날"},
                                                                                   {"06-06", "현충일"},
                                                                                   {"08-15", "광복절"},
                                                                                   {"10-03", "개천절"},
                                                                                   {"10-09", "한글날"},
                                                                                   {"12-25", "기독탄신일"}}) {
      EXPECT_TRUE(have.count(y + "-" + md + " " + name)) << y << "-" << md << " " << name;
    }
    // 제헌절 is a holiday again from 2026 (「공휴일에 관한 법률」 개정, 2026).
    EXPECT_EQ(have.count(y + "-07-17 제헌절"), year >= 2026 ? 1u : 0u) << year;
  }
  for (const auto& x : listed()) EXPECT_NE(x.kind, HolidayKind::substitute) << "substitutes are computed";
}

TEST(HolidayRules, ElectionDaysFollowThePublicOfficialElectionAct) {
  // 현충일 each year: the only holiday near a June election.
  std::vector<Holiday> memorial;
  for (int y = 2006; y <= 2034; ++y) memorial.push_back({{y, 6, 6}, "현충일", HolidayKind::statutory});
  const WorkingCalendar cal(memorial);
  // General elections: 2008-04-09 (the 50th day before the term's end is itself a Wednesday) … 2024-04-10.
  EXPECT_EQ(format_date(national_assembly_election_day(2008, cal)), "2008-04-09");
  EXPECT_EQ(format_date(national_assembly_election_day(2012, cal)), "2012-04-11");
  EXPECT_EQ(format_date(national_assembly_election_day(2016, cal)), "2016-04-13");
  EXPECT_EQ(format_date(national_assembly_election_day(2020, cal)), "2020-04-15");
  EXPECT_EQ(format_date(national_assembly_election_day(2024, cal)), "2024-04-10");
  EXPECT_EQ(format_date(national_assembly_election_day(2028, cal)), "2028-04-12");
  // Local elections: 2006-05-31 (on the 30th day itself), 2018 moved a week off 현충일.
  EXPECT_EQ(format_date(local_election_day(2006, cal)), "2006-05-31");
  EXPECT_EQ(format_date(local_election_day(2010, cal)), "2010-06-02");
  EXPECT_EQ(format_date(local_election_day(2014, cal)), "2014-06-04");
  EXPECT_EQ(format_date(local_election_day(2018, cal)), "2018-06-13");
  EXPECT_EQ(format_date(local_election_day(2022, cal)), "2022-06-01");
  EXPECT_EQ(format_date(local_election_day(2026, cal)), "2026-06-03");
  // 2030: the first Wednesday is 06-05 and 06-06 (현충일) follows it, so the next week's Wednesday.
  EXPECT_EQ(format_date(local_election_day(2030, cal)), "2030-06-12");
  EXPECT_TRUE(has_national_assembly_election(2028));
  EXPECT_FALSE(has_national_assembly_election(2026));
  EXPECT_TRUE(has_local_election(2030));
  EXPECT_FALSE(has_local_election(2028));
}

TEST(HolidayRules, ShippedElectionDaysAreTheStatutoryOnes) {
  std::vector<Holiday> statutory;
  std::map<int, std::vector<std::string>> elections;
  for (const auto& x : listed()) {
    if (x.kind == HolidayKind::statutory) statutory.push_back(x);
    if (x.kind == HolidayKind::election) elections[x.date.year].push_back(format_date(x.date));
  }
  const WorkingCalendar cal(statutory);
  for (int year = 2024; year <= 2030; ++year) {
    std::vector<std::string> expected;
    if (has_national_assembly_election(year))
      expected.push_back(format_date(national_assembly_election_day(year, cal)));
    if (has_local_election(year)) expected.push_back(format_date(local_election_day(year, cal)));
    if (year == 2025)
      expected.push_back("2025-06-03");  // 제21대 대통령선거 (궐위 선거: 임시공휴일로 지정된 날)
    EXPECT_EQ(elections[year], expected) << year;
  }
}

TEST(HolidayRules, CsvErrorsNameTheLine) {
  auto message = [](const char* text) {
    auto r = parse_holiday_csv(text);
    return r.ok() ? std::string("ok") : r.error().message;
  };
  EXPECT_NE(message("when,what\n").find("머리글"), std::string::npos);
  EXPECT_NE(message("date,name,kind\n2026-02-30,설날,statutory\n").find("2번째 줄"), std::string::npos);
  EXPECT_NE(message("date,name,kind\n2026-01-01,신정,statutory\n2026-10-02,,temporary\n").find("3번째 줄"),
            std::string::npos);
  EXPECT_NE(message("date,name,kind\n2026-10-02,임시,holiday\n").find("종류"), std::string::npos);
  EXPECT_NE(message("date,name,kind\n2026-04-05,식목일,statutory\n").find("법정공휴일"), std::string::npos);
  EXPECT_NE(message("date,name,kind\n2026-01-01,신정,statutory\n2026-01-01,신정,statutory\n").find("두 번"),
            std::string::npos);
  EXPECT_NE(message("date,name,kind\n2026-01-01,신정\n").find("칸"), std::string::npos);
  auto ok = parse_holiday_csv(
      "date,name,kind\r\n2026-01-01,신정,statutory\r\n\r\n2026-10-02,임시공휴일,temporary\r\n");
  ASSERT_TRUE(ok.ok());
  ASSERT_EQ(ok->size(), 2u);
  EXPECT_EQ((*ok)[1].kind, HolidayKind::temporary);
}

}  // namespace sotong::platform::calendar
