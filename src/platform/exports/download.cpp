// The download response: content type, RFC 6266/5987 file names, no caching.
#include <algorithm>

#include "platform/exports/exports.hpp"

namespace sotong::platform::exports {
namespace {

bool is_attr_char(unsigned char c) {
  // RFC 5987 attr-char: ALPHA / DIGIT / "!" / "#" / "$" / "&" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~"
  if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) return true;
  switch (c) {
    case '!':
    case '#':
    case '$':
    case '&':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~':
      return true;
    default:
      return false;
  }
}

std::string rfc5987(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (is_attr_char(c)) {
      out.push_back(ch);
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

bool is_letter(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}
}  // namespace

std::string ascii_file_name(std::string_view file_name) {
  std::string_view stem = file_name, extension;
  if (const auto dot = file_name.rfind('.'); dot != std::string_view::npos && dot > 0) {
    stem = file_name.substr(0, dot);
    extension = file_name.substr(dot);
  }
  std::string out;
  for (const char ch : stem) {
    const bool keep = is_letter(ch) || (ch >= '0' && ch <= '9') || ch == '.' || ch == '-' || ch == '_';
    if (keep) {
      out.push_back(ch);
    } else if (out.empty() || out.back() != '_') {
      out.push_back('_');
    }
  }
  const auto first = out.find_first_not_of("_-.");
  const auto last = out.find_last_not_of("_-.");
  out = first == std::string::npos ? "" : out.substr(first, last - first + 1);
  if (std::none_of(out.begin(), out.end(), is_letter)) out = out.empty() ? "export" : "export-" + out;
  std::string ext;
  for (const char ch : extension) {
    if (is_letter(ch) || (ch >= '0' && ch <= '9') || ch == '.') ext.push_back(ch);
  }
  return out + ext;
}

std::string content_disposition(std::string_view file_name, std::string_view ascii_fallback) {
  std::string fallback = ascii_file_name(ascii_fallback.empty() ? file_name : ascii_fallback);
  return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + rfc5987(file_name);
}

http::Response download(const Table& table, Format format, std::string_view base_name,
                        std::string_view ascii_name) {
  http::Response r;
  std::string extension;
  if (format == Format::csv) {
    r.body = to_csv(table);
    r.content_type = "text/csv; charset=utf-8";
    extension = ".csv";
  } else {
    r.body = to_xlsx(table);
    r.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    extension = ".xlsx";
  }
  const std::string name = std::string(base_name) + extension;
  const std::string fallback = ascii_name.empty() ? std::string() : std::string(ascii_name) + extension;
  r.header("Content-Disposition", content_disposition(name, fallback));
  r.header("Cache-Control", "no-store");
  return r;
}

}  // namespace sotong::platform::exports
