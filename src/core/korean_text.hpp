// Korean text on input: UTF-8 validity, Hangul composition (NFC for Hangul), character counts, trimming.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace sotong {

/// True when the bytes are well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool is_valid_utf8(std::string_view text);

/// Decodes the code point of UTF-8 text starting at byte i and moves i past it. The text should be valid
/// (is_valid_utf8); a sequence cut off by the end of the text decodes what is there and stops at the end.
char32_t decode_utf8_at(std::string_view text, std::size_t& i);

/// Appends a code point as UTF-8.
void append_utf8(char32_t code_point, std::string& out);

/// Number of Unicode code points; limits on fields are counted in characters, not bytes.
std::size_t char_count(std::string_view utf8);

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

}  // namespace sotong
