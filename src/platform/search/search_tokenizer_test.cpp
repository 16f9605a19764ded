// The pure rules of search: normalisation, terms, query reading, highlighting and visibility.
#include <gtest/gtest.h>

#include "platform/search/search_query.hpp"
#include "platform/search/search_snippet.hpp"
#include "platform/search/search_tokenizer.hpp"
#include "platform/search/search_visibility.hpp"

namespace sotong::platform::search {
namespace {

std::vector<std::pair<std::string, bool>> flat(const std::vector<Segment>& segments) {
  std::vector<std::pair<std::string, bool>> out;
  for (const auto& s : segments) out.emplace_back(s.text, s.hit);
  return out;
}

std::string joined(const std::vector<Segment>& segments) {
  std::string out;
  for (const auto& s : segments) out += s.text;
  return out;
}

}  // namespace

TEST(SearchTokenizer, NormalizesCaseFullWidthAndJamo) {
  EXPECT_EQ(normalize("ＫＲＤＳ Sotong 예산"), "krds sotong 예산");
  // 한글 as conjoining jamo (macOS file names, some IMEs) becomes the precomposed syllables.
  EXPECT_EQ(normalize("\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB\xE1\x84\x80\xE1\x85\xB3\xE1\x86\xAF"), "한글");
  EXPECT_EQ(fold(U'Ａ'), U'a');
  EXPECT_EQ(fold(U'가'), U'가');
}

TEST(SearchTokenizer, SplitsAtPunctuationMiddleDotsAndScriptChanges) {
  const auto p = pieces(normalize("예산은 2024년, KRDS·시군ㆍ협력 (covid19)"));
  std::vector<std::pair<std::string, bool>> got;
  for (const auto& x : p) got.emplace_back(x.text, x.syllabic);
  const std::vector<std::pair<std::string, bool>> want = {{"예산은", true},  {"2024", false}, {"년", true},
                                                          {"krds", false},   {"시군", true},  {"협력", true},
                                                          {"covid19", false}};
  EXPECT_EQ(got, want);
  EXPECT_EQ(p[1].offset, std::string("예산은 ").size());
  EXPECT_TRUE(pieces("  ... !!! ").empty());
}

TEST(SearchTokenizer, HangulGivesBigramsAndTheLastSyllable) {
  const std::map<std::string, int> want = {{"예산", 1}, {"산은", 1}, {"은", 1}};
  EXPECT_EQ(terms("예산은"), want);
  // A one-syllable word is its own term; syllables apart never make a bigram.
  const std::map<std::string, int> apart = {{"예", 1}, {"산", 1}};
  EXPECT_EQ(terms("예 산"), apart);
  const auto counted = terms("감사를 받은 감사");
  EXPECT_EQ(counted.at("감사"), 2);
  EXPECT_EQ(counted.at("사를"), 1);
  EXPECT_EQ(counted.at("사"), 1);
}

TEST(SearchTokenizer, EverySyllableStartsExactlyOneTerm) {
  const std::string text = "전북특별자치도 시군 협력 예산을 편성했다";
  int syllables = 0;
  for (const auto& p : pieces(text)) syllables += static_cast<int>(p.text.size() / 3);
  int total = 0;
  for (const auto& [term, n] : terms(text)) total += n;
  EXPECT_EQ(total, syllables);
}

TEST(SearchTokenizer, CutsLongWordsAtACharacterBoundary) {
  const std::string word(40, 'a');
  EXPECT_EQ(terms(word).begin()->first, std::string(kMaxWordBytes, 'a'));
  const std::string accented = std::string(31, 'a') + "é";  // é is two bytes: it would straddle byte 32
  EXPECT_EQ(word_term(accented), std::string(31, 'a'));
  EXPECT_EQ(word_term("krds"), "krds");
}

TEST(SearchQuery, ATwoSyllableWordNeedsItsBigram) {
  auto q = parse_query("  예산 ");
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(q->text, "예산");
  ASSERT_EQ(q->words.size(), 1u);
  EXPECT_TRUE(q->words[0].exact);
  EXPECT_EQ(q->words[0].terms, std::vector<std::string>{"예산"});
  EXPECT_FALSE(q->words[0].confirm);
}

TEST(SearchQuery, LongerWordsAreCoveredByBigramsAndConfirmedOnTheText) {
  auto q = parse_query("예산안 예산편성지침");
  ASSERT_TRUE(q.ok());
  ASSERT_EQ(q->words.size(), 2u);
  EXPECT_EQ(q->words[0].terms, (std::vector<std::string>{"예산", "산안"}));
  EXPECT_TRUE(q->words[0].confirm);
  EXPECT_EQ(q->words[1].terms, (std::vector<std::string>{"예산", "편성", "지침"}));
  EXPECT_TRUE(q->words[1].confirm);
  auto long_word = parse_query("가나다라마바사아자차카타파하");
  ASSERT_TRUE(long_word.ok());
  EXPECT_EQ(long_word->words[0].terms.size(), kMaxTermsPerWord);
  EXPECT_EQ(long_word->words[0].terms.front(), "가나");
  EXPECT_EQ(long_word->words[0].terms.back(), "파하");
}

TEST(SearchQuery, OneSyllableAndAlphanumericWordsArePrefixes) {
  auto q = parse_query("군 KRDS 2024");
  ASSERT_TRUE(q.ok());
  ASSERT_EQ(q->words.size(), 3u);
  EXPECT_FALSE(q->words[0].exact);
  EXPECT_EQ(q->words[0].low, "군");
  EXPECT_EQ(q->words[0].high, prefix_end("군"));
  EXPECT_EQ(q->words[1].low, "krds");
  EXPECT_EQ(q->words[1].high, "krdt");
  EXPECT_EQ(q->words[2].low, "2024");
  EXPECT_LT(std::string("군산"), q->words[0].high);
  EXPECT_GE(std::string("군산"), q->words[0].low);
  EXPECT_EQ(q->words[0].high, "\xEA\xB5\xB1");  // 군 is EA B5 B0
}

TEST(SearchQuery, RepeatedWordsCountOnce) {
  auto q = parse_query("예산 예산 예산은");
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(q->words.size(), 2u);
}

TEST(SearchQuery, RefusesEmptyLongAndMeaninglessQueriesInKorean) {
  for (const std::string bad : {"", "   ", "!!! ...", "\xED\x95"}) {
    auto q = parse_query(bad);
    ASSERT_FALSE(q.ok()) << bad;
    EXPECT_EQ(q.error().code, ErrorCode::invalid_input);
    ASSERT_EQ(q.error().fields.size(), 1u);
    EXPECT_EQ(q.error().fields[0].field, "q");
  }
  EXPECT_EQ(parse_query("").error().message, "검색어를 입력해 주십시오.");
  std::string longest;
  for (std::size_t i = 0; i < kMaxQueryChars; ++i) longest += "가";
  EXPECT_TRUE(parse_query(longest).ok());
  EXPECT_EQ(parse_query(longest + "가").error().message, "검색어는 100자까지 입력할 수 있습니다.");
  EXPECT_TRUE(parse_query("가가 나나 다다 라라 마마 바바 사사 아아").ok());
  EXPECT_EQ(parse_query("가가 나나 다다 라라 마마 바바 사사 아아 자자").error().message,
            "검색어는 낱말 8개까지 입력할 수 있습니다.");
}

TEST(SearchSnippet, MarksEveryOccurrenceKeepingTheOriginalText) {
  EXPECT_EQ(flat(highlight("예산은 감사를 받는다", {"예산", "감사"})),
            (std::vector<std::pair<std::string, bool>>{
                {"예산", true}, {"은 ", false}, {"감사", true}, {"를 받는다", false}}));
  // ASCII case and full-width forms are ignored when matching, kept when shown.
  EXPECT_EQ(flat(highlight("KRDS와 ＫＲＤＳ", {"krds"})),
            (std::vector<std::pair<std::string, bool>>{{"KRDS", true}, {"와 ", false}, {"ＫＲＤＳ", true}}));
  // Markup in the text is text: the template escapes it.
  EXPECT_EQ(flat(highlight("<b>예산</b>", {"예산"})),
            (std::vector<std::pair<std::string, bool>>{{"<b>", false}, {"예산", true}, {"</b>", false}}));
  EXPECT_EQ(flat(highlight("줄\n바꿈", {})), (std::vector<std::pair<std::string, bool>>{{"줄 바꿈", false}}));
}

TEST(SearchSnippet, ShowsAWindowAroundTheFirstMatch) {
  std::string text;
  for (int i = 0; i < 60; ++i) text += "도정 ";
  text += "예산은 중요하다 ";
  for (int i = 0; i < 60; ++i) text += "협의 ";
  const auto s = snippet(text, {"예산"}, 40);
  const std::string all = joined(s);
  EXPECT_EQ(all.rfind("…", 0), 0u) << all;
  EXPECT_EQ(all.substr(all.size() - 3), "…");
  EXPECT_NE(all.find("예산"), std::string::npos);
  int hits = 0;
  for (const auto& seg : s) hits += seg.hit;
  EXPECT_EQ(hits, 1);
  // No match (the title matched): the beginning of the text, white space runs collapsed.
  EXPECT_EQ(joined(snippet("  첫\n\n둘째", {"없음"})), "첫 둘째");
  EXPECT_TRUE(snippet("", {"예산"}).empty());
}

TEST(SearchVisibility, AgreesWithThePolicyForEveryActionAndPath) {
  Policy policy;
  policy.add({"doc.everyone", {Role::municipal, Role::admin, Role::coordinator}, Scope::everywhere, ""});
  policy.add({"doc.scoped", {Role::municipal, Role::coordinator}, Scope::own_organization, ""});
  policy.add({"doc.admin", {Role::admin}, Scope::everywhere, ""});
  Actor jeonju{1, "jeonju", "", 5, "전주시", "/1/5/", {Role::municipal}, ""};
  Actor coordinator{2, "coordinator", "", 3, "정책기획관실", "/1/2/3/", {Role::coordinator}, ""};
  Actor admin{3, "admin", "", 4, "자치행정과", "/1/2/4/", {Role::admin}, ""};
  Actor pathless{4, "x", "", 0, "", "", {Role::municipal}, ""};
  for (const auto& actor : {jeonju, coordinator, admin, pathless}) {
    const auto v = visibility_for(policy, actor);
    for (const std::string action :
         {"doc.everyone", "doc.scoped", "doc.admin", "signed-in", "public", "none"}) {
      for (const std::string path : {"", "/1/", "/1/5/", "/1/5/77/", "/1/50/", "/1/2/3/"}) {
        EXPECT_EQ(v.allows(action, path), policy.allows_in(actor, action, path))
            << actor.login_id << " " << action << " " << path;
      }
    }
  }
  const auto v = visibility_for(policy, jeonju);
  EXPECT_EQ(v.own, std::vector<std::string>{"doc.scoped"});
  EXPECT_EQ(v.own_path, "/1/5/");
  const auto c = visibility_for(policy, coordinator);
  EXPECT_TRUE(c.own.empty());  // a province-wide role reaches every organisation
}

}  // namespace sotong::platform::search
