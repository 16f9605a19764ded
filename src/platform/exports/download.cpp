// The download response: content type, RFC 6266/5987 file names, no caching.
#include <algorithm>
#include <utility>

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

constexpr std::string_view kCsvType = "text/csv; charset=utf-8";
constexpr std::string_view kXlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

bool is_letter(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/// The body as an attachment named base_name + extension (and its ASCII stand-in), never cached.
http::Response file_download(std::string body, std::string_view content_type, std::string_view extension,
                             std::string_view base_name, std::string_view ascii_name) {
  http::Response r;
  r.body = std::move(body);
  r.content_type = std::string(content_type);
  const std::string name = std::string(base_name) + std::string(extension);
  const std::string fallback =
      ascii_name.empty() ? std::string() : std::string(ascii_name) + std::string(extension);
  r.header("Content-Disposition", content_disposition(name, fallback));
  r.header("Cache-Control", "no-store");
  return r;
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
  if (format == Format::csv) return file_download(to_csv(table), kCsvType, ".csv", base_name, ascii_name);
  return file_download(to_xlsx(table), kXlsxType, ".xlsx", base_name, ascii_name);
}

http::Response download(const std::vector<Table>& tables, std::string_view base_name,
                        std::string_view ascii_name) {
  return file_download(to_xlsx(tables), kXlsxType, ".xlsx", base_name, ascii_name);
}

}  // namespace sotong::platform::exports
