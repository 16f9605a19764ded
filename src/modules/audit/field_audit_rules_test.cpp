#include "modules/audit/field_audit_rules.hpp"

#include <gtest/gtest.h>

#include <string>

namespace sotong::audit {
namespace {

/// The Korean message on `field`, or "" when there is none.
std::string field_error(const Result<ValidFieldAudit>& result, const std::string& field) {
  if (result) return "";
  for (const auto& e : result.error().fields)
    if (e.field == field) return e.message;
  return "";
}

std::string repeat(const std::string& text, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += text;
  return out;
}

}  // namespace

TEST(FieldAuditRules, AcceptsATitleAndTrimsIt) {
  auto result = validate_field_audit({"  전주 한옥마을 주차 안내  "});
  ASSERT_TRUE(result);
  EXPECT_EQ(result->title, "전주 한옥마을 주차 안내");
}

TEST(FieldAuditRules, RefusesAMissingTitleWithAKoreanFieldError) {
  for (const char* blank : {"", "   ", "\t"}) {
    auto result = validate_field_audit({blank});
    ASSERT_FALSE(result) << '"' << blank << '"';
    EXPECT_EQ(result.error().code, ErrorCode::invalid_input);
    EXPECT_EQ(field_error(result, "title"), "제목을 입력해 주십시오.");
  }
}

TEST(FieldAuditRules, CountsTheLimitInCharactersNotBytes) {
  const std::string at_limit = repeat("가", 200);  // 600 bytes
  EXPECT_TRUE(validate_field_audit({at_limit}));
  auto over = validate_field_audit({at_limit + "가"});
  ASSERT_FALSE(over);
  EXPECT_EQ(field_error(over, "title"), "제목은 200자 이하로 입력해 주십시오.");
}

TEST(FieldAuditRules, ComposesConjoiningJamoToNfcBeforeCountingAndStoring) {
  // "한" typed as three conjoining jamo (U+1112 U+1161 U+11AB), as macOS sends it.
  auto one = validate_field_audit({"\u1112\u1161\u11ab"});
  ASSERT_TRUE(one);
  EXPECT_EQ(one->title, "한");
  // 200 syllables typed as 600 jamo are 200 characters once composed: within the limit.
  EXPECT_TRUE(validate_field_audit({repeat("\u1112\u1161\u11ab", 200)}));
}

TEST(FieldAuditRules, RefusesTextThatIsNotUtf8) {
  auto result = validate_field_audit({"\xff\xfe"});
  ASSERT_FALSE(result);
  EXPECT_FALSE(field_error(result, "title").empty());
}

}  // namespace sotong::audit
