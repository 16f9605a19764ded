#include "core/korean_text.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace sotong {
namespace {

// Unicode 3.12 conjoining jamo behaviour.
constexpr char32_t kSBase = 0xAC00, kLBase = 0x1100, kVBase = 0x1161, kTBase = 0x11A7;
constexpr int kLCount = 19, kVCount = 21, kTCount = 28, kNCount = kVCount * kTCount,
              kSCount = kLCount * kNCount;

bool clean(std::string_view raw, std::string& out, bool multiline) {
  if (!is_valid_utf8(raw)) return false;
  std::string composed = compose_hangul(trim(raw));
  std::string result;
  result.reserve(composed.size());
  for (std::size_t i = 0; i < composed.size(); ++i) {
    const char c = composed[i];
    if (c == '\r') {
      if (multiline) result.push_back('\n');
      if (i + 1 < composed.size() && composed[i + 1] == '\n') ++i;
      continue;
    }
    if (multiline && (c == '\n' || c == '\t')) {
      result.push_back(c);
      continue;
    }
    if (!multiline && (c == '\n' || c == '\t')) {
      result.push_back(' ');
      continue;
    }
    const auto uc = static_cast<unsigned char>(c);
    if (uc < 0x20 || uc == 0x7F) continue;
    if (uc == 0xC2 && i + 1 < composed.size()) {  // C1 controls U+0080..U+009F
      const auto next = static_cast<unsigned char>(composed[i + 1]);
      if (next >= 0x80 && next < 0xA0) {
        ++i;
        continue;
      }
    }
    result.push_back(c);
  }
  out = std::string(trim(result));  // removed controls can leave white space at the ends
  return true;
}

}  // namespace

char32_t decode_utf8_at(std::string_view text, std::size_t& i) {
  const auto b0 = static_cast<unsigned char>(text[i]);
  if (b0 < 0x80) {
    i += 1;
    return b0;
  }
  const std::size_t len = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : 2;
  char32_t cp = b0 & (0x7F >> len);
  for (std::size_t k = 1; k < len && i + k < text.size(); ++k) {
    cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
  }
  i = std::min(i + len, text.size());
  return cp;
}

