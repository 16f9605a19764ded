#include "modules/audit/consultation_rules.hpp"
#include "modules/audit/deadline_reminders.hpp"
#include "platform/jobs/daily_jobs.hpp"
#include "platform/testing/field_errors.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace sotong::audit {
namespace {

std::string repeat(const std::string& text, std::size_t times) {
  std::string out;
  for (std::size_t i = 0; i < times; ++i) out += text;
  return out;
}

using S = ConsultationState;

TEST(ConsultationRules, ARequestNeedsAKindATitleAndAQuestion) {
  auto ok =
      validate_consultation({"interpretation", "  공유재산 사용허가  ", "무상으로 빌려줄 수 있습니까?", ""});
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->title, "공유재산 사용허가");
  EXPECT_EQ(ok->kind, ConsultationKind::interpretation);
  auto bad = validate_consultation({"bribe", "", " ", repeat("법", kConsultationLawMax + 1)});
  ASSERT_FALSE(bad);
  EXPECT_EQ(field_error(bad, "kind"), "요청 유형을 목록에서 골라 주십시오.");
  EXPECT_EQ(field_error(bad, "title"), "제목을 입력해 주십시오.");
  EXPECT_EQ(field_error(bad, "question"), "질의 내용을 입력해 주십시오.");
  EXPECT_EQ(field_error(bad, "law"), "관련 법령은 200자 이하로 입력해 주십시오.");
}

TEST(ConsultationRules, LimitsAreCountedInCharacters) {
  EXPECT_TRUE(validate_consultation({"difficulty", repeat("가", kConsultationTitleMax), "질의", ""}));
  EXPECT_FALSE(validate_consultation({"difficulty", repeat("가", kConsultationTitleMax + 1), "질의", ""}));
}

TEST(ConsultationRules, StepsGoForwardOneAtATimeOrBackWithAReason) {
  EXPECT_EQ(step_targets(S::requested), (std::vector<S>{S::data_built}));
  EXPECT_EQ(step_targets(S::analysing), (std::vector<S>{S::checking, S::data_built, S::requested}));
  // 결과통보 is reached only by the answer, and a notified consultation moves no more.
  EXPECT_EQ(step_targets(S::checking), (std::vector<S>{S::analysing, S::data_built, S::requested}));
  EXPECT_TRUE(step_targets(S::notified).empty());

  auto forward = check_step(S::requested, {"data_built", ""});
  ASSERT_TRUE(forward);
  EXPECT_EQ(forward->first, S::data_built);
  EXPECT_EQ(field_error(check_step(S::requested, {"analysing", ""}), "to"),
            "단계를 건너뛸 수 없습니다. ‘자료 DB 구축’ 단계부터 진행해 주십시오.");
  EXPECT_EQ(field_error(check_step(S::checking, {"data_built", "  "}), "note"),
            "이전 단계로 되돌릴 때는 사유를 적어 주십시오.");
  auto back = check_step(S::checking, {"data_built", " 자료 보완 필요 "});
  ASSERT_TRUE(back);
  EXPECT_EQ(back->second, "자료 보완 필요");
  EXPECT_FALSE(field_error(check_step(S::checking, {"notified", ""}), "to").empty());
  EXPECT_FALSE(field_error(check_step(S::analysing, {"analysing", ""}), "to").empty());
  EXPECT_FALSE(field_error(check_step(S::analysing, {"done", ""}), "to").empty());
  EXPECT_EQ(check_step(S::notified, {"checking", "다시"}).error().code, ErrorCode::conflict);
}

TEST(ConsultationRules, EveryTargetCheckStepAllowsIsOneStepTargetsLists) {
  for (const auto& from : kConsultationStates)
    for (const auto& to : kConsultationStates) {
      const auto targets = step_targets(from.value);
      const bool listed = std::find(targets.begin(), targets.end(), to.value) != targets.end();
      EXPECT_EQ(static_cast<bool>(check_step(from.value, {std::string(to.code), "사유"})), listed)
          << from.code << " → " << to.code;
    }
}

TEST(ConsultationRules, TheAnswerNeedsItsLegalBasisAndComesAfterChecking) {
  EXPECT_EQ(validate_answer(S::analysing, {"지방재정법 제47조", "가능합니다.", false}).error().code,
            ErrorCode::conflict);
  auto bad = validate_answer(S::checking, {" ", "", false});
  EXPECT_EQ(field_error(bad, "legal_basis"), "법적 근거를 입력해 주십시오.");
  EXPECT_EQ(field_error(bad, "answer"), "회신 내용을 입력해 주십시오.");
  auto ok = validate_answer(S::checking, {"지방재정법 제47조", "가능합니다.", true});
  ASSERT_TRUE(ok);
  EXPECT_TRUE(ok->share_opinions);
}

TEST(ConsultationRules, ExpertsJoinDuringAnalysis) {
  EXPECT_FALSE(may_invite_experts(S::data_built));
  EXPECT_TRUE(may_invite_experts(S::analysing));
  EXPECT_FALSE(may_invite_experts(S::checking));
  EXPECT_TRUE(may_add_opinion(S::checking));
  EXPECT_FALSE(may_add_opinion(S::notified));
  EXPECT_EQ(field_error(validate_opinion("  "), "body"), "분석 의견을 입력해 주십시오.");
}

TEST(ConsultationRules, TheDeadlineCountsWorkingDaysAndOverdueIsAfterIt) {
  // 2026-12-24 (Thursday) with Christmas a holiday: 10 working days later is 2027-01-08 (Friday).
  const platform::calendar::WorkingCalendar calendar({{.date = {2026, 12, 25}, .name = "기독탄신일"}});
  const CivilDate due = answer_due(calendar, {2026, 12, 24});
  EXPECT_EQ(days_from_civil(due), days_from_civil({2027, 1, 8}));
  EXPECT_FALSE(is_overdue(S::analysing, due, {2027, 1, 8}));
  EXPECT_TRUE(is_overdue(S::analysing, due, {2027, 1, 9}));
  EXPECT_FALSE(is_overdue(S::notified, due, {2027, 2, 1}));
}

TEST(ConsultationRules, RemindersComeTwoWorkingDaysBeforeAndAfterTheDeadline) {
  const platform::calendar::WorkingCalendar calendar;
  const CivilDate due{2026, 12, 16};  // Wednesday
  auto on = [&](CivilDate today) { return reminder_due(calendar, due, today, kRemindWorkingDaysBefore); };
  EXPECT_FALSE(on({2026, 12, 11}));
  EXPECT_EQ(on({2026, 12, 14}), DeadlineReminder::before_due);
  EXPECT_EQ(on({2026, 12, 16}), DeadlineReminder::before_due);
  EXPECT_EQ(on({2026, 12, 17}), DeadlineReminder::overdue);
}

TEST(DeadlineReminders, TheJobsRunAtEightInTheMorningKoreanTime) {
  const Timestamp midnight = seoul_day_start({2026, 12, 16});
  EXPECT_EQ(platform::jobs::next_daily_run(midnight, kReminderHour), midnight + 8 * 3600);
  EXPECT_EQ(platform::jobs::next_daily_run(midnight + 8 * 3600, kReminderHour), midnight + 32 * 3600)
      << "at eight, the next is tomorrow's";
}

}  // namespace
}  // namespace sotong::audit
