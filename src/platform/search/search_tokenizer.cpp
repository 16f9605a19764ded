#include "platform/search/search_tokenizer.hpp"

#include "core/korean_text.hpp"

namespace sotong::platform::search {
namespace {

enum class Kind { separator, syllabic, word };

bool in(char32_t cp, char32_t low, char32_t high) {
  return cp >= low && cp <= high;
}

// What a (folded) character is to the tokenizer.
Kind classify(char32_t cp) {
  if (cp < 0x80) {
    const bool alnum = in(cp, '0', '9') || in(cp, 'a', 'z') || in(cp, 'A', 'Z');
    return alnum ? Kind::word : Kind::separator;
  }
  if (cp == 0x318D) return Kind::separator;  // ㆍ (araea), typed as a middle dot in Korean text
  if (in(cp, 0xAC00, 0xD7A3) || in(cp, 0x1100, 0x11FF) || in(cp, 0x3131, 0x318E) ||  // Hangul
      in(cp, 0x4E00, 0x9FFF) || in(cp, 0x3400, 0x4DBF) || in(cp, 0xF900, 0xFAFF) ||  // Hanja
      in(cp, 0x3041, 0x30FF)) {                                                      // kana
    return Kind::syllabic;
  }
  // Latin-1 punctuation and symbols (· × ÷ …), general punctuation, symbols, arrows, box drawing, CJK
  // punctuation (、。「」), full-width punctuation, specials and emoji separate words.
  if (in(cp, 0x80, 0xBF) || cp == 0xD7 || cp == 0xF7 || in(cp, 0x2000, 0x2BFF) || in(cp, 0x3000, 0x303F) ||
      in(cp, 0xFE30, 0xFE4F) || in(cp, 0xFF00, 0xFF65) || in(cp, 0xFFF0, 0xFFFF) || cp >= 0x1F000 ||
      in(cp, 0xE000, 0xF8FF)) {
    return Kind::separator;
  }
  return Kind::word;  // other letters (é, ß, Cyrillic …) and digits
}

}  // namespace

std::string word_term(std::string_view word) {
  return std::string(utf8_prefix(word, kMaxWordBytes));
}

char32_t fold(char32_t cp) {
  if (in(cp, 0xFF01, 0xFF5E)) cp -= 0xFEE0;  // full-width ASCII
  if (in(cp, 'A', 'Z')) cp += 'a' - 'A';
  return cp;
}

std::string normalize(std::string_view utf8) {
  const std::string composed = compose_hangul(utf8);
  std::string out;
  out.reserve(composed.size());
  for (std::size_t i = 0; i < composed.size();) append_utf8(fold(decode_utf8_at(composed, i)), out);
  return out;
}

std::vector<Piece> pieces(std::string_view normalized) {
  std::vector<Piece> out;
  Kind current = Kind::separator;
  for (std::size_t i = 0; i < normalized.size();) {
    const std::size_t start = i;
    const Kind kind = classify(decode_utf8_at(normalized, i));
    if (kind == Kind::separator) {
      current = kind;
      continue;
    }
    if (kind != current) out.push_back({"", kind == Kind::syllabic, start});
    out.back().text.append(normalized.substr(start, i - start));
    current = kind;
  }
  return out;
}

std::map<std::string, int> terms(std::string_view normalized) {
  std::map<std::string, int> out;
  for (const auto& p : pieces(normalized)) {
    if (!p.syllabic) {
      ++out[word_term(p.text)];
      continue;
    }
    std::vector<std::size_t> starts;  // byte offset of each character, and the end
    for (std::size_t i = 0; i < p.text.size();) {
      starts.push_back(i);
      decode_utf8_at(p.text, i);
    }
    starts.push_back(p.text.size());
    const std::size_t n = starts.size() - 1;
    for (std::size_t k = 0; k + 1 < n; ++k) ++out[p.text.substr(starts[k], starts[k + 2] - starts[k])];
    ++out[p.text.substr(starts[n - 1])];
  }
  return out;
}

}  // namespace sotong::platform::search
