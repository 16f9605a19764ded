#include "http/multipart.hpp"

#include <cctype>

#include "http/form.hpp"

namespace sotong::http {
namespace {

constexpr const char* kMalformed = "첨부파일 전송 형식(multipart/form-data)이 올바르지 않습니다.";

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view trim_ws(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

/// Header parameters: `form-data; name="files"; filename="a.pdf"` → {(name, files), (filename, a.pdf)}.
/// Quoted strings may hold ';' and backslash escapes. False when a quote is left open.
bool parse_params(std::string_view s, std::string& value,
                  std::vector<std::pair<std::string, std::string>>& out) {
  std::size_t i = 0;
  auto first = s.find(';');
  value = lower(trim_ws(s.substr(0, first)));
  if (first == std::string_view::npos) return true;
  i = first + 1;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == ';')) ++i;
    if (i >= s.size()) break;
    const auto eq = s.find('=', i);
    if (eq == std::string_view::npos) return false;
    std::string name = lower(trim_ws(s.substr(i, eq - i)));
    i = eq + 1;
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    std::string v;
    if (i < s.size() && s[i] == '"') {
      ++i;
      bool closed = false;
      while (i < s.size()) {
        if (s[i] == '\\' && i + 1 < s.size()) {
          v.push_back(s[i + 1]);
          i += 2;
        } else if (s[i] == '"') {
          closed = true;
          ++i;
          break;
        } else {
          v.push_back(s[i++]);
        }
      }
      if (!closed) return false;
    } else {
      const auto semi = s.find(';', i);
      v = std::string(
          trim_ws(s.substr(i, semi == std::string_view::npos ? std::string_view::npos : semi - i)));
      i = semi == std::string_view::npos ? s.size() : semi;
    }
    out.emplace_back(std::move(name), std::move(v));
  }
  return true;
}

const std::string* param(const std::vector<std::pair<std::string, std::string>>& ps, std::string_view name) {
  for (const auto& [k, v] : ps)
    if (k == name) return &v;
  return nullptr;
}

}  // namespace

std::optional<std::string> decode_ext_value(std::string_view value) {
  const auto q1 = value.find('\'');
  if (q1 == std::string_view::npos) return std::nullopt;
  const auto q2 = value.find('\'', q1 + 1);
  if (q2 == std::string_view::npos) return std::nullopt;
  const std::string charset = lower(value.substr(0, q1));
  if (charset != "utf-8" && charset != "iso-8859-1") return std::nullopt;
  std::string decoded;
  if (!percent_decode(value.substr(q2 + 1), decoded, false)) return std::nullopt;
  if (charset == "iso-8859-1") {
    std::string utf8;
    for (unsigned char c : decoded) {
      if (c < 0x80) {
        utf8.push_back(static_cast<char>(c));
      } else {
        utf8.push_back(static_cast<char>(0xC0 | (c >> 6)));
        utf8.push_back(static_cast<char>(0x80 | (c & 0x3F)));
      }
    }
    return utf8;
  }
  return decoded;
}

std::optional<std::string> Multipart::boundary_of(std::string_view content_type) {
  std::string type;
  std::vector<std::pair<std::string, std::string>> ps;
  if (!parse_params(content_type, type, ps) || type != "multipart/form-data") return std::nullopt;
  const std::string* b = param(ps, "boundary");
  if (!b || b->empty() || b->size() > 70) return std::nullopt;
  return *b;
}

Result<Multipart> Multipart::parse(std::string_view body, std::string_view boundary) {
  if (boundary.empty()) return Error::invalid(kMalformed);
  const std::string dash = "--" + std::string(boundary);
  const std::string delimiter = "\r\n" + dash;
  // The first boundary may start the body, or follow a preamble and a CRLF.
  std::size_t pos;
  if (body.substr(0, dash.size()) == dash) {
    pos = dash.size();
  } else {
    const auto at = body.find(delimiter);
    if (at == std::string_view::npos) return Error::invalid(kMalformed);
    pos = at + delimiter.size();
  }
  Multipart out;
  out.present_ = true;
  while (true) {
    // After a boundary: "--" closes the body, otherwise optional whitespace and a CRLF start a part.
    if (body.substr(pos, 2) == "--") return out;
    while (pos < body.size() && (body[pos] == ' ' || body[pos] == '\t')) ++pos;
    if (body.substr(pos, 2) != "\r\n") return Error::invalid(kMalformed);
    pos += 2;
    const auto headers_end = body.find("\r\n\r\n", pos);
    // A part without headers starts its content right away ("\r\n" after the boundary line).
    std::string_view headers;
    std::size_t content_start;
    if (body.substr(pos, 2) == "\r\n") {
      content_start = pos + 2;
    } else {
      if (headers_end == std::string_view::npos) return Error::invalid(kMalformed);
      headers = body.substr(pos, headers_end - pos);
      content_start = headers_end + 4;
    }
    const auto next = body.find(delimiter, content_start);
    if (next == std::string_view::npos) return Error::invalid(kMalformed);
    const std::string_view content = body.substr(content_start, next - content_start);
    pos = next + delimiter.size();

    std::string disposition_type, content_type;
    std::vector<std::pair<std::string, std::string>> params;
    bool has_disposition = false;
    std::size_t h = 0;
    while (h < headers.size()) {
      auto eol = headers.find("\r\n", h);
      if (eol == std::string_view::npos) eol = headers.size();
      const std::string_view line = headers.substr(h, eol - h);
      h = eol + 2;
      const auto colon = line.find(':');
      if (colon == std::string_view::npos) return Error::invalid(kMalformed);
      const std::string name = lower(trim_ws(line.substr(0, colon)));
      const std::string_view value = trim_ws(line.substr(colon + 1));
      if (name == "content-disposition") {
        if (!parse_params(value, disposition_type, params)) return Error::invalid(kMalformed);
        has_disposition = true;
      } else if (name == "content-type") {
        content_type = std::string(value);
      }
    }
    if (!has_disposition || disposition_type != "form-data") return Error::invalid(kMalformed);
    const std::string* field = param(params, "name");
    if (!field) return Error::invalid(kMalformed);
    const std::string* ext = param(params, "filename*");
    const std::string* plain = param(params, "filename");
    if (ext || plain) {
      MultipartFile f{*field, "", content_type, std::string(content)};
      if (ext) {
        auto decoded = decode_ext_value(*ext);
        if (!decoded) return Error::invalid("첨부파일 이름의 형식이 올바르지 않습니다.");
        f.file_name = std::move(*decoded);
      } else {
        f.file_name = *plain;
      }
      // A file input left empty sends a part with no name and no content: not a file.
      if (f.file_name.empty() && f.content.empty()) continue;
      out.files_.push_back(std::move(f));
    } else {
      out.fields_.emplace_back(*field, std::string(content));
    }
  }
}

std::string Multipart::get(std::string_view name) const {
  for (const auto& [k, v] : fields_)
    if (k == name) return v;
  return "";
}

}  // namespace sotong::http
