// Korean full-text search terms: normalises text and cuts it into the terms the index stores and queries use.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace sotong::platform::search {

/// Longest word term kept, in bytes; longer words (URLs, hashes) are cut at a character boundary.
inline constexpr std::size_t kMaxWordBytes = 32;

/// A run of letters of one kind in normalised text.
struct Piece {
  std::string text;        // normalised
  bool syllabic = false;   // Hangul or CJK characters, indexed as character bigrams; otherwise a word
  std::size_t offset = 0;  // byte offset in the normalised text
};

/// One character of text as search sees it: full-width ASCII (ＫＲＤＳ) becomes ASCII and ASCII letters
/// become lower case. Other characters are unchanged.
char32_t fold(char32_t cp);

/// Composes Hangul jamo into syllables (NFC for Korean), then folds every character. Input must be valid
/// UTF-8 (callers check with is_valid_utf8).
std::string normalize(std::string_view utf8);

/// The runs of letters and digits in normalised text, split at spaces, punctuation (including the Korean
/// middle dots · and ㆍ) and wherever the text changes between syllabic characters and word characters
/// ("2024년" → "2024", "년").
std::vector<Piece> pieces(std::string_view normalized);

/// The index terms of normalised text, each with the number of times it occurs. A syllabic run s1…sn gives
/// the bigrams s1s2 … s(n-1)sn and its last syllable sn alone, so every syllable starts exactly one term
/// and a one-syllable query is a prefix search; a word gives itself (cut to kMaxWordBytes).
std::map<std::string, int> terms(std::string_view normalized);

/// The term of a word piece: the word, cut at a character boundary to kMaxWordBytes.
std::string word_term(std::string_view word);

}  // namespace sotong::platform::search
