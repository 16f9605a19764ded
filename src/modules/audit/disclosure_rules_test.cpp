// The pure rules of self-disclosure: a filing's fields with their Korean errors, the decision, the receipt
// number and the province-wide figures.
#include "modules/audit/disclosure_rules.hpp"

#include <gtest/gtest.h>

#include "platform/testing/field_errors.hpp"

namespace sotong::audit {
namespace {

constexpr CivilDate kFiledOn{2026, 12, 2};

DisclosureInput good_filing() {
  return {"보조금 정산 누락",
          "정산 서류를 받지 않았습니다.",
          "2026-03-04",
          "2026-03-31",
          "subsidy",
          "1,200,000",
          "정산 서류를 받고 환수했습니다.",
          ""};
}

TEST(DisclosureRules, AGoodFilingIsCleanedAndTyped) {
  auto in = good_filing();
  in.title = "  보조금 정산 누락 ";
  const auto r = validate_disclosure(in, kFiledOn);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->title, "보조금 정산 누락");
  EXPECT_EQ(r->mistake_kind, CaseType::subsidy);
  EXPECT_EQ(r->amount, 1'200'000);
  EXPECT_EQ(date_text(r->period_from), "2026-03-04");
  ASSERT_TRUE(r->period_to.has_value());
  EXPECT_EQ(date_text(*r->period_to), "2026-03-31");
}

TEST(DisclosureRules, OptionalFieldsMayBeEmpty) {
  auto in = good_filing();
  in.amount = "";
  in.period_to = "";
  in.related_audit = "";
  const auto r = validate_disclosure(in, kFiledOn);
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->amount.has_value());
  EXPECT_FALSE(r->period_to.has_value());
}

TEST(DisclosureRules, RequiredFieldsGetKoreanErrorsBesideThem) {
  const auto r = validate_disclosure({}, kFiledOn);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(field_error(r, "title"), "제목을 입력해 주십시오.");
  EXPECT_EQ(field_error(r, "description"), "경위를 입력해 주십시오.");
  EXPECT_EQ(field_error(r, "corrected"), "자율 시정 내용을 입력해 주십시오.");
  EXPECT_EQ(field_error(r, "period_from"), "일이 있었던 날(시작일)을 입력해 주십시오.");
  EXPECT_EQ(field_error(r, "mistake_kind"), "잘못의 유형을 고르십시오.");
  EXPECT_EQ(field_error(r, "amount"), "");
}

TEST(DisclosureRules, LimitsAreCountedInCharacters) {
  auto in = good_filing();
  in.title = std::string();
  for (std::size_t i = 0; i < kDisclosureTitleMax; ++i) in.title += "가";
  EXPECT_TRUE(validate_disclosure(in, kFiledOn).ok());
  in.title += "가";
  EXPECT_EQ(field_error(validate_disclosure(in, kFiledOn), "title"), "제목은 100자 이하로 입력해 주십시오.");
}

TEST(DisclosureRules, DatesMustBeRealNotInTheFutureAndInOrder) {
  auto in = good_filing();
  in.period_from = "2026-02-30";
  EXPECT_EQ(field_error(validate_disclosure(in, kFiledOn), "period_from"),
            "시작일은 2026-03-04처럼 실제 날짜로 입력해 주십시오.");
  in.period_from = "2026-12-03";
  in.period_to = "";
  EXPECT_EQ(field_error(validate_disclosure(in, kFiledOn), "period_from"),
            "시작일은 오늘이나 그 전이어야 합니다.");
  in.period_from = "2026-12-02";  // today is fine
  EXPECT_TRUE(validate_disclosure(in, kFiledOn).ok());
  in.period_from = "2026-03-04";
  in.period_to = "2026-03-03";
  EXPECT_EQ(field_error(validate_disclosure(in, kFiledOn), "period_to"),
            "종료일은 시작일과 같거나 그 뒤여야 합니다.");
  in.period_to = "2026-03-04";  // one day
  EXPECT_TRUE(validate_disclosure(in, kFiledOn).ok());
}

