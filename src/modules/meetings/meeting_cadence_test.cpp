#include "modules/meetings/meeting_cadence.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "platform/calendar/calendar_service.hpp"
#include "platform/calendar/holiday_rules.hpp"

namespace sotong::meetings {
namespace {

using platform::calendar::Holiday;
using platform::calendar::HolidayKind;
using platform::calendar::WorkingCalendar;

/// The holidays the program ships, with their computed substitutes. In 2026: 신정 (Thu 1 Jan), 설날 연휴
/// (Mon–Wed 16–18 Feb), 삼일절 on a Sunday with its substitute on Monday 2 March, 어린이날 (Tue 5 May),
/// 부처님오신날 on Sunday 24 May with its substitute on Monday the 25th, the local election (Wed 3 June),
/// 제헌절 (Fri 17 July), 광복절 on a Saturday with its substitute on Monday 17 August, 추석 (Thu–Sat 24–26
/// September: a Saturday earns 추석 no substitute), 개천절 on a Saturday with its substitute on Monday 5
/// October, 한글날 (Fri 9 October), 기독탄신일 (Fri 25 December).
std::vector<Holiday> shipped_holidays() {
  return *platform::calendar::shipped_holidays(platform::calendar::shipped_csv());
}

WorkingCalendar shipped() {
  return WorkingCalendar(shipped_holidays());
}

/// The shipped calendar with more days off, as an administrator would add them.
WorkingCalendar shipped_and(const std::vector<CivilDate>& days_off) {
  auto holidays = shipped_holidays();
  for (const auto& day : days_off) holidays.push_back({day, "임시공휴일", HolidayKind::temporary});
  return WorkingCalendar(holidays);
}

Cadence code(std::string_view text) {
  auto cadence = parse_cadence(text);
  EXPECT_TRUE(cadence.ok()) << text;
  return cadence.ok() ? *cadence : Cadence{};
}

std::string iso(CivilDate date) {
  return platform::calendar::format_date(date);
}

/// The year's dates as "2026-01-08" text, for readable comparisons.
std::vector<std::string> dates_of(std::string_view cadence, const WorkingCalendar& calendar = shipped(),
                                  int year = 2026) {
  std::vector<std::string> out;
  for (const auto& d : schedule_year(code(cadence), year, calendar)) out.push_back(iso(d.date));
  return out;
}

/// The one meeting of the year that falls in `month`.
ScheduledDate in_month(std::string_view cadence, int month, const WorkingCalendar& calendar = shipped()) {
  for (const auto& d : schedule_year(code(cadence), 2026, calendar))
    if (d.original.month == month) return d;
  ADD_FAILURE() << cadence << " has no meeting in month " << month;
  return {};
}

/// Every cadence there is (the irregular one last).
std::vector<Cadence> every_cadence() {
  std::vector<Cadence> all;
  for (const auto& period : kPeriods) {
    if (period.value == Period::irregular) continue;
    for (const auto& week : kWeeksOfMonth)
      for (const auto& day : kMeetingDays)
        for (int m = 1; m <= months_in_period(period.value); ++m)
          all.push_back({period.value, week.value, day.value, m});
  }
  all.push_back({.period = Period::irregular});
  return all;
}

}  // namespace

TEST(MeetingCadence, SecondThursdayOfEveryMonth) {
  EXPECT_EQ(dates_of("monthly/2/thu"),
            (std::vector<std::string>{"2026-01-08", "2026-02-12", "2026-03-12", "2026-04-09", "2026-05-14",
                                      "2026-06-11", "2026-07-09", "2026-08-13", "2026-09-10", "2026-10-08",
                                      "2026-11-12", "2026-12-10"}));
  for (const auto& d : schedule_year(code("monthly/2/thu"), 2026, shipped())) {
    EXPECT_EQ(iso(d.date), iso(d.original));
    EXPECT_TRUE(d.reason.empty());
  }
}

TEST(MeetingCadence, TheFourthAndTheLastDifferInMonthsWithFiveOfTheWeekday) {
  // 2026 has five Thursdays in January, April, July, October and December.
  EXPECT_EQ(dates_of("monthly/4/thu"),
            (std::vector<std::string>{"2026-01-22", "2026-02-26", "2026-03-26", "2026-04-23", "2026-05-28",
                                      "2026-06-25", "2026-07-23", "2026-08-27", "2026-09-23", "2026-10-22",
                                      "2026-11-26", "2026-12-24"}));
  EXPECT_EQ(dates_of("monthly/last/thu"),
            (std::vector<std::string>{"2026-01-29", "2026-02-26", "2026-03-26", "2026-04-30", "2026-05-28",
                                      "2026-06-25", "2026-07-30", "2026-08-27", "2026-09-23", "2026-10-29",
                                      "2026-11-26", "2026-12-31"}));
  // Four Mondays in May 2026 (4, 11, 18, 25): the fourth is the last.
  EXPECT_EQ(iso(in_month("monthly/4/mon", 5).original), "2026-05-25");
  EXPECT_EQ(iso(in_month("monthly/last/mon", 5).original), "2026-05-25");
  EXPECT_EQ(iso(in_month("monthly/1/mon", 6).date), "2026-06-01");
  EXPECT_EQ(iso(in_month("monthly/3/tue", 6).date), "2026-06-16");
}

TEST(MeetingCadence, ChuseokMovesAThursdayMeetingBackToWednesday) {
  // 24 September is 추석 전날 and the 25th 추석: nothing later that week works, so the Wednesday before.
  const auto d = in_month("monthly/4/thu", 9);
  EXPECT_EQ(iso(d.original), "2026-09-24");
  EXPECT_EQ(iso(d.date), "2026-09-23");
  EXPECT_EQ(d.reason, "추석 연휴(9월 24일)와 겹쳐 9월 23일로 옮김");
  const auto friday = in_month("yearly/4/fri@9", 9);
  EXPECT_EQ(iso(friday.date), "2026-09-23");
  EXPECT_EQ(friday.reason, "추석 연휴(9월 25일)와 겹쳐 9월 23일로 옮김");
}

TEST(MeetingCadence, SeollalMovesAMondayMeetingLaterInTheSameWeek) {
  const auto d = in_month("monthly/3/mon", 2);
  EXPECT_EQ(iso(d.original), "2026-02-16");
  EXPECT_EQ(iso(d.date), "2026-02-19");
  EXPECT_EQ(d.reason, "설날 연휴(2월 16일)와 겹쳐 2월 19일로 옮김");
  // The third week without a weekday is the week of the third Thursday (19 February): its Monday is 설날
  // 전날.
  const auto week = in_month("monthly/3/any", 2);
  EXPECT_EQ(iso(week.original), "2026-02-16");
  EXPECT_EQ(iso(week.date), "2026-02-19");
}

TEST(MeetingCadence, SubstituteHolidaysAndTheElectionMoveToTheNextDay) {
  const auto march = in_month("monthly/1/mon", 3);
  EXPECT_EQ(iso(march.date), "2026-03-03");
  EXPECT_EQ(march.reason, "삼일절 대체공휴일(3월 2일)과 겹쳐 3월 3일로 옮김");
  const auto may = in_month("monthly/last/mon", 5);
  EXPECT_EQ(iso(may.date), "2026-05-26");
  EXPECT_EQ(may.reason, "부처님오신날 대체공휴일(5월 25일)과 겹쳐 5월 26일로 옮김");
  const auto august = in_month("monthly/3/mon", 8);
  EXPECT_EQ(iso(august.date), "2026-08-18");
  EXPECT_EQ(august.reason, "광복절 대체공휴일(8월 17일)과 겹쳐 8월 18일로 옮김");
  const auto october = in_month("monthly/1/mon", 10);
  EXPECT_EQ(iso(october.date), "2026-10-06");
  EXPECT_EQ(october.reason, "개천절 대체공휴일(10월 5일)과 겹쳐 10월 6일로 옮김");
  const auto june = in_month("monthly/1/wed", 6);
  EXPECT_EQ(iso(june.date), "2026-06-04");
  EXPECT_EQ(june.reason, "제9회 전국동시지방선거일(6월 3일)과 겹쳐 6월 4일로 옮김");
}

TEST(MeetingCadence, AFridayHolidayMovesBackToThursday) {
  const auto hangul = in_month("monthly/2/fri", 10);
  EXPECT_EQ(iso(hangul.date), "2026-10-08");
  EXPECT_EQ(hangul.reason, "한글날(10월 9일)과 겹쳐 10월 8일로 옮김");
  const auto christmas = in_month("half_yearly/last/fri@6", 12);
  EXPECT_EQ(iso(christmas.date), "2026-12-24");
  EXPECT_EQ(christmas.reason, "기독탄신일(12월 25일)과 겹쳐 12월 24일로 옮김");
  EXPECT_EQ(dates_of("half_yearly/last/fri@6"), (std::vector<std::string>{"2026-06-26", "2026-12-24"}));
}

TEST(MeetingCadence, AWeekWithoutAWeekdayStartsOnItsFirstWorkingDay) {
  // The first week is the week of the month's first Thursday: 1 January is a Thursday (신정), so that week
  // inside January is 1–2 January; April and July start on a Wednesday, October on a Thursday.
  const auto quarters = schedule_year(code("quarterly/1/any@1"), 2026, shipped());
  ASSERT_EQ(quarters.size(), 4u);
  EXPECT_EQ(iso(quarters[0].date), "2026-01-02");
  EXPECT_EQ(quarters[0].reason, "신정(1월 1일)과 겹쳐 1월 2일로 옮김");
  EXPECT_EQ(iso(quarters[1].date), "2026-04-01");
  EXPECT_EQ(iso(quarters[2].date), "2026-07-01");
  EXPECT_EQ(iso(quarters[3].date), "2026-10-01");
  // May starts on a Friday whose Thursday is in April: the first week of May is 4–8 May.
  EXPECT_EQ(iso(in_month("monthly/1/any", 5).date), "2026-05-04");
  // August starts on a Saturday: its first week is 3–7 August.
  EXPECT_EQ(iso(in_month("monthly/1/any", 8).date), "2026-08-03");
  // The last week is that of the last Thursday: 31 December, so Monday 28 December.
  EXPECT_EQ(iso(in_month("monthly/last/any", 12).date), "2026-12-28");
  EXPECT_EQ(iso(in_month("monthly/4/any", 12).date), "2026-12-21");
}

TEST(MeetingCadence, EveryPeriodGivesItsNumberOfMeetingsInItsMonths) {
  EXPECT_EQ(dates_of("quarterly/2/tue@2"),
            (std::vector<std::string>{"2026-02-10", "2026-05-12", "2026-08-11", "2026-11-10"}));
  EXPECT_EQ(dates_of("quarterly/1/tue@2"),
            (std::vector<std::string>{"2026-02-03", "2026-05-06", "2026-08-04", "2026-11-03"}));
  EXPECT_EQ(in_month("quarterly/1/tue@2", 5).reason, "어린이날(5월 5일)과 겹쳐 5월 6일로 옮김");
  EXPECT_EQ(dates_of("quarterly/3/wed@3"),
            (std::vector<std::string>{"2026-03-18", "2026-06-17", "2026-09-16", "2026-12-16"}));
  EXPECT_EQ(dates_of("half_yearly/1/any@1"), (std::vector<std::string>{"2026-01-02", "2026-07-01"}));
  EXPECT_EQ(dates_of("yearly/2/wed@3"), (std::vector<std::string>{"2026-03-11"}));
  EXPECT_EQ(dates_of("yearly/3/fri@9"), (std::vector<std::string>{"2026-09-18"}));
  EXPECT_TRUE(dates_of("irregular").empty());
}

TEST(MeetingCadence, AWeekEntirelyOfHolidaysGoesToTheNearestWorkingDayOfTheMonth) {
  // 4–8 May 2026 all off (어린이날 and four days an administrator added): the Wednesday meeting goes to the
  // nearest working day, Friday 1 May and Monday 11 May being as near, so the later one.
  const auto calendar = shipped_and({{2026, 5, 4}, {2026, 5, 6}, {2026, 5, 7}, {2026, 5, 8}});
  const auto d = in_month("monthly/1/wed", 5, calendar);
  EXPECT_EQ(iso(d.date), "2026-05-11");
  EXPECT_EQ(d.reason, "임시공휴일(5월 6일)과 겹쳐 5월 11일로 옮김");
  // The last week of September off (28–30, then October): the meeting stays in September, going back past
  // 추석 to Wednesday the 23rd.
  const auto september = shipped_and({{2026, 9, 28}, {2026, 9, 29}, {2026, 9, 30}});
  const auto late = in_month("monthly/last/tue", 9, september);
  EXPECT_EQ(iso(late.original), "2026-09-29");
  EXPECT_EQ(iso(late.date), "2026-09-23");
}

TEST(MeetingCadence, AMonthWithoutAWorkingDayKeepsTheNamedDayAndSaysSo) {
  std::vector<CivilDate> february;
  for (int day = 1; day <= 28; ++day) february.push_back({2026, 2, day});
  const auto d = in_month("monthly/2/thu", 2, shipped_and(february));
  EXPECT_EQ(iso(d.date), "2026-02-12");
  EXPECT_EQ(d.reason, "임시공휴일(2월 12일)과 겹치지만 이 달에 근무일이 없어 그대로 둠");
}

TEST(MeetingCadence, EveryCadenceInEveryShippedYearStaysInItsMonthOnAWorkingDay) {
  const auto calendar = shipped();
  for (const auto& cadence : every_cadence()) {
    for (int year = 2024; year <= 2030; ++year) {
      const auto dates = schedule_year(cadence, year, calendar);
      const int months = months_in_period(cadence.period);
      ASSERT_EQ(dates.size(), months == 0 ? 0u : static_cast<std::size_t>(12 / months))
          << cadence_code(cadence);
      for (std::size_t i = 0; i < dates.size(); ++i) {
        const auto& d = dates[i];
        SCOPED_TRACE(cadence_code(cadence) + " " + iso(d.original));
        const int month = static_cast<int>(i) * months + cadence.month_of_period;
        EXPECT_EQ(d.date.year, year);
        EXPECT_EQ(d.date.month, month);  // never outside its month, so never on another meeting's date
        EXPECT_EQ(d.original.month, month);
        EXPECT_TRUE(calendar.is_working_day(d.date));
        EXPECT_EQ(d.reason.empty(), iso(d.date) == iso(d.original));
        const int wday = weekday(d.original);
        EXPECT_TRUE(wday >= 1 && wday <= 5);
        if (cadence.day != MeetingDay::any) {
          EXPECT_EQ(wday, static_cast<int>(cadence.day));
        }
        // Which week: the weekday's n-th occurrence, or the week of the n-th Thursday, from its first weekday
        // inside the month.
        const int thursday = cadence.day == MeetingDay::any ? d.original.day + (4 - wday) : d.original.day;
        if (cadence.day == MeetingDay::any) {
          EXPECT_EQ(d.original.day, std::max(1, thursday - 3));
        }
        const CivilDate next_month = month == 12 ? CivilDate{year + 1, 1, 1} : CivilDate{year, month + 1, 1};
        const auto days_in_month = days_from_civil(next_month) - days_from_civil({year, month, 1});
        if (cadence.week == WeekOfMonth::last) {
          EXPECT_GT(thursday + 7, days_in_month);
        } else {
          EXPECT_EQ((thursday - 1) / 7, static_cast<int>(cadence.week));
        }
        // A move stays in the Monday–Friday week when that week has a working day in the month.
        const auto monday = days_from_civil(d.original) - (wday - 1);
        bool week_works = false;
        for (auto day = monday; day < monday + 5; ++day)
          week_works = week_works ||
                       (civil_from_days(day).month == month && calendar.is_working_day(civil_from_days(day)));
        if (week_works) {
          EXPECT_GE(days_from_civil(d.date), monday);
          EXPECT_LT(days_from_civil(d.date), monday + 5);
        }
        if (i > 0) {
          EXPECT_GT(days_from_civil(d.date), days_from_civil(dates[i - 1].date));
        }
      }
    }
  }
}

TEST(MeetingCadence, EveryCadenceReadsBackFromItsCodeAndHasItsOwnLabel) {
  std::set<std::string> codes;
  std::set<std::string> labels;
  const auto all = every_cadence();
  EXPECT_EQ(all.size(), 1u + 5 * 6 * (1 + 3 + 6 + 12));
  for (const auto& cadence : all) {
    const std::string text = cadence_code(cadence);
    const auto back = parse_cadence(text);
    ASSERT_TRUE(back.ok()) << text << ": " << back.error().message;
    EXPECT_EQ(back.value(), cadence) << text;
    EXPECT_EQ(cadence_code(back.value()), text);
    EXPECT_TRUE(check_cadence(cadence).ok()) << text;
    codes.insert(text);
    labels.insert(cadence_label(cadence));
  }
  EXPECT_EQ(codes.size(), all.size());
  EXPECT_EQ(labels.size(), all.size());
}

TEST(MeetingCadence, LabelsInKorean) {
  EXPECT_EQ(cadence_label(code("monthly/2/thu")), "매월 둘째 목요일");
  EXPECT_EQ(cadence_label(code("monthly/last/fri")), "매월 마지막 금요일");
  EXPECT_EQ(cadence_label(code("monthly/1/any")), "매월 첫째 주");
  EXPECT_EQ(cadence_label(code("quarterly/1/any@1")), "매 분기 첫째 주");
  EXPECT_EQ(cadence_label(code("quarterly/3/wed@2")), "매 분기 둘째 달 셋째 수요일");
  EXPECT_EQ(cadence_label(code("half_yearly/last/fri@6")), "매 반기 여섯째 달 마지막 금요일");
  EXPECT_EQ(cadence_label(code("yearly/1/any@3")), "매년 3월 첫째 주");
  EXPECT_EQ(cadence_label(code("yearly/4/mon@11")), "매년 11월 넷째 월요일");
  EXPECT_EQ(cadence_label(code("irregular")), "수시");
}

TEST(MeetingCadence, CodesHaveOneSpellingAndNonsenseIsRefusedInKorean) {
  EXPECT_EQ(cadence_code(Cadence{}), "monthly/1/any");
  EXPECT_EQ(cadence_code({Period::quarterly, WeekOfMonth::first, MeetingDay::any, 1}), "quarterly/1/any@1");
  EXPECT_EQ(cadence_code({Period::yearly, WeekOfMonth::last, MeetingDay::friday, 12}), "yearly/last/fri@12");
  EXPECT_EQ(*parse_cadence("irregular"), Cadence{.period = Period::irregular});

  for (std::string_view bad : {"",
                               "irregular/1/any",
                               "Monthly/2/thu",
                               " monthly/2/thu",
                               "monthly/2/thu ",
                               "weekly/1/mon",
                               "monthly",
                               "monthly/2",
                               "monthly//thu",
                               "monthly/2/",
                               "monthly/0/thu",
                               "monthly/5/thu",
                               "monthly/first/thu",
                               "monthly/2/sat",
                               "monthly/2/sun",
                               "monthly/2/thu/x",
                               "monthly/2/thu@1",
                               "quarterly/1/any",
                               "quarterly/1/any@",
                               "quarterly/1/any@0",
                               "quarterly/1/any@4",
                               "quarterly/1/any@01",
                               "quarterly/1/any@+1",
                               "quarterly/1/any@1x",
                               "quarterly/1/any@1@1",
                               "half_yearly/2/mon@7",
                               "yearly/2/mon@13",
                               "yearly/2/mon@-1",
                               "yearly/2/mon@123"}) {
    const auto refused = parse_cadence(bad);
    ASSERT_FALSE(refused.ok()) << "accepted ‘" << bad << "’";
    EXPECT_EQ(refused.error().code, ErrorCode::invalid_input);
    ASSERT_EQ(refused.error().fields.size(), 1u);
    EXPECT_EQ(refused.error().fields[0].field, "cadence");
    EXPECT_NE(refused.error().message.find("회의 주기 코드"), std::string::npos) << refused.error().message;
  }
  EXPECT_EQ(parse_cadence("monthly/5/thu").error().message,
            "회의 주기 코드 ‘monthly/5/thu’의 주는 1, 2, 3, 4, last 가운데 하나여야 합니다.");
  EXPECT_EQ(parse_cadence("quarterly/1/any@4").error().message,
            "회의 주기 코드 ‘quarterly/1/any@4’: 매 분기 회의는 끝에 @1부터 @3까지로 달을 붙여야 합니다.");
}

TEST(MeetingCadence, CheckRefusesAMonthOutsideThePeriod) {
  const auto quarter = check_cadence({Period::quarterly, WeekOfMonth::first, MeetingDay::any, 4});
  ASSERT_FALSE(quarter.ok());
  EXPECT_EQ(quarter.error().fields.at(0).field, "month_of_period");
  EXPECT_EQ(quarter.error().message, "매 분기 회의의 달은 1부터 3까지 고를 수 있습니다.");
  EXPECT_FALSE(check_cadence({Period::monthly, WeekOfMonth::first, MeetingDay::any, 2}).ok());
  EXPECT_FALSE(check_cadence({Period::yearly, WeekOfMonth::first, MeetingDay::any, 0}).ok());
  EXPECT_TRUE(check_cadence({Period::yearly, WeekOfMonth::first, MeetingDay::any, 12}).ok());
  // An irregular cadence has nothing else to check, and keeps nothing else.
  const auto irregular = check_cadence({Period::irregular, WeekOfMonth::last, MeetingDay::friday, 9});
  ASSERT_TRUE(irregular.ok());
  EXPECT_EQ(irregular.value(), Cadence{.period = Period::irregular});
  EXPECT_TRUE(
      schedule_year({Period::quarterly, WeekOfMonth::first, MeetingDay::any, 4}, 2026, shipped()).empty());
}

TEST(MeetingCadence, TheFormsFourSelectsGiveTheCadenceOrNameTheWrongOne) {
  // A monthly cadence ignores the month select, which the page always sends.
  auto monthly = cadence_from_fields("monthly", "2", "thu", "7");
  ASSERT_TRUE(monthly.ok());
  EXPECT_EQ(cadence_code(monthly.value()), "monthly/2/thu");
  auto quarterly = cadence_from_fields("quarterly", "1", "any", "2");
  ASSERT_TRUE(quarterly.ok());
  EXPECT_EQ(cadence_label(quarterly.value()), "매 분기 둘째 달 첫째 주");
  auto irregular = cadence_from_fields("irregular", "", "", "");
  ASSERT_TRUE(irregular.ok());
  EXPECT_EQ(cadence_code(irregular.value()), "irregular");
  // Each wrong select is named, all at once; a month beyond the period is the rule's own refusal.
  auto wrong = cadence_from_fields("weekly", "9", "sun", "1");
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().fields.size(), 3u) << "period, week and day";
  auto wrong_parts = cadence_from_fields("monthly", "9", "sun", "1");
  ASSERT_FALSE(wrong_parts.ok());
  ASSERT_EQ(wrong_parts.error().fields.size(), 2u);
  EXPECT_EQ(wrong_parts.error().fields[0].field, "week");
  EXPECT_EQ(wrong_parts.error().fields[1].field, "day");
  auto beyond = cadence_from_fields("quarterly", "1", "any", "4");
  ASSERT_FALSE(beyond.ok());
  EXPECT_EQ(beyond.error().fields.at(0).field, "month_of_period");
  EXPECT_FALSE(cadence_from_fields("yearly", "1", "mon", "x1").ok());
  EXPECT_FALSE(cadence_from_fields("yearly", "1", "mon", "").ok());
}

}  // namespace sotong::meetings
