#include "modules/suggestions/suggestion_reply_template.hpp"

#include <gtest/gtest.h>

namespace sotong::suggestions {

TEST(SuggestionReplyTemplate, ATemplateHasANameAndAReplyWithinTheirLimits) {
  auto ok = validate_reply_template({"  예산 반영 완료  ", "  {제목} 건은\r\n본예산에 반영했습니다.  ", ""});
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->title, "예산 반영 완료");
  EXPECT_EQ(ok->body, "{제목} 건은\n본예산에 반영했습니다.");
  auto empty = validate_reply_template({" ", "", ""});
  ASSERT_FALSE(empty);
  ASSERT_EQ(empty.error().fields.size(), 2u);
  EXPECT_EQ(empty.error().fields[0].message, "서식 이름을 입력해 주십시오.");
  EXPECT_EQ(empty.error().fields[1].message, "회신 내용을 입력해 주십시오.");
  EXPECT_FALSE(validate_reply_template({std::string(101, 'a'), "x", ""}));
  EXPECT_FALSE(validate_reply_template({"x", std::string(2001, 'a'), ""}));
}

TEST(SuggestionReplyTemplate, FillingPutsTheSuggestionsOwnNamesInPlace) {
  Suggestion s;
  s.title = "환승주차장 확충";
  s.organization = {20, "전주시", "/1/20/"};
  s.lead_bureau = OrganizationRef{2, "기획조정실", "/1/2/"};
  EXPECT_EQ(
      fill_reply_template("{건의기관}의 ‘{제목}’ 건은 {주관실국}에서 검토했습니다. {제목} {알수없음}", s),
      "전주시의 ‘환승주차장 확충’ 건은 기획조정실에서 검토했습니다. 환승주차장 확충 {알수없음}");
  s.lead_bureau.reset();
  EXPECT_EQ(fill_reply_template("{주관실국}", s), "");
  s.title = "{제목}";  // a title that looks like a placeholder is not expanded again
  EXPECT_EQ(fill_reply_template("{제목}/{제목}", s), "{제목}/{제목}");
}

}  // namespace sotong::suggestions