TEST(DisclosureRules, TheAmountIsWholeWon) {
  auto in = good_filing();
  for (const char* bad : {"12.5", "-100", "백만", "1e6", ","}) {
    in.amount = bad;
    EXPECT_EQ(field_error(validate_disclosure(in, kFiledOn), "amount"),
              "관련 금액은 원 단위 숫자로만 입력해 주십시오 (예: 1,200,000).")
        << bad;
  }
  in.amount = "99999999999999999999999";
  EXPECT_EQ(field_error(validate_disclosure(in, kFiledOn), "amount"),
            "관련 금액이 너무 큽니다. 원 단위로 다시 확인해 주십시오.");
  in.amount = "0";
  EXPECT_EQ(validate_disclosure(in, kFiledOn)->amount, 0);
}

TEST(DisclosureRules, AnUnknownKindIsRefused) {
  auto in = good_filing();
  in.mistake_kind = "bribery";
  EXPECT_EQ(field_error(validate_disclosure(in, kFiledOn), "mistake_kind"), "잘못의 유형을 고르십시오.");
}

TEST(DisclosureRules, ADecisionNeedsOneOfThreeAndItsReasons) {
  EXPECT_TRUE(validate_decision({"reduced", "스스로 바로잡았습니다."}).ok());
  EXPECT_EQ(validate_decision({"exempted", "사유"})->decision, DisclosureDecision::exempted);
  EXPECT_EQ(validate_decision({"not_applicable", "사유"})->decision, DisclosureDecision::not_applicable);
  const auto r = validate_decision({"pardon", "  "});
  ASSERT_FALSE(r.ok());
  ASSERT_EQ(r.error().fields.size(), 2u);
  EXPECT_EQ(r.error().fields[0].field, "decision");
  EXPECT_EQ(r.error().fields[0].message, "감경, 면제, 해당없음 가운데 하나를 고르십시오.");
  EXPECT_EQ(r.error().fields[1].field, "reasons");
  EXPECT_EQ(r.error().fields[1].message, "결정 사유를 입력해 주십시오.");
}

TEST(DisclosureRules, OnlyAPendingFilingMayBeDecided) {
  EXPECT_TRUE(may_decide(DisclosureState::pending).ok());
  const auto r = may_decide(DisclosureState::decided);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::conflict);
}

TEST(DisclosureRules, TheReceiptNumberIsTheKoreanYearAndTheNumber) {
  // 2026-12-31 15:30 UTC is already 1 January 2027 in Korea.
  const Timestamp new_year_in_seoul = days_from_civil({2026, 12, 31}) * 86400 + 15 * 3600 + 30 * 60;
  EXPECT_EQ(receipt_number(7, new_year_in_seoul), "2027-0007");
  EXPECT_EQ(receipt_number(12345, days_from_civil({2026, 5, 1}) * 86400), "2026-12345");
}

TEST(DisclosureRules, WonIsWrittenWithThousandsSeparators) {
  EXPECT_EQ(won_text(0), "0");
  EXPECT_EQ(won_text(999), "999");
  EXPECT_EQ(won_text(1000), "1,000");
  EXPECT_EQ(won_text(1234567), "1,234,567");
}

TEST(DisclosureRules, FiguresCountEachYearByDecisionNewestFirst) {
  const auto years = year_counts({{2025, "reduced", 2},
                                  {2026, "", 3},
                                  {2026, "exempted", 1},
                                  {2026, "not_applicable", 4},
                                  {2025, "exempted", 1}});
  ASSERT_EQ(years.size(), 2u);
  EXPECT_EQ(years[0].year, 2026);
  EXPECT_EQ(years[0].pending, 3);
  EXPECT_EQ(years[0].exempted, 1);
  EXPECT_EQ(years[0].not_applicable, 4);
  EXPECT_EQ(years[0].total(), 8);
  EXPECT_EQ(years[1].year, 2025);
  EXPECT_EQ(years[1].reduced, 2);
  EXPECT_EQ(years[1].total(), 3);
}

}  // namespace
}  // namespace sotong::audit
