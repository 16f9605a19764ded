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
