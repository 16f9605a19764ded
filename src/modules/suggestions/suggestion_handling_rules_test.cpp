#include "modules/suggestions/suggestion_handling_rules.hpp"
#include "platform/testing/field_errors.hpp"

#include <gtest/gtest.h>

namespace sotong::suggestions {
namespace {

const std::vector<std::int64_t> kBureaus = {5, 8, 9};
constexpr CivilDate kToday{2026, 9, 21};

DecisionInput adoption(std::string lead = "5", std::string days = "10") {
  DecisionInput in;
  in.action = "adopt";
  in.lead_bureau = std::move(lead);
  in.working_days = std::move(days);
  return in;
}

}  // namespace

TEST(SuggestionHandlingRules, AnAdoptionNamesALeadBureauAndAClockInWorkingDays) {
  auto in = adoption();
  in.cooperating = {"8", "5", "8", "9"};
  in.review_level = "vice_mayors";
  in.next_review = "2026-10-15";
  auto ok = validate_adoption(in, kBureaus, kToday);
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_EQ(ok->lead_bureau, 5);
  EXPECT_EQ(ok->cooperating, (std::vector<std::int64_t>{8, 9}));  // the lead and duplicates dropped
  EXPECT_EQ(ok->working_days, 10);
  EXPECT_EQ(ok->review_level, ReviewLevel::vice_mayors);
  ASSERT_TRUE(ok->next_review);
  EXPECT_EQ(ok->next_review->day, 15);
}

TEST(SuggestionHandlingRules, AnAdoptionRefusesEveryBadFieldInKorean) {
  EXPECT_EQ(field_error(validate_adoption(adoption(""), kBureaus, kToday), "lead_bureau"),
            "주관 실국을 골라 주십시오.");
  EXPECT_FALSE(field_error(validate_adoption(adoption("20"), kBureaus, kToday), "lead_bureau").empty());
  for (const char* days : {"0", "121", "-3", "1e2", "+5", "ten", ""})
    EXPECT_EQ(field_error(validate_adoption(adoption("5", days), kBureaus, kToday), "working_days"),
              "처리 기한은 1에서 120 사이의 근무일 수로 적어 주십시오.")
        << days;
  EXPECT_TRUE(validate_adoption(adoption("5", " 120 "), kBureaus, kToday));
  auto in = adoption();
  in.cooperating = {"20"};
  EXPECT_FALSE(field_error(validate_adoption(in, kBureaus, kToday), "cooperating").empty());
  in = adoption();
  in.review_level = "weekly";
  EXPECT_FALSE(field_error(validate_adoption(in, kBureaus, kToday), "review_level").empty());
  in = adoption();
  in.next_review = "2026-09-18";
  EXPECT_EQ(field_error(validate_adoption(in, kBureaus, kToday), "next_review"),
            "다음 점검일은 오늘이나 그 뒤의 날짜로 적어 주십시오.");
  in.next_review = "2026-10-01";
  EXPECT_EQ(field_error(validate_adoption(in, kBureaus, kToday), "review_level"),
            "다음 점검일을 적었다면 점검 회의도 골라 주십시오.");
}

TEST(SuggestionHandlingRules, AProgressReportHasAPercentageAndWhatWasDone) {
  DecisionInput in;
  in.percent = "40";
  in.reason = " 예산 편성 협의 완료 ";
  auto ok = validate_progress(in);
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->percent, 40);
  EXPECT_EQ(ok->text, "예산 편성 협의 완료");
  for (const char* bad : {"101", "-1", "4.5", ""}) {
    in.percent = bad;
    EXPECT_EQ(field_error(validate_progress(in), "percent"),
              "추진율은 0에서 100 사이의 정수로 적어 주십시오.")
        << bad;
  }
  in.percent = "0";
  in.reason = " ";
  EXPECT_EQ(field_error(validate_progress(in), "reason"), "추진 내용을 입력해 주십시오.");
}

TEST(SuggestionHandlingRules, ARatingIsOneToFiveWithAnOptionalComment) {
  DecisionInput in;
  for (const char* score : {"1", "5"}) {
    in.rating = score;
    EXPECT_TRUE(validate_rating(in)) << score;
  }
  for (const char* score : {"0", "6", "", "3점"}) {
    in.rating = score;
    EXPECT_FALSE(field_error(validate_rating(in), "rating").empty()) << score;
  }
  in.rating = "4";
  in.reason = std::string(2001, 'a');
  EXPECT_EQ(field_error(validate_rating(in), "reason"), "의견은 2000자 이하로 입력해 주십시오.");
}

TEST(SuggestionHandlingRules, ANewLeadIsAnotherOfferedOrganisationWithAReason) {
  DecisionInput in;
  in.organization = "8";
  in.reason = "소관 변경";
  EXPECT_EQ(*validate_new_lead(in, kBureaus, 5, "이송"), 8);
  in.organization = "5";
  EXPECT_EQ(field_error(validate_new_lead(in, kBureaus, 5, "이송"), "organization"),
            "지금 맡은 기관과 다른 기관을 골라 주십시오.");
  in.organization = "20";
  EXPECT_FALSE(field_error(validate_new_lead(in, kBureaus, 5, "이송"), "organization").empty());
  in.organization = "8";
  in.reason = "";
  EXPECT_EQ(field_error(validate_new_lead(in, kBureaus, 5, "이송"), "reason"),
            "이송 사유를 입력해 주십시오.");
}

TEST(SuggestionHandlingRules, AReasonIsTrimmedAndLimited) {
  EXPECT_EQ(*validate_reason("  예산 부족  ", "사유", true), "예산 부족");
  EXPECT_EQ(field_error(validate_reason("   ", "사유", true), "reason"), "사유를 입력해 주십시오.");
  EXPECT_EQ(*validate_reason("", "사유", false), "");
  EXPECT_FALSE(validate_reason("\xff", "사유", false));
}

TEST(SuggestionHandlingRules, MentionsAreLoginIdsAfterAnAtSignEachOnce) {
  EXPECT_EQ(mentioned_logins("@planning 확인 부탁드립니다. @jj.policy, @planning."),
            (std::vector<std::string>{"planning", "jj.policy"}));
  EXPECT_EQ(mentioned_logins("담당자@jeonbuk.go.kr 로 메일"), (std::vector<std::string>{}));  // an address
  EXPECT_EQ(mentioned_logins("@ 혼자 @"), (std::vector<std::string>{}));
  EXPECT_EQ(mentioned_logins("(@gunsan)"), (std::vector<std::string>{"gunsan"}));
  EXPECT_EQ(mentioned_logins("@gs.budget-"), (std::vector<std::string>{"gs.budget"}));
}

}  // namespace sotong::suggestions
