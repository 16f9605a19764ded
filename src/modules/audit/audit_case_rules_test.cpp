#include "modules/audit/audit_case_rules.hpp"
#include "platform/testing/field_errors.hpp"

#include <gtest/gtest.h>

#include <string>

namespace sotong::audit {
namespace {

AuditCaseInput good() {
  return {"수의계약 분할",    "contract",           "construction", "지방계약법 시행령 제25조",
          "나누어 계약했다.", "합산해 판단합니다.", "2025"};
}

TEST(AuditCaseRules, AnEntryNeedsEveryFieldAndAYearInRange) {
  auto ok = validate_audit_case(good(), 2026);
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->case_type, CaseType::contract);
  EXPECT_EQ(ok->area, CaseArea::construction);
  EXPECT_EQ(ok->year, 2025);
  auto bad = validate_audit_case({"", "theft", "moon", "", "", "", "2027"}, 2026);
  ASSERT_FALSE(bad);
  EXPECT_EQ(field_error(bad, "title"), "제목을 입력해 주십시오.");
  EXPECT_EQ(field_error(bad, "case_type"), "비리유형을 목록에서 골라 주십시오.");
  EXPECT_EQ(field_error(bad, "area"), "분야를 목록에서 골라 주십시오.");
  EXPECT_EQ(field_error(bad, "legal_basis"), "법적 근거를 입력해 주십시오.");
  EXPECT_EQ(field_error(bad, "summary"), "사례 내용을 입력해 주십시오.");
  EXPECT_EQ(field_error(bad, "prevention"), "예방 조언을 입력해 주십시오.");
  EXPECT_EQ(field_error(bad, "year"), "연도는 2000부터 2026까지의 숫자로 적어 주십시오.");
  auto text_year = good();
  text_year.year = "2025년";
  EXPECT_FALSE(field_error(validate_audit_case(text_year, 2026), "year").empty());
}

TEST(AuditCaseRules, TheDraftOfAConsultationNamesNoOne) {
  Consultation c;
  c.title = "전주시 공유재산 무상 사용허가";
  c.question = "최전주 담당관이 검토했습니다. 전주 한옥마을 인근 건물입니다.";
  c.law = "공유재산법 제24조";
  c.legal_basis = "공유재산 및 물품 관리법 제24조";
  c.answer = "강감사: 조례에 근거를 두십시오.";
  c.answered_at = seoul_day_start({2026, 11, 2});
  const IdentifyingNames names{{"전주시"}, {"최전주", "강감사"}};
  const auto draft = draft_case(c, names);
  EXPECT_EQ(draft.title, "○○시 공유재산 무상 사용허가");
  EXPECT_EQ(
      draft.summary,
      "[질의] 담당자 담당관이 검토했습니다. ○○ 한옥마을 인근 건물입니다.\n[관련 법령] 공유재산법 제24조\n\n"
      "[회신] 담당자: 조례에 근거를 두십시오.");
  EXPECT_EQ(draft.legal_basis, "공유재산 및 물품 관리법 제24조");
  EXPECT_EQ(draft.year, "2026");
  EXPECT_TRUE(draft.prevention.empty());
}

TEST(AuditCaseRules, AnApprovalStillNamingSomeoneIsRefused) {
  const IdentifyingNames names{{"전주시"}, {"최전주"}};
  auto entry = validate_audit_case(good(), 2026);
  ASSERT_TRUE(entry);
  EXPECT_TRUE(check_anonymous(*entry, names));
  entry->prevention = "최전주 담당관처럼 미리 물어봅니다.";
  auto refused = check_anonymous(*entry, names);
  ASSERT_FALSE(refused);
  ASSERT_EQ(refused.error().fields.size(), 1U);
  EXPECT_EQ(refused.error().fields[0].field, "prevention");
  EXPECT_NE(refused.error().fields[0].message.find("‘최전주’"), std::string::npos);
}

}  // namespace
}  // namespace sotong::audit
