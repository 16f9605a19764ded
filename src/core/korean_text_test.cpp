#include "core/korean_text.hpp"

#include <gtest/gtest.h>

namespace sotong {

TEST(KoreanText, ValidatesUtf8) {
  EXPECT_TRUE(is_valid_utf8("전북특별자치도"));
  EXPECT_TRUE(is_valid_utf8("plain ascii"));
  EXPECT_FALSE(is_valid_utf8("\xED\x95"));          // truncated 한
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(is_valid_utf8("abc\xFF"));
}

TEST(KoreanText, CountsCharactersNotBytes) {
  EXPECT_EQ(char_count("전주시"), 3u);
  EXPECT_EQ(char_count("ab가"), 3u);
}

TEST(KoreanText, ComposesConjoiningJamo) {
  // "한글" written as conjoining jamo: ᄒ ᅡ ᆫ ᄀ ᅳ ᆯ
  const std::string decomposed = "\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB\xE1\x84\x80\xE1\x85\xB3\xE1\x86\xAF";
  EXPECT_EQ(compose_hangul(decomposed), "한글");
  EXPECT_EQ(compose_hangul("이미 완성형"), "이미 완성형");
  // LV without a trailing consonant: ᄀ ᅡ → 가
  EXPECT_EQ(compose_hangul("\xE1\x84\x80\xE1\x85\xA1"), "가");
}

TEST(KoreanText, CleansLines) {
  std::string out;
  ASSERT_TRUE(clean_line("  기획조정실\t\x01 ", out));
  EXPECT_EQ(out, "기획조정실");
  ASSERT_TRUE(clean_text(" 첫 줄\r\n둘째 줄 ", out));
  EXPECT_EQ(out, "첫 줄\n둘째 줄");
  out = "unchanged";
  EXPECT_FALSE(clean_line("\xED\x95", out));
  EXPECT_EQ(out, "unchanged");
}

}  // namespace sotong

namespace sotong {

TEST(KoreanText, DecodesAndEncodesCodePoints) {
  const std::string text = "a한😀";
  std::size_t i = 0;
  EXPECT_EQ(decode_utf8_at(text, i), U'a');
  EXPECT_EQ(decode_utf8_at(text, i), U'한');
  EXPECT_EQ(decode_utf8_at(text, i), U'😀');
  EXPECT_EQ(i, text.size());
  std::string out;
  for (char32_t cp : {U'a', U'한', U'😀'}) append_utf8(cp, out);
  EXPECT_EQ(out, text);
  const std::string cut = "\xED\x95";  // 한 without its last byte: decoding stops at the end
  i = 0;
  decode_utf8_at(cut, i);
  EXPECT_EQ(i, cut.size());
}

}  // namespace sotong

