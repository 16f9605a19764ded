// The standing consultation's use cases on a real database (platform::testing::TestDatabase), called as the
// routes call them: a 시·군 asks, another 시·군 and an expert not invited find nothing, the audit office
// moves it step by step, an invited expert adds an opinion the asker does not read, the answer needs its
// legal basis, and the anonymised library entry is refused while it still names someone.
#include "modules/audit/consultation_service.hpp"

#include <gtest/gtest.h>

#include "modules/audit/audit_case_service.hpp"
#include "modules/audit/audit_module.hpp"
#include "modules/audit/consultation_reminder_job.hpp"
#include "modules/audit/consultation_store.hpp"
#include "platform/testing/test_database.hpp"

namespace sotong::audit {
namespace {

TEST(ConsultationService, AConsultationGoesFromRequestToALibraryEntry) {
  platform::testing::TestDatabase test{{manifest()}};
  const auto jeonju = test.actor("jeonju");
  const auto gunsan = test.actor("gunsan");
  const auto auditor = test.actor("auditor");
  const auto expert = test.actor("expert");
  const auto asker = test.service(jeonju);
  const auto office = test.service(auditor);

  auto id =
      ask_consultation(asker, {"interpretation", "전주시 공유재산 무상 사용허가", "최전주가 묻습니다.", ""});
  ASSERT_TRUE(id) << id.error().message;
  EXPECT_EQ(open_consultation(test.service(gunsan), *id).error().code, ErrorCode::not_found);
  EXPECT_EQ(open_consultation(test.service(test.actor("planning")), *id).error().code, ErrorCode::not_found);
  auto listed = list_consultations(test.service(gunsan), {}, 0, 25);
  ASSERT_TRUE(listed);
  EXPECT_TRUE(listed->items.empty());
  EXPECT_EQ(list_consultations(asker, {}, 0, 25)->items.size(), 1U);
  // Asking is the 시·군's and bureaus' business; the audit office answers.
  EXPECT_EQ(ask_consultation(office, {"interpretation", "제목", "내용", ""}).error().code,
            ErrorCode::forbidden);
  EXPECT_EQ(move_consultation(asker, *id, {"data_built", ""}).error().code, ErrorCode::forbidden);

  EXPECT_FALSE(move_consultation(office, *id, {"analysing", ""}));  // skipping is refused
  ASSERT_TRUE(move_consultation(office, *id, {"data_built", ""}));
  ASSERT_TRUE(move_consultation(office, *id, {"analysing", ""}));
  EXPECT_EQ(open_invited_consultation(test.service(expert), *id).error().code, ErrorCode::not_found);
  EXPECT_EQ(add_consultation_opinion(test.service(expert), *id, "의견").error().code, ErrorCode::not_found);
  ASSERT_TRUE(invite_consultation_expert(office, *id, std::to_string(expert.account_id)));
  EXPECT_FALSE(invite_consultation_expert(office, *id, std::to_string(jeonju.account_id)));  // not an expert
  ASSERT_TRUE(open_invited_consultation(test.service(expert), *id));
  ASSERT_TRUE(add_consultation_opinion(test.service(expert), *id, "한전문 의견: 조례 근거가 필요합니다."));
  ASSERT_TRUE(move_consultation(office, *id, {"checking", ""}));
  EXPECT_FALSE(answer_consultation(office, *id, {"", "회신", false}));
  ASSERT_TRUE(
      answer_consultation(office, *id, {"공유재산 및 물품 관리법 제24조", "조례에 근거를 두십시오.", false}));

  auto seen = open_consultation(asker, *id);
  ASSERT_TRUE(seen);
  EXPECT_EQ(seen->record.state, ConsultationState::notified);
  EXPECT_EQ(seen->record.legal_basis, "공유재산 및 물품 관리법 제24조");
  EXPECT_FALSE(seen->opinions_visible);
  EXPECT_TRUE(seen->opinions.empty());
  EXPECT_EQ(seen->steps.size(), 5U);
  EXPECT_TRUE(open_consultation(office, *id)->opinions_visible);

  auto draft = draft_case_from_consultation(office, *id);
  ASSERT_TRUE(draft);
  EXPECT_EQ(draft->input.title, "○○시 공유재산 무상 사용허가");
  EXPECT_EQ(draft->input.summary.find("최전주"), std::string::npos);
  auto input = draft->input;
  input.prevention = "전주시처럼 미리 물어봅니다.";
  EXPECT_FALSE(register_case_from_consultation(office, *id, input));
  input.prevention = "미리 물어봅니다.";
  auto entry = register_case_from_consultation(office, *id, input);
  ASSERT_TRUE(entry) << entry.error().message;
  EXPECT_EQ(get_case(asker, *entry)->consultation_id, *id);
  EXPECT_EQ(register_case_from_consultation(office, *id, input).error().code, ErrorCode::conflict);
}

TEST(ConsultationService, RemindersGoToTheAuditOfficeOncePerDeadline) {
  platform::testing::TestDatabase test{{manifest()}};
  auto id =
      ask_consultation(test.service(test.actor("gunsan")), {"difficulty", "보조금 정산", "이자 반환?", ""});
  ASSERT_TRUE(id);
  const auto due =
      test.db().read([&](store::Connection& c) { return consultation_store::find(c, *id)->due_date; });
  const CivilDate after = civil_from_days(days_from_civil(due) + 1);
  const int sent =
      test.db().write([&](store::Connection& c) { return send_consultation_reminders(c, after); });
  EXPECT_GE(sent, 1);
  EXPECT_EQ(test.db().write([&](store::Connection& c) { return send_consultation_reminders(c, after); }), 0);
  EXPECT_EQ(test.db().read([](store::Connection& c) { return count_waiting_consultations(c, false); }), 1);
}

}  // namespace
}  // namespace sotong::audit
