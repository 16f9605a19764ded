// Korean text: UTF-8 validity, Hangul composition (NFC for Hangul), character counts, cutting, trimming, and
// the particle a word takes (을/를, 이/가 …).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace sotong {

/// True when the bytes are well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool is_valid_utf8(std::string_view text);

/// The length in bytes (1 to 4) of the well-formed UTF-8 character starting at byte i (< text.size()), or 0
/// when the bytes there do not start one: a stray continuation byte, an overlong form, a surrogate, a value
/// above U+10FFFF, a sequence cut off by the end of the text.
std::size_t utf8_sequence_length(std::string_view text, std::size_t i);

/// Decodes the code point of UTF-8 text starting at byte i and moves i past it. The text should be valid
/// (is_valid_utf8); a sequence cut off by the end of the text decodes what is there and stops at the end.
char32_t decode_utf8_at(std::string_view text, std::size_t& i);

/// Appends a code point as UTF-8.
void append_utf8(char32_t code_point, std::string& out);

/// Number of Unicode code points; limits on fields are counted in characters, not bytes.
std::size_t char_count(std::string_view utf8);

/// The text cut to at most `max_chars` characters, never inside one: when it is longer, its first
/// characters and then `ellipsis`, together `max_chars` characters long (가나다라 cut to 3 is 가나…); when
/// the ellipsis alone is longer than `max_chars`, the cut text without it. Each byte that does not start a
/// well-formed character counts as one character and becomes U+FFFD, so the result is always valid UTF-8.
std::string truncate_chars(std::string_view text, std::size_t max_chars, std::string_view ellipsis = "…");

/// The longest start of `text` of at most `max_bytes` bytes that does not end inside a character (for
/// limits counted in bytes: log lines, stored error text, index terms).
std::string_view utf8_prefix(std::string_view text, std::size_t max_bytes);

/// Composes conjoining Hangul jamo (as sent by macOS and some IMEs) into precomposed syllables,
/// which is what NFC does for Korean; other text passes through unchanged. Input must be valid UTF-8.
std::string compose_hangul(std::string_view utf8);

/// Removes leading and trailing ASCII white space.
std::string_view trim(std::string_view text);

/// Cleans one line of user input: trims, composes Hangul, and drops control characters.
/// Returns false (leaving `out` untouched) when the input is not valid UTF-8.
bool clean_line(std::string_view raw, std::string& out);

/// As clean_line, but keeps line breaks (normalised to "\n") and tabs, for multi-line text.
bool clean_text(std::string_view raw, std::string& out);

/// The form of a particle pair that follows `word`: the first (을, 이, 은, 과, 으로) after a final consonant
/// (받침), the second (를, 가, 는, 와, 로) after a vowel; "으로/로" also takes 로 after ㄹ (서울로). The pair
/// is written "after consonant/after vowel", as "을/를". The sound is that of the last character that is not
/// punctuation, a quote, a bracket or a space: a Hangul syllable; a number as read in Korean (3 삼, 10 십,
/// 1000 천, 0 영); a Latin letter by its name (l 엘, m 엠, n 엔, r 알 end in a consonant, the rest in a
/// vowel). Anything else (no sound at all, a symbol, hanja) takes the vowel form.
std::string_view particle(std::string_view word, std::string_view pair);

/// `word` with its particle: with_particle("전주시", "을/를") is "전주시를", with_particle("‘보고서.pdf’",
/// "은/는") "‘보고서.pdf’는", with_particle("작업 12", "을/를") "작업 12를", with_particle("서울", "으로/로")
/// "서울로".
std::string with_particle(std::string_view word, std::string_view pair);

}  // namespace sotong