namespace sotong {

TEST(KoreanText, MeasuresOneCharacterAtATime) {
  const std::string text = "a한😀";
  EXPECT_EQ(utf8_sequence_length(text, 0), 1u);
  EXPECT_EQ(utf8_sequence_length(text, 1), 3u);
  EXPECT_EQ(utf8_sequence_length(text, 4), 4u);
  EXPECT_EQ(utf8_sequence_length(text, 2), 0u);                // inside 한
  EXPECT_EQ(utf8_sequence_length("\xED\x95", 0), 0u);          // 한 cut off
  EXPECT_EQ(utf8_sequence_length("\xC0\xAF", 0), 0u);          // overlong '/'
  EXPECT_EQ(utf8_sequence_length("\xED\xA0\x80", 0), 0u);      // a surrogate
  EXPECT_EQ(utf8_sequence_length("\xF4\x90\x80\x80", 0), 0u);  // above U+10FFFF
  EXPECT_EQ(utf8_sequence_length("\xFF", 0), 0u);
}

TEST(KoreanText, TruncatesHangulByCharacters) {
  EXPECT_EQ(truncate_chars("전북특별자치도", 7), "전북특별자치도");  // fits exactly: unchanged
  EXPECT_EQ(truncate_chars("전북특별자치도", 8), "전북특별자치도");
  EXPECT_EQ(truncate_chars("전북특별자치도", 5), "전북특별…");
  EXPECT_EQ(truncate_chars("전북특별자치도", 5, ""), "전북특별자");
  EXPECT_EQ(truncate_chars("전북특별자치도", 5, "..."), "전북...");
  EXPECT_EQ(truncate_chars("전북특별자치도", 1), "…");
  EXPECT_EQ(truncate_chars("전북특별자치도", 2, "..."), "전북");  // the ellipsis alone is too long
  EXPECT_EQ(truncate_chars("전북특별자치도", 0), "");
  EXPECT_EQ(truncate_chars("", 0), "");
  EXPECT_EQ(truncate_chars("", 3), "");
  // Composed with jamo, a syllable is several characters: the cut counts what is there.
  EXPECT_EQ(truncate_chars("\u1112\u1161\u11AB\u1100\u1173\u11AF", 4), "\u1112\u1161\u11AB…");
}

TEST(KoreanText, TruncatesFourByteCharactersWhole) {
  const std::string text = "😀😁😂a";
  EXPECT_EQ(truncate_chars(text, 4), text);
  EXPECT_EQ(truncate_chars(text, 3), "😀😁…");
  EXPECT_EQ(truncate_chars(text, 2, ""), "😀😁");
  EXPECT_EQ(char_count(truncate_chars(text, 3)), 3u);
  EXPECT_TRUE(is_valid_utf8(truncate_chars("가😀", 1, "")));
}

TEST(KoreanText, TruncationReplacesInvalidBytes) {
  EXPECT_EQ(truncate_chars("a\xFF"
                           "b",
                           10),
            "a\uFFFDb");
  EXPECT_EQ(truncate_chars("\xED\x95", 10), "\uFFFD\uFFFD");  // 한 cut off: two stray bytes
  EXPECT_EQ(truncate_chars("\xC0\xAF가나다", 3), "\uFFFD\uFFFD…");
  EXPECT_TRUE(is_valid_utf8(truncate_chars("\x80\x80\x80\x80", 3)));
  EXPECT_EQ(char_count(truncate_chars("\x80\x80\x80\x80", 3)), 3u);
}

TEST(KoreanText, CutsBytesOnACharacterBoundary) {
  const std::string text = "ab한글";  // 2 + 3 + 3 bytes
  EXPECT_EQ(utf8_prefix(text, 100), text);
  EXPECT_EQ(utf8_prefix(text, 8), text);
  EXPECT_EQ(utf8_prefix(text, 7), "ab한");
  EXPECT_EQ(utf8_prefix(text, 5), "ab한");
  EXPECT_EQ(utf8_prefix(text, 4), "ab");
  EXPECT_EQ(utf8_prefix(text, 2), "ab");
  EXPECT_EQ(utf8_prefix(text, 0), "");
  EXPECT_EQ(utf8_prefix("😀", 3), "");
}

TEST(KoreanParticle, AHangulWordTakesTheFormOfItsLastSyllable) {
  EXPECT_EQ(with_particle("전주시", "을/를"), "전주시를");
  EXPECT_EQ(with_particle("군산", "을/를"), "군산을");
  EXPECT_EQ(with_particle("계정", "이/가"), "계정이");
  EXPECT_EQ(with_particle("파일", "이/가"), "파일이");
  EXPECT_EQ(with_particle("기관", "은/는"), "기관은");
  EXPECT_EQ(with_particle("부서", "은/는"), "부서는");
  EXPECT_EQ(with_particle("도", "과/와"), "도와");
  EXPECT_EQ(with_particle("시·군", "과/와"), "시·군과");
}

TEST(KoreanParticle, EuroTakesRoAfterAVowelAndAfterRieul) {
  EXPECT_EQ(with_particle("서울", "으로/로"), "서울로");  // ㄹ
  EXPECT_EQ(with_particle("부산", "으로/로"), "부산으로");
  EXPECT_EQ(with_particle("하루 한 번 모아 받기", "으로/로"), "하루 한 번 모아 받기로");
  EXPECT_EQ(with_particle("즉시", "으로/로"), "즉시로");
  EXPECT_EQ(with_particle("서울", "을/를"), "서울을");  // ㄹ is a consonant for the others
}

TEST(KoreanParticle, QuotesBracketsAndPunctuationAreNotRead) {
  EXPECT_EQ(with_particle("‘보고서’", "을/를"), "‘보고서’를");
  EXPECT_EQ(with_particle("‘회의록’", "은/는"), "‘회의록’은");
  EXPECT_EQ(with_particle("[suggestions]", "이/가"), "[suggestions]가");  // 에스
  EXPECT_EQ(with_particle("「조례」", "과/와"), "「조례」와");
  EXPECT_EQ(with_particle("(전북특별자치도)", "은/는"), "(전북특별자치도)는");
}

TEST(KoreanParticle, NumbersAreReadInKorean) {
  EXPECT_EQ(with_particle("작업 12", "을/를"), "작업 12를");              // 십이
  EXPECT_EQ(with_particle("작업 11", "을/를"), "작업 11을");              // 십일
  EXPECT_EQ(with_particle("작업 3", "이/가"), "작업 3이");                // 삼
  EXPECT_EQ(with_particle("6", "은/는"), "6은");                          // 육
  EXPECT_EQ(with_particle("7", "으로/로"), "7로");                        // 칠: ㄹ
  EXPECT_EQ(with_particle("8", "을/를"), "8을");                          // 팔
  EXPECT_EQ(with_particle("2", "을/를"), "2를");                          // 이
  EXPECT_EQ(with_particle("0", "을/를"), "0을");                          // 영
  EXPECT_EQ(with_particle("10", "을/를"), "10을");                        // 십
  EXPECT_EQ(with_particle("100", "이/가"), "100이");                      // 백
  EXPECT_EQ(with_particle("2000", "으로/로"), "2000으로");                // 이천
  EXPECT_EQ(with_particle("30000", "과/와"), "30000과");                  // 삼만
  EXPECT_EQ(with_particle("1000000000000", "이/가"), "1000000000000가");  // 일조
}

TEST(KoreanParticle, LatinLettersAreReadByTheirNames) {
  EXPECT_EQ(with_particle("보고서.pdf", "을/를"), "보고서.pdf를");      // 에프
  EXPECT_EQ(with_particle("max_file_mib", "이/가"), "max_file_mib가");  // 비
  EXPECT_EQ(with_particle("URL", "을/를"), "URL을");                    // 엘
  EXPECT_EQ(with_particle("URL", "으로/로"), "URL로");
  EXPECT_EQ(with_particle("pg_restore", "을/를"), "pg_restore를");
  EXPECT_EQ(with_particle("exam", "은/는"), "exam은");  // 엠
  EXPECT_EQ(with_particle("", "을/를"), "를");
  EXPECT_EQ(particle("漢字", "이/가"), "가");  // no sound known: the vowel form
  EXPECT_EQ(particle("전주시", "에"), "에");   // not a pair: as it is
}

}  // namespace sotong
