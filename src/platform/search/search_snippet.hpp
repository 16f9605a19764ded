// Highlighted text for search results: the places where the query's words occur, as plain segments the
// template escapes and wraps in <mark>.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace sotong::platform::search {

/// Characters of body text shown with a result.
inline constexpr std::size_t kSnippetChars = 160;

struct Segment {
  std::string text;
  bool hit = false;  // an occurrence of a query word
};

/// The whole of `text`, with every occurrence of the normalised `words` marked (ASCII case and full-width
/// forms ignored). Line breaks and tabs become spaces.
std::vector<Segment> highlight(std::string_view text, const std::vector<std::string>& words);

/// About `max_chars` characters of `text` around the first occurrence of a word (the start of the text when
/// none occurs), marked as by highlight; "…" stands where the text was cut and runs of white space become
/// one space.
std::vector<Segment> snippet(std::string_view text, const std::vector<std::string>& words,
                             std::size_t max_chars = kSnippetChars);

}  // namespace sotong::platform::search
