#include "platform/search/search_snippet.hpp"

#include <algorithm>

#include "platform/search/search_tokenizer.hpp"

namespace sotong::platform::search {
namespace {

// The text split into characters, each with its folded form and whether a query word covers it.
struct Marked {
  std::vector<std::string_view> chars;  // the original bytes of each character
  std::vector<bool> hit;
};

std::size_t char_length(unsigned char lead) {
  return lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
}

char32_t decode(std::string_view c) {
  const auto b0 = static_cast<unsigned char>(c[0]);
  if (c.size() == 1) return b0;
  char32_t cp = b0 & (0x7F >> c.size());
  for (std::size_t k = 1; k < c.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(c[k]) & 0x3F);
  return cp;
}

Marked mark(std::string_view text, const std::vector<std::string>& words) {
  Marked m;
  std::string folded;                // the text as normalize() would leave it (already composed)
  std::vector<std::size_t> offsets;  // byte offset in `folded` of each character
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t len = std::min(char_length(static_cast<unsigned char>(text[i])), text.size() - i);
    const std::string_view c = text.substr(i, len);
    offsets.push_back(folded.size());
    m.chars.push_back(c);
    const char32_t cp = fold(decode(c));
    if (cp < 0x80 && cp != decode(c)) {
      folded.push_back(static_cast<char>(cp));
    } else {
      folded.append(c);
    }
    i += len;
  }
  m.hit.assign(m.chars.size(), false);
  for (const auto& w : words) {
    if (w.empty()) continue;
    for (std::size_t at = folded.find(w); at != std::string::npos; at = folded.find(w, at + 1)) {
      const auto first = std::lower_bound(offsets.begin(), offsets.end(), at) - offsets.begin();
      const auto last = std::lower_bound(offsets.begin(), offsets.end(), at + w.size()) - offsets.begin();
      if (static_cast<std::size_t>(first) >= offsets.size() || offsets[first] != at)
        continue;  // mid-character
      for (auto k = first; k < last; ++k) m.hit[k] = true;
    }
  }
  return m;
}

bool space(std::string_view c) {
  return c == " " || c == "\n" || c == "\t" || c == "\r";
}

// Segments for characters [from, to), white space runs collapsed to one space.
std::vector<Segment> segments(const Marked& m, std::size_t from, std::size_t to) {
  std::vector<Segment> out;
  for (std::size_t k = from; k < to; ++k) {
    const bool is_space = space(m.chars[k]);
    if (is_space && k > from && space(m.chars[k - 1])) continue;
    if (out.empty() || out.back().hit != m.hit[k]) out.push_back({"", m.hit[k]});
    out.back().text.append(is_space ? std::string_view(" ") : m.chars[k]);
  }
  return out;
}

}  // namespace

std::vector<Segment> highlight(std::string_view text, const std::vector<std::string>& words) {
  const Marked m = mark(text, words);
  return segments(m, 0, m.chars.size());
}

std::vector<Segment> snippet(std::string_view text, const std::vector<std::string>& words,
                             std::size_t max_chars) {
  const Marked m = mark(text, words);
  std::size_t begin = 0;  // the text's first visible character
  while (begin < m.chars.size() && space(m.chars[begin])) ++begin;
  std::size_t from = begin;
  const auto first_hit = std::find(m.hit.begin(), m.hit.end(), true) - m.hit.begin();
  const std::size_t lead = max_chars / 4;  // context shown before the first match
  if (static_cast<std::size_t>(first_hit) < m.hit.size() &&
      static_cast<std::size_t>(first_hit) > from + lead) {
    from = first_hit - lead;
    // Start after a space when one is near, so the snippet does not open mid-word.
    for (std::size_t k = from; k < from + 12 && k < static_cast<std::size_t>(first_hit); ++k) {
      if (space(m.chars[k])) {
        from = k + 1;
        break;
      }
    }
  }
  std::size_t to = std::min(m.chars.size(), from + max_chars);
  while (to > from && space(m.chars[to - 1])) --to;
  auto out = segments(m, from, to);
  if (from > begin && !out.empty()) {
    if (out.front().hit)
      out.insert(out.begin(), {"…", false});
    else
      out.front().text.insert(0, "…");
  }
  if (to < m.chars.size() && !out.empty()) {
    if (out.back().hit)
      out.push_back({"…", false});
    else
      out.back().text += "…";
  }
  return out;
}

}  // namespace sotong::platform::search
