#include "platform/imports/xml_scanner.hpp"

#include "core/korean_text.hpp"

namespace sotong::platform::imports {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

std::string_view local_part(std::string_view qualified) {
  const auto colon = qualified.rfind(':');
  return colon == std::string_view::npos ? qualified : qualified.substr(colon + 1);
}

/// The characters XML 1.0 allows in a document (a reference to anything else is malformed).
bool is_xml_char(char32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0x10FFFF);
}

std::optional<char32_t> character_reference(std::string_view body) {
  // body is what stands between "&#" and ";": "233" or "xE9".
  int base = 10;
  if (!body.empty() && (body[0] == 'x' || body[0] == 'X')) {
    base = 16;
    body.remove_prefix(1);
  }
  if (body.empty() || body.size() > 8) return std::nullopt;  // eight digits already pass U+10FFFF
  char32_t value = 0;
  for (const char c : body) {
    int digit = -1;
    if (c >= '0' && c <= '9') digit = c - '0';
    if (base == 16 && c >= 'a' && c <= 'f') digit = c - 'a' + 10;
    if (base == 16 && c >= 'A' && c <= 'F') digit = c - 'A' + 10;
    if (digit < 0) return std::nullopt;
    value = value * base + static_cast<char32_t>(digit);
  }
  if (!is_xml_char(value)) return std::nullopt;
  return value;
}

/// Appends raw document text with XML's line-end normalisation (CR LF and a lone CR read as LF).
void append_normalised(std::string_view raw, std::string& out) {
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] != '\r') {
      out.push_back(raw[i]);
    } else if (i + 1 >= raw.size() || raw[i + 1] != '\n') {
      out.push_back('\n');
    }
  }
}
}  // namespace

XmlToken XmlScanner::fail(std::string why) {
  error_ = std::move(why);
  pos_ = doc_.size();
  depth_ = 0;
  XmlToken token;
  token.kind = XmlTokenKind::error;
  return token;
}

XmlToken XmlScanner::next() {
  while (pos_ < doc_.size()) {
    XmlToken token;
    if (doc_[pos_] != '<') {
      const auto end = doc_.find('<', pos_);
      token.kind = XmlTokenKind::text;
      token.raw_text = doc_.substr(pos_, end == std::string_view::npos ? std::string_view::npos : end - pos_);
      pos_ += token.raw_text.size();
      return token;
    }
    const std::string_view rest = doc_.substr(pos_);
    if (rest.starts_with("<?")) {  // the XML declaration or a processing instruction: nothing for us
      const auto end = rest.find("?>");
      if (end == std::string_view::npos) return fail("끝나지 않은 처리 지시문");
      pos_ += end + 2;
      continue;
    }
    if (rest.starts_with("<!--")) {
      const auto end = rest.find("-->", 4);
      if (end == std::string_view::npos) return fail("끝나지 않은 주석");
      pos_ += end + 3;
      continue;
    }
    if (rest.starts_with("<![CDATA[")) {
      const auto end = rest.find("]]>", 9);
      if (end == std::string_view::npos) return fail("끝나지 않은 CDATA");
      token.kind = XmlTokenKind::text;
      token.cdata = true;
      token.raw_text = rest.substr(9, end - 9);
      pos_ += end + 3;
      return token;
    }
    if (rest.starts_with("<!")) return fail("문서 형식 선언(DOCTYPE)은 허용되지 않습니다");

    const bool closing = rest.starts_with("</");
    std::size_t i = closing ? 2 : 1;
    const std::size_t name_start = i;
    while (i < rest.size() && !is_space(rest[i]) && rest[i] != '/' && rest[i] != '>' && rest[i] != '<') ++i;
    if (i == name_start) return fail("이름 없는 태그");
    token.name = local_part(rest.substr(name_start, i - name_start));
    // The tag ends at the first '>' outside a quoted attribute value.
    const std::size_t attributes_start = i;
    char quote = 0;
    for (; i < rest.size(); ++i) {
      const char c = rest[i];
      if (quote) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        break;
      } else if (c == '<') {
        return fail("태그 안의 '<'");
      }
    }
    if (i >= rest.size()) return fail("끝나지 않은 태그");
    std::size_t attributes_end = i;
    if (closing) {
      if (depth_ == 0) return fail("짝이 없는 닫는 태그");
      --depth_;
      token.kind = XmlTokenKind::end;
    } else {
      token.kind = XmlTokenKind::start;
      if (attributes_end > attributes_start && rest[attributes_end - 1] == '/') {
        token.self_closing = true;
        --attributes_end;
      }
      token.attributes = rest.substr(attributes_start, attributes_end - attributes_start);
      if (!token.self_closing) ++depth_;
    }
    pos_ += i + 1;
    return token;
  }
  // A document cut short (a damaged part) ends with elements still open.
  if (depth_ > 0) return fail("문서가 중간에 끝났습니다");
  return {};
}

bool append_decoded(std::string_view raw, std::string& out) {
  while (!raw.empty()) {
    const auto amp = raw.find('&');
    append_normalised(raw.substr(0, amp), out);
    if (amp == std::string_view::npos) return true;
    const auto semicolon = raw.find(';', amp);
    if (semicolon == std::string_view::npos || semicolon - amp > 12) return false;
    const std::string_view entity = raw.substr(amp + 1, semicolon - amp - 1);
    if (entity == "amp") {
      out.push_back('&');
    } else if (entity == "lt") {
      out.push_back('<');
    } else if (entity == "gt") {
      out.push_back('>');
    } else if (entity == "quot") {
      out.push_back('"');
    } else if (entity == "apos") {
      out.push_back('\'');
    } else if (entity.starts_with('#')) {
      const auto c = character_reference(entity.substr(1));
      if (!c) return false;
      append_utf8(*c, out);
    } else {
      return false;
    }
    raw.remove_prefix(semicolon + 1);
  }
  return true;
}

bool append_text(const XmlToken& token, std::string& out) {
  if (token.cdata) {
    append_normalised(token.raw_text, out);
    return true;
  }
  return append_decoded(token.raw_text, out);
}

std::optional<std::string> attribute(std::string_view attributes, std::string_view local_name,
                                     bool prefixed) {
  std::size_t i = 0;
  while (true) {
    while (i < attributes.size() && is_space(attributes[i])) ++i;
    if (i >= attributes.size()) return std::nullopt;
    const std::size_t name_start = i;
    while (i < attributes.size() && !is_space(attributes[i]) && attributes[i] != '=') ++i;
    const std::string_view name = attributes.substr(name_start, i - name_start);
    while (i < attributes.size() && is_space(attributes[i])) ++i;
    if (i >= attributes.size() || attributes[i] != '=') return std::nullopt;
    ++i;
    while (i < attributes.size() && is_space(attributes[i])) ++i;
    if (i >= attributes.size() || (attributes[i] != '"' && attributes[i] != '\'')) return std::nullopt;
    const char quote = attributes[i++];
    const auto end = attributes.find(quote, i);
    if (end == std::string_view::npos) return std::nullopt;
    const std::string_view raw = attributes.substr(i, end - i);
    i = end + 1;
    const bool has_prefix = name.find(':') != std::string_view::npos;
    if (local_part(name) == local_name && (!prefixed || has_prefix)) {
      std::string value;
      if (!append_decoded(raw, value)) return std::nullopt;
      return value;
    }
  }
}

}  // namespace sotong::platform::imports
