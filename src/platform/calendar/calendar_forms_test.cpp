// The holiday form and the calculator's inputs: real dates only, Korean messages on the right fields.
#include "platform/calendar/calendar_forms.hpp"

#include <gtest/gtest.h>

namespace sotong::platform::calendar {
namespace {
std::vector<std::string> fields(const Error& e) {
  std::vector<std::string> out;
  for (const auto& f : e.fields) out.push_back(f.field);
  return out;
}
}  // namespace

TEST(CalendarForms, AValidHolidayIsTrimmedAndComposed) {
  // "임시" typed as conjoining jamo (as macOS sends it) is stored composed.
  auto ok = validate_holiday({" 2026-10-02 ", "  \u110b\u1175\u11b7\u1109\u1175공휴일  ", "temporary"});
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(format_date(ok->date), "2026-10-02");
  EXPECT_EQ(ok->name, "임시공휴일");
  EXPECT_EQ(ok->kind, HolidayKind::temporary);
}

TEST(CalendarForms, BadHolidayInputNamesEachField) {
  auto bad = validate_holiday({"2026-02-30", "", "holiday"});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::invalid_input);
  EXPECT_EQ(fields(bad.error()), (std::vector<std::string>{"date", "name", "kind"}));
  EXPECT_NE(bad.error().fields[0].message.find("날짜를"), std::string::npos);
  EXPECT_EQ(bad.error().fields[1].message, "공휴일 이름을 입력해 주십시오.");
  EXPECT_EQ(bad.error().fields[2].message, "공휴일 종류를 선택해 주십시오.");
  EXPECT_FALSE(validate_holiday({"26-10-02", "임시", "temporary"}).ok());
  EXPECT_FALSE(validate_holiday({"1999-12-31", "임시", "temporary"}).ok());  // before 2000
  EXPECT_FALSE(validate_holiday({"2026-10-02", "   ", "temporary"}).ok());
  EXPECT_FALSE(validate_holiday({"2026-10-02", "\xff", "temporary"}).ok());  // not UTF-8
}

TEST(CalendarForms, NamesAreLimitedToFiftyCharacters) {
  std::string fifty;
  for (int i = 0; i < 50; ++i) fifty += "가";  // 150 bytes, 50 characters
  EXPECT_TRUE(validate_holiday({"2026-10-02", fifty, "temporary"}).ok());
  auto long_name = validate_holiday({"2026-10-02", fifty + "가", "temporary"});
  ASSERT_FALSE(long_name.ok());
  EXPECT_EQ(long_name.error().fields[0].message, "공휴일 이름은 50자 이내로 입력해 주십시오.");
}

TEST(CalendarForms, YearsFrom2000To2100) {
  EXPECT_EQ(*read_year("2026"), 2026);
  EXPECT_EQ(*read_year(" 2000 "), 2000);
  for (const char* bad : {"1999", "2101", "20x6", "", "-2026", "2026.5"}) {
    auto r = read_year(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().fields[0].field, "year");
  }
}

TEST(CalendarForms, AddQueryNeedsARealDateAndACountUpTo3650) {
  auto ok = read_add_query("2026-09-23", "5");
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(format_date(ok->start), "2026-09-23");
  EXPECT_EQ(ok->days, 5);
  EXPECT_EQ(read_add_query("2026-09-23", "0")->days, 0);
  EXPECT_EQ(read_add_query("2026-09-23", "3650")->days, 3650);
  EXPECT_EQ(fields(read_add_query("2026-09-23", "3651").error()), (std::vector<std::string>{"days"}));
  EXPECT_EQ(fields(read_add_query("2026-09-23", "-1").error()), (std::vector<std::string>{"days"}));
  EXPECT_EQ(fields(read_add_query("2026-09-23", "열").error()), (std::vector<std::string>{"days"}));
  EXPECT_EQ(fields(read_add_query("2026-13-01", "").error()), (std::vector<std::string>{"start", "days"}));
  EXPECT_EQ(read_add_query("", "3").error().fields[0].message.rfind("시작일을", 0), 0u);
}

TEST(CalendarForms, BetweenQueryNeedsTwoRealDates) {
  auto ok = read_between_query("2026-09-23", "2026-10-09");
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(format_date(ok->to), "2026-10-09");
  EXPECT_EQ(fields(read_between_query("2026-09-31", "2026-10-09").error()),
            (std::vector<std::string>{"from"}));
  EXPECT_EQ(fields(read_between_query("2026-09-23", "tomorrow").error()), (std::vector<std::string>{"to"}));
  EXPECT_EQ(fields(read_between_query("", "").error()), (std::vector<std::string>{"from", "to"}));
}

TEST(CalendarForms, DatesAreWrittenWithFourDigitYearsAndTwoDigitMonthsAndDays) {
  EXPECT_EQ(format_date({2026, 1, 2}), "2026-01-02");
  EXPECT_EQ(format_date({5, 12, 31}), "0005-12-31");
  EXPECT_EQ(format_date({9999, 12, 31}), "9999-12-31");
  EXPECT_EQ(format_date({10000, 1, 1}), "10000-01-01");
}

}  // namespace sotong::platform::calendar
