#include "platform/search/search_query.hpp"

#include <algorithm>

#include "core/korean_text.hpp"
#include "platform/search/search_tokenizer.hpp"

namespace sotong::platform::search {
namespace {

Error invalid(std::string message) {
  return Error::invalid(message, {{"q", message}});
}

// Byte offsets where each character of `text` starts, and its end.
std::vector<std::size_t> char_starts(std::string_view text) {
  std::vector<std::size_t> starts;
  for (std::size_t i = 0; i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) starts.push_back(i);
  starts.push_back(text.size());
  return starts;
}

QueryWord word_for(const Piece& piece) {
  QueryWord w;
  w.text = piece.text;
  const auto starts = char_starts(piece.text);
  const std::size_t n = starts.size() - 1;
  if (!piece.syllabic || n == 1) {
    w.exact = false;
    w.low = piece.syllabic ? piece.text : word_term(piece.text);
    w.high = prefix_end(w.low);
    return w;
  }
  // Bigrams starting at every other syllable, plus the last one, cover every syllable of the word.
  std::vector<std::size_t> firsts;
  for (std::size_t k = 0; k + 1 < n; k += 2) firsts.push_back(k);
  if (firsts.back() != n - 2) firsts.push_back(n - 2);
  if (firsts.size() > kMaxTermsPerWord) {  // a long word: a spread of bigrams, the text check does the rest
    std::vector<std::size_t> spread;
    for (std::size_t j = 0; j < kMaxTermsPerWord; ++j)
      spread.push_back(firsts[j * (firsts.size() - 1) / (kMaxTermsPerWord - 1)]);
    firsts = spread;
  }
  for (const std::size_t k : firsts)
    w.terms.push_back(piece.text.substr(starts[k], starts[k + 2] - starts[k]));
  w.confirm = n >= 3;
  return w;
}

}  // namespace

std::string prefix_end(std::string_view prefix) {
  std::string end(prefix);
  // UTF-8 never holds 0xFF, so the last byte can always go up by one.
  end.back() = static_cast<char>(static_cast<unsigned char>(end.back()) + 1);
  return end;
}

Result<Query> parse_query(std::string_view raw) {
  if (!is_valid_utf8(raw)) return invalid("검색어에 잘못된 글자가 있습니다.");
  Query q;
  q.text = std::string(trim(compose_hangul(raw)));
  if (q.text.empty()) return invalid("검색어를 입력해 주십시오.");
  if (char_count(q.text) > kMaxQueryChars)
    return invalid("검색어는 " + std::to_string(kMaxQueryChars) + "자까지 입력할 수 있습니다.");
  for (const auto& piece : pieces(normalize(q.text))) {
    const bool seen =
        std::any_of(q.words.begin(), q.words.end(), [&](const QueryWord& w) { return w.text == piece.text; });
    if (!seen) q.words.push_back(word_for(piece));
  }
  if (q.words.empty()) return invalid("검색어에 글자나 숫자를 넣어 주십시오.");
  if (q.words.size() > kMaxQueryWords)
    return invalid("검색어는 낱말 " + std::to_string(kMaxQueryWords) + "개까지 입력할 수 있습니다.");
  return q;
}

}  // namespace sotong::platform::search