void append_utf8(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::size_t utf8_sequence_length(std::string_view text, std::size_t i) {
  const auto b0 = static_cast<unsigned char>(text[i]);
  if (b0 < 0x80) return 1;
  std::size_t len;
  char32_t min;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3, min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4, min = 0x10000;
  } else {
    return 0;
  }
  if (i + len > text.size()) return 0;
  char32_t cp = b0 & (0x7F >> len);
  for (std::size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(text[i + k]);
    if ((b & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

bool is_valid_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t len = utf8_sequence_length(text, i);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

std::string truncate_chars(std::string_view text, std::size_t max_chars, std::string_view ellipsis) {
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
  const std::size_t ellipsis_chars = char_count(ellipsis);
  const bool with_ellipsis = ellipsis_chars <= max_chars;
  const std::size_t keep = with_ellipsis ? max_chars - ellipsis_chars : max_chars;
  std::string out;
  std::size_t chars = 0;
  std::size_t cut = 0;  // bytes of `out` holding the first `keep` characters
  for (std::size_t i = 0; i < text.size(); ++chars) {
    if (chars == keep) cut = out.size();
    if (chars == max_chars) {  // and more follows: too long
      out.resize(cut);
      if (with_ellipsis) out += ellipsis;
      return out;
    }
    const std::size_t len = utf8_sequence_length(text, i);
    if (len == 0) {
      out += kReplacement;
      ++i;
    } else {
      out.append(text.substr(i, len));
      i += len;
    }
  }
  return out;
}

std::string_view utf8_prefix(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  std::size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

std::size_t char_count(std::string_view utf8) {
  std::size_t count = 0;
  for (const char c : utf8) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return count;
}

std::string compose_hangul(std::string_view utf8) {
  std::vector<char32_t> cps;
  cps.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size();) cps.push_back(decode_utf8_at(utf8, i));
  std::string out;
  out.reserve(utf8.size());
  for (std::size_t i = 0; i < cps.size(); ++i) {
    char32_t cp = cps[i];
    const bool leading = cp >= kLBase && cp < kLBase + kLCount;
    if (leading && i + 1 < cps.size() && cps[i + 1] >= kVBase && cps[i + 1] < kVBase + kVCount) {
      cp = kSBase + ((cp - kLBase) * kVCount + (cps[i + 1] - kVBase)) * kTCount;
      ++i;
    }
    const bool lv_syllable = cp >= kSBase && cp < kSBase + kSCount && (cp - kSBase) % kTCount == 0;
    if (lv_syllable && i + 1 < cps.size() && cps[i + 1] > kTBase && cps[i + 1] < kTBase + kTCount) {
      cp += cps[i + 1] - kTBase;
      ++i;
    }
    append_utf8(cp, out);
  }
  return out;
}

std::string_view trim(std::string_view text) {
  const auto space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  };
  while (!text.empty() && space(text.front())) text.remove_prefix(1);
  while (!text.empty() && space(text.back())) text.remove_suffix(1);
  return text;
}

bool clean_line(std::string_view raw, std::string& out) {
  return clean(raw, out, false);
}
bool clean_text(std::string_view raw, std::string& out) {
  return clean(raw, out, true);
}

namespace {

/// The final sound a particle looks at: none (a vowel), ㄹ, or another consonant.
enum class Final { vowel, rieul, consonant };

/// The last sound of a number written in digits, as read in Korean: 0 영, 1 일, 3 삼, 10 십, 100 백, 1000 천,
/// 10000 만, 100000000 억.
Final number_final(std::string_view digits) {
  const std::size_t last = digits.find_last_not_of('0');
  if (last == std::string_view::npos) return Final::consonant;  // 영
  const std::size_t zeros = digits.size() - 1 - last;
  if (zeros == 0) {
    switch (digits[last]) {
      case '1':
      case '7':
      case '8':
        return Final::rieul;  // 일, 칠, 팔
      case '3':
      case '6':
        return Final::consonant;  // 삼, 육
      default:
        return Final::vowel;  // 이, 사, 오, 구
    }
  }
  if (zeros % 4 != 0) return Final::consonant;  // 십, 백, 천
  switch (zeros / 4 % 4) {
    case 1:  // 만
    case 2:  // 억
      return Final::consonant;
    case 3:  // 조
      return Final::vowel;
    default:  // 경
      return Final::consonant;
  }
}

bool is_silent(char32_t c) {
  switch (c) {
    case U' ':
    case U'\t':
    case U'\n':
    case U'.':
    case U',':
    case U'!':
    case U'?':
    case U':':
    case U';':
    case U'\'':
    case U'"':
    case U')':
    case U']':
    case U'}':
    case U'>':
    case U'\u2019':
    case U'\u201D':
    case U'\u300D':
    case U'\u300F':
    case U'\u300B':
    case U'\u3009':
    case U'\u3011':
    case U'\uFF09':
    case U'\u00B7':
    case U'\u2026':
      return true;
    default:
      return false;
  }
}

Final final_sound(std::string_view word) {
  std::vector<char32_t> chars;
  for (std::size_t i = 0; i < word.size();) {
    if (utf8_sequence_length(word, i) == 0) {
      ++i;
      chars.push_back(U'?');
      continue;
    }
    chars.push_back(decode_utf8_at(word, i));
  }
  auto end = chars.end();
  while (end != chars.begin() && is_silent(*(end - 1))) --end;
  if (end == chars.begin()) return Final::vowel;
  const char32_t c = *(end - 1);
  if (c >= kSBase && c < kSBase + kSCount) {
    const int jong = static_cast<int>((c - kSBase) % kTCount);
    return jong == 0 ? Final::vowel : (jong == 8 ? Final::rieul : Final::consonant);
  }
  if (c >= U'0' && c <= U'9') {
    auto start = end;
    while (start != chars.begin() && *(start - 1) >= U'0' && *(start - 1) <= U'9') --start;
    std::string digits;
    for (auto it = start; it != end; ++it) digits.push_back(static_cast<char>(*it));
    return number_final(digits);
  }
  const char32_t lower = (c >= U'A' && c <= U'Z') ? c - U'A' + U'a' : c;
  if (lower == U'l' || lower == U'r') return Final::rieul;      // 엘, 알
  if (lower == U'm' || lower == U'n') return Final::consonant;  // 엠, 엔
  return Final::vowel;
}

}  // namespace

std::string_view particle(std::string_view word, std::string_view pair) {
  const std::size_t slash = pair.find('/');
  if (slash == std::string_view::npos) return pair;
  const std::string_view after_consonant = pair.substr(0, slash);
  const std::string_view after_vowel = pair.substr(slash + 1);
  switch (final_sound(word)) {
    case Final::vowel:
      return after_vowel;
    case Final::rieul:
      return after_consonant == "으로" ? after_vowel : after_consonant;  // 서울로, 서울을
    case Final::consonant:
      return after_consonant;
  }
  return after_vowel;
}

std::string with_particle(std::string_view word, std::string_view pair) {
  std::string out(word);
  out += particle(word, pair);
  return out;
}

}  // namespace sotong
