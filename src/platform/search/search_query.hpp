// A search query as the index reads it: the words typed, each with the index terms that must be present.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace sotong::platform::search {

inline constexpr std::size_t kMaxQueryChars = 100;
inline constexpr std::size_t kMaxQueryWords = 8;
/// Terms looked up per word; a longer word is checked against the stored text (see QueryWord::confirm).
inline constexpr std::size_t kMaxTermsPerWord = 4;

struct QueryWord {
  std::string text;  // normalised piece
  /// True: a document matches when it holds every one of `terms`. False: when it holds any term in the
  /// byte range [low, high) — a one-syllable word or an alphanumeric word matched as a prefix.
  bool exact = true;
  std::vector<std::string> terms;
  std::string low;
  std::string high;
  /// The terms only cover the word (a word of three or more syllables): the title or body must also hold
  /// `text` itself, so 예산안 does not match a text holding 예산 and 산안 apart.
  bool confirm = false;
};

struct Query {
  std::string text;  // as typed, trimmed
  std::vector<QueryWord> words;
};

/// Reads what a person typed. Errors (Korean, on field "q"): empty, longer than kMaxQueryChars characters,
/// more than kMaxQueryWords words, not valid UTF-8, or nothing but punctuation.
Result<Query> parse_query(std::string_view raw);

/// The smallest byte string greater than every string that starts with `prefix` (non-empty UTF-8).
std::string prefix_end(std::string_view prefix);

}  // namespace sotong::platform::search
