#include "modules/audit/finding_rules.hpp"
#include "platform/testing/field_errors.hpp"

#include <gtest/gtest.h>

namespace sotong::audit {
namespace {

FindingInput finding() {
  return {"사망자 지방세 환급",
          "revenue",
          "사망한 사람에게 환급했습니다.",
          "1,600,000,000원",
          "사망 여부를 확인하십시오.",
          "correction",
          "2026-12-31",
          "전산감사 결과 #12, 환급번호 R-001"};
}

}  // namespace

TEST(FindingRules, AcceptsAFindingWithItsAmountInWon) {
  auto result = validate_finding(finding());
  ASSERT_TRUE(result) << result.error().message;
  EXPECT_EQ(result->amount, 1'600'000'000);
  EXPECT_EQ(result->case_type, CaseType::revenue);
  EXPECT_EQ(result->action, RequiredAction::correction);
  EXPECT_EQ(result->source, "전산감사 결과 #12, 환급번호 R-001");
}

TEST(FindingRules, AZeroAmountIsAllowedButNotANegativeOrAFraction) {
  auto input = finding();
  input.amount = "0";
  EXPECT_TRUE(validate_finding(input));
  for (const char* bad : {"-5", "12.5", "", "천만원"}) {
    input.amount = bad;
    EXPECT_EQ(field_error(validate_finding(input), "amount"),
              "재정상 조치 금액을 0 이상의 원 단위 숫자로 입력해 주십시오 (없으면 0).")
        << bad;
  }
  input.amount = "99999999999999999999";
  EXPECT_NE(field_error(validate_finding(input), "amount"), "");
}

TEST(FindingRules, RefusesEachBadFieldInKorean) {
  auto result = validate_finding({"", "bribery", "", "0", "", "punish", "내일", ""});
  ASSERT_FALSE(result);
  EXPECT_EQ(field_error(result, "title"), "지적 제목을 입력해 주십시오.");
  EXPECT_EQ(field_error(result, "case_type"), "비리유형을 골라 주십시오.");
  EXPECT_EQ(field_error(result, "description"), "지적 내용을 입력해 주십시오.");
  EXPECT_EQ(field_error(result, "action"), "조치 요구를 골라 주십시오.");
  EXPECT_EQ(field_error(result, "due_date"), "조치 기한을 2026-03-31처럼 입력해 주십시오.");
}

TEST(FindingRules, TheFollowUpRunsFromReportToConfirmationOrBack) {
  EXPECT_EQ(apply_follow_up(FindingState::open, FollowUpStep::report), FindingState::reported);
  EXPECT_EQ(apply_follow_up(FindingState::reported, FollowUpStep::give_back), FindingState::returned);
  EXPECT_EQ(apply_follow_up(FindingState::returned, FollowUpStep::report), FindingState::reported);
  EXPECT_EQ(apply_follow_up(FindingState::reported, FollowUpStep::confirm), FindingState::done);
  EXPECT_FALSE(apply_follow_up(FindingState::open, FollowUpStep::confirm)) << "nothing reported yet";
  EXPECT_FALSE(apply_follow_up(FindingState::reported, FollowUpStep::report));
  for (auto step : {FollowUpStep::report, FollowUpStep::confirm, FollowUpStep::give_back})
    EXPECT_FALSE(apply_follow_up(FindingState::done, step));
}

TEST(FindingRules, AvailableFollowUpsAreExactlyThoseApplyAllows) {
  for (const auto& state : kFindingStates) {
    std::vector<FollowUpStep> expected;
    for (auto step : {FollowUpStep::report, FollowUpStep::confirm, FollowUpStep::give_back})
      if (apply_follow_up(state.value, step)) expected.push_back(step);
    EXPECT_EQ(available_follow_ups(state.value), expected) << state.code;
  }
}

TEST(FindingRules, OverdueIsNotDoneAfterTheDueDay) {
  const CivilDate due{2026, 11, 30};
  EXPECT_FALSE(is_overdue(FindingState::open, due, {2026, 11, 30})) << "the due day itself is in time";
  EXPECT_TRUE(is_overdue(FindingState::open, due, {2026, 12, 1}));
  EXPECT_TRUE(is_overdue(FindingState::reported, due, {2026, 12, 1}));
  EXPECT_FALSE(is_overdue(FindingState::done, due, {2027, 1, 1}));
}

TEST(FindingRules, AmountsReadInWonWithCommas) {
  EXPECT_EQ(format_won(0), "0원");
  EXPECT_EQ(format_won(999), "999원");
  EXPECT_EQ(format_won(1000), "1,000원");
  EXPECT_EQ(format_won(1'600'000'000), "1,600,000,000원");
}

TEST(FindingRules, AFollowUpSaysSomething) {
  EXPECT_FALSE(validate_follow_up_text("  ", "body", "조치 내용"));
  EXPECT_EQ(validate_follow_up_text("  ", "body", "조치 내용").error().fields.front().message,
            "조치 내용을 입력해 주십시오.");
  EXPECT_EQ(*validate_follow_up_text(" 환수했습니다 ", "body", "조치 내용"), "환수했습니다");
}

}  // namespace sotong::audit
