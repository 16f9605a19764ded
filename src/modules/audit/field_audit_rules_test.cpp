#include "modules/audit/field_audit_rules.hpp"
#include "platform/testing/field_errors.hpp"

#include <gtest/gtest.h>

#include <string>

namespace sotong::audit {
namespace {

AuditPlanInput plan() {
  return {"12",         "  2026 전주시 종합감사  ",
          "general",    "주요 사업 점검",
          "예산, 계약", "mixed",
          "",           "2026-03-02",
          "2026-03-06", "감사팀 4명",
          "",           false};
}

}  // namespace

TEST(FieldAuditRules, AcceptsAPlanAndTrimsIt) {
  auto result = validate_plan(plan());
  ASSERT_TRUE(result) << result.error().message;
  EXPECT_EQ(result->organization_id, 12);
  EXPECT_EQ(result->plan.title, "2026 전주시 종합감사");
  EXPECT_EQ(result->plan.kind, AuditKind::general);
  EXPECT_EQ(result->plan.method, AuditMethod::mixed);
  EXPECT_EQ(format_date(result->plan.end), "2026-03-06");
}

TEST(FieldAuditRules, RefusesEachBadFieldInKorean) {
  auto input = plan();
  input.organization_id = "전주";
  input.title = "   ";
  input.kind = "audit";
  input.purpose = "";
  input.method = "online";
  input.start_date = "2026-02-30";
  auto result = validate_plan(input);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, ErrorCode::invalid_input);
  EXPECT_EQ(field_error(result, "organization_id"), "감사받을 기관을 골라 주십시오.");
  EXPECT_EQ(field_error(result, "title"), "감사명을 입력해 주십시오.");
  EXPECT_EQ(field_error(result, "kind"), "감사 종류를 골라 주십시오.");
  EXPECT_EQ(field_error(result, "purpose"), "감사 목적을 입력해 주십시오.");
  EXPECT_EQ(field_error(result, "method"), "감사 방법을 골라 주십시오.");
  EXPECT_EQ(field_error(result, "start_date"), "시작일을 2026-03-02처럼 입력해 주십시오.");
}

TEST(FieldAuditRules, TheEndComesOnOrAfterTheStartAndNotMonthsLater) {
  auto input = plan();
  input.end_date = "2026-03-01";
  EXPECT_EQ(field_error(validate_plan(input), "end_date"), "종료일은 시작일과 같거나 그 뒤여야 합니다.");
  input.end_date = "2026-03-02";
  EXPECT_TRUE(validate_plan(input)) << "a one-day audit";
  input.end_date = "2026-12-31";
  EXPECT_NE(field_error(validate_plan(input), "end_date"), "");
}

TEST(FieldAuditRules, CountsTheTitleInCharacters) {
  auto input = plan();
  input.title.clear();
  for (std::size_t i = 0; i < kTitleMaxChars; ++i) input.title += "감";
  EXPECT_TRUE(validate_plan(input));
  input.title += "감";
  EXPECT_EQ(field_error(validate_plan(input), "title"), "감사명은 200자 이하로 입력해 주십시오.");
}

TEST(FieldAuditRules, TheConsultationRunsFromPlanToAgreementToTheEnd) {
  EXPECT_EQ(apply_step(AuditState::consulting, AuditStep::opinion), AuditState::consulting);
  EXPECT_EQ(apply_step(AuditState::consulting, AuditStep::agree), AuditState::agreed);
  EXPECT_EQ(apply_step(AuditState::agreed, AuditStep::finish), AuditState::done);
  EXPECT_EQ(apply_step(AuditState::consulting, AuditStep::cancel), AuditState::cancelled);
  EXPECT_EQ(apply_step(AuditState::agreed, AuditStep::cancel), AuditState::cancelled);
}

TEST(FieldAuditRules, ARevisedAgreedPlanIsAgreedAgain) {
  EXPECT_EQ(apply_step(AuditState::agreed, AuditStep::revise), AuditState::consulting);
  EXPECT_EQ(apply_step(AuditState::consulting, AuditStep::revise), AuditState::consulting);
}

TEST(FieldAuditRules, NothingChangesAfterTheEndOrACancellation) {
  for (auto state : {AuditState::done, AuditState::cancelled})
    for (auto step :
         {AuditStep::revise, AuditStep::opinion, AuditStep::agree, AuditStep::finish, AuditStep::cancel})
      EXPECT_FALSE(apply_step(state, step));
  EXPECT_FALSE(apply_step(AuditState::consulting, AuditStep::finish)) << "an audit is agreed before it ends";
  EXPECT_FALSE(apply_step(AuditState::agreed, AuditStep::opinion));
}

TEST(FieldAuditRules, FindingsAreRecordedOnlyOnceTheAuditIsAgreed) {
  EXPECT_FALSE(apply_step(AuditState::consulting, AuditStep::record_finding));
  EXPECT_TRUE(apply_step(AuditState::agreed, AuditStep::record_finding));
  EXPECT_TRUE(apply_step(AuditState::done, AuditStep::record_finding));
  EXPECT_FALSE(apply_step(AuditState::cancelled, AuditStep::record_finding));
}

TEST(FieldAuditRules, AvailableStepsAreExactlyThoseApplyAllows) {
  const AuditStep all[] = {AuditStep::revise, AuditStep::opinion, AuditStep::agree,
                           AuditStep::finish, AuditStep::cancel,  AuditStep::record_finding};
  for (const auto& state : kAuditStates) {
    std::vector<AuditStep> expected;
    for (auto step : all)
      if (apply_step(state.value, step)) expected.push_back(step);
    EXPECT_EQ(available_steps(state.value), expected) << state.code;
  }
}

TEST(FieldAuditRules, AnOpinionNamesItsTopicAndSaysSomething) {
  auto ok = validate_opinion({"schedule", " 일정을 한 주 미뤄 주십시오. "});
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->topic, OpinionTopic::schedule);
  EXPECT_EQ(ok->body, "일정을 한 주 미뤄 주십시오.");
  auto bad = validate_opinion({"budget", ""});
  EXPECT_EQ(field_error(bad, "topic"), "의견을 낼 항목을 골라 주십시오.");
  EXPECT_EQ(field_error(bad, "body"), "의견을 입력해 주십시오.");
}

}  // namespace sotong::audit
