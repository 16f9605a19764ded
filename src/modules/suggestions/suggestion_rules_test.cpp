#include "modules/suggestions/suggestion_rules.hpp"

#include <gtest/gtest.h>

#include <string>

#include "platform/testing/field_errors.hpp"

namespace sotong::suggestions {
namespace {

// Organisation ids as a form offers them: three 시·군 and two bureaus.
constexpr std::int64_t kJeonju = 20, kGunsan = 21, kWanju = 27;
constexpr std::int64_t kPlanning = 5, kEconomy = 8;

FilingChoices choices(bool submitting = true, bool coordinator = false) {
  FilingChoices c;
  c.municipalities = {kJeonju, kGunsan, kWanju};
  c.bureaus = {kPlanning, kEconomy};
  c.today = {2026, 9, 21};
  c.coordinator = coordinator;
  c.submitting = submitting;
  return c;
}

SuggestionInput filing(std::string title = "전주 한옥마을 주차난 해소 지원") {
  SuggestionInput in;
  in.title = std::move(title);
  in.content = "주차장 확충 예산을 지원해 주십시오.";
  in.domain = "budget";
  return in;
}

std::string repeat(const std::string& text, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += text;
  return out;
}

}  // namespace

TEST(SuggestionRules, AcceptsAFilingAndTrimsIt) {
  auto in = filing("  전주 한옥마을 주차 안내  ");
  in.concerned = {"21", " 27 ", "21"};
  in.addressed_bureau = "5";
  in.desired_date = "2026-10-30";
  auto result = validate_suggestion(in, choices());
  ASSERT_TRUE(result) << result.error().message;
  EXPECT_EQ(result->title, "전주 한옥마을 주차 안내");
  EXPECT_EQ(result->domain, Domain::budget);
  EXPECT_EQ(result->concerned, (std::vector<std::int64_t>{kGunsan, kWanju}));  // duplicates dropped
  EXPECT_EQ(result->addressed_bureau, kPlanning);
  ASSERT_TRUE(result->desired_date);
  EXPECT_EQ(result->desired_date->day, 30);
  EXPECT_EQ(result->channel, Channel::direct);
  EXPECT_FALSE(result->on_behalf_of);
}

TEST(SuggestionRules, RefusesAMissingTitleWithAKoreanFieldError) {
  for (const char* blank : {"", "   ", "\t"}) {
    auto result = validate_suggestion(filing(blank), choices());
    ASSERT_FALSE(result) << '"' << blank << '"';
    EXPECT_EQ(result.error().code, ErrorCode::invalid_input);
    EXPECT_EQ(field_error(result, "title"), "제목을 입력해 주십시오.");
  }
}

TEST(SuggestionRules, CountsTheLimitInCharactersNotBytes) {
  const std::string at_limit = repeat("가", 200);  // 600 bytes
  EXPECT_TRUE(validate_suggestion(filing(at_limit), choices()));
  auto over = validate_suggestion(filing(at_limit + "가"), choices());
  ASSERT_FALSE(over);
  EXPECT_EQ(field_error(over, "title"), "제목은 200자 이하로 입력해 주십시오.");
  auto long_content = filing();
  long_content.content = repeat("가", 4001);
  EXPECT_EQ(field_error(validate_suggestion(long_content, choices()), "content"),
            "내용은 4000자 이하로 입력해 주십시오.");
}

TEST(SuggestionRules, ComposesConjoiningJamoToNfcBeforeCountingAndStoring) {
  // "한" typed as three conjoining jamo (U+1112 U+1161 U+11AB), as macOS sends it.
  auto one = validate_suggestion(filing("\u1112\u1161\u11ab"), choices());
  ASSERT_TRUE(one);
  EXPECT_EQ(one->title, "한");
  // 200 syllables typed as 600 jamo are 200 characters once composed: within the limit.
  EXPECT_TRUE(validate_suggestion(filing(repeat("\u1112\u1161\u11ab", 200)), choices()));
}

TEST(SuggestionRules, RefusesTextThatIsNotUtf8) {
  auto result = validate_suggestion(filing("\xff\xfe"), choices());
  ASSERT_FALSE(result);
  EXPECT_FALSE(field_error(result, "title").empty());
}

TEST(SuggestionRules, ContentIsRequiredToSubmitButNotToKeepADraft) {
  auto in = filing();
  in.content = "  \n ";
  EXPECT_EQ(field_error(validate_suggestion(in, choices(true)), "content"), "내용을 입력해 주십시오.");
  auto draft = validate_suggestion(in, choices(false));
  ASSERT_TRUE(draft);
  EXPECT_EQ(draft->content, "");
}

TEST(SuggestionRules, KeepsLineBreaksInTheContent) {
  auto in = filing();
  in.content = "첫째 줄\r\n둘째 줄";
  EXPECT_EQ(validate_suggestion(in, choices())->content, "첫째 줄\n둘째 줄");
}

TEST(SuggestionRules, RefusesADomainOrOrganisationThatIsNotOffered) {
  auto in = filing();
  in.domain = "weather";
  EXPECT_EQ(field_error(validate_suggestion(in, choices()), "domain"), "정책영역을 골라 주십시오.");
  in = filing();
  in.concerned = {"21", "5"};  // a bureau is not a 시·군
  EXPECT_FALSE(field_error(validate_suggestion(in, choices()), "concerned").empty());
  in.concerned = {"21x"};
  EXPECT_FALSE(field_error(validate_suggestion(in, choices()), "concerned").empty());
  in = filing();
  in.addressed_bureau = "20";  // a 시·군 is not a bureau
  EXPECT_FALSE(field_error(validate_suggestion(in, choices()), "addressed_bureau").empty());
}

TEST(SuggestionRules, TheDesiredDateIsARealDateNotInThePastWhenSubmitting) {
  auto in = filing();
  in.desired_date = "2026-02-30";
  EXPECT_EQ(field_error(validate_suggestion(in, choices()), "desired_date"),
            "희망 회신일은 2026-10-08처럼 날짜로 적어 주십시오.");
  in.desired_date = "2026-09-20";  // the day before today
  EXPECT_EQ(field_error(validate_suggestion(in, choices(true)), "desired_date"),
            "희망 회신일은 오늘이나 그 뒤의 날짜로 적어 주십시오.");
  EXPECT_TRUE(validate_suggestion(in, choices(false)));  // a draft may keep it until submitted
  in.desired_date = "2026-09-21";
  EXPECT_TRUE(validate_suggestion(in, choices(true)));
}

TEST(SuggestionRules, OnlyTheCoordinatorRecordsAMeetingsSuggestionAndMustNameThe시군) {
  auto in = filing();
  in.channel = "policy_council";
  EXPECT_EQ(field_error(validate_suggestion(in, choices()), "channel"),
            "회의에서 나온 건의는 시·군정책협력담당이 등록합니다.");
  in.channel.clear();
  in.on_behalf_of = "21";
  EXPECT_FALSE(field_error(validate_suggestion(in, choices()), "channel").empty());

  in.channel = "policy_council";
  in.on_behalf_of.clear();
  EXPECT_EQ(field_error(validate_suggestion(in, choices(true, true)), "on_behalf_of"),
            "건의한 시·군을 골라 주십시오.");
  in.on_behalf_of = "21";
  in.concerned = {"21", "27"};
  auto ok = validate_suggestion(in, choices(true, true));
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->on_behalf_of, kGunsan);
  EXPECT_EQ(ok->channel, Channel::policy_council);
  EXPECT_EQ(ok->concerned, (std::vector<std::int64_t>{kWanju}));  // the filing 시·군 is not "also concerned"
  in.channel = "rumour";
  EXPECT_EQ(field_error(validate_suggestion(in, choices(true, true)), "channel"),
            "건의 경로를 목록에서 골라 주십시오.");
}

TEST(SuggestionRules, ReportsEveryBadFieldAtOnce) {
  SuggestionInput in;
  in.domain = "x";
  in.addressed_bureau = "x";
  in.desired_date = "x";
  auto result = validate_suggestion(in, choices());
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().fields.size(), 5u);  // title, content, domain, addressed_bureau, desired_date
}

}  // namespace sotong::suggestions
