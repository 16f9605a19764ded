// CSV for Excel: BOM, CRLF, RFC 4180 quoting, and the formula-injection guard.
#include <charconv>

#include "platform/exports/exports.hpp"

namespace sotong::platform::exports {
namespace {

bool starts_formula(std::string_view cell) {
  if (cell.empty()) return false;
  switch (cell.front()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
      return true;
    default:
      return false;
  }
}

void append_cell(std::string& out, std::string_view cell, ColumnKind kind) {
  std::string guarded;
  if (starts_formula(cell) && !(kind == ColumnKind::number && parse_number(cell))) {
    guarded.reserve(cell.size() + 1);
    guarded.push_back('\'');
    guarded.append(cell);
    cell = guarded;
  }
  if (cell.find_first_of(",\"\r\n") == std::string_view::npos) {
    out.append(cell);
    return;
  }
  out.push_back('"');
  for (const char c : cell) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}
}  // namespace

std::optional<double> parse_number(std::string_view text) {
  // -?(digits | 1-3 digits (,3 digits)+) (.digits)?
  std::string plain;
  std::size_t i = 0;
  auto digit = [&](std::size_t at) { return at < text.size() && text[at] >= '0' && text[at] <= '9'; };
  if (i < text.size() && text[i] == '-') plain.push_back(text[i++]);
  std::size_t run = 0;
  while (digit(i)) plain.push_back(text[i++]), ++run;
  if (run == 0) return std::nullopt;
  if (i < text.size() && text[i] == ',') {
    if (run > 3) return std::nullopt;
    while (i < text.size() && text[i] == ',') {
      ++i;
      for (int k = 0; k < 3; ++k) {
        if (!digit(i)) return std::nullopt;
        plain.push_back(text[i++]);
      }
    }
    if (digit(i)) return std::nullopt;
  }
  if (i < text.size() && text[i] == '.') {
    plain.push_back(text[i++]);
    if (!digit(i)) return std::nullopt;
    while (digit(i)) plain.push_back(text[i++]);
  }
  if (i != text.size()) return std::nullopt;
  double value = 0;
  auto [end, ec] = std::from_chars(plain.data(), plain.data() + plain.size(), value);
  if (ec != std::errc{} || end != plain.data() + plain.size()) return std::nullopt;
  return value;
}

std::string to_csv(const Table& table) {
  std::string out = "\xEF\xBB\xBF";
  const std::size_t width = table.columns.size();
  for (std::size_t c = 0; c < width; ++c) {
    if (c) out.push_back(',');
    append_cell(out, table.columns[c].header, ColumnKind::text);
  }
  out.append("\r\n");
  for (const auto& row : table.rows) {
    for (std::size_t c = 0; c < width; ++c) {
      if (c) out.push_back(',');
      if (c < row.size()) append_cell(out, row[c], table.columns[c].kind);
    }
    out.append("\r\n");
  }
  return out;
}

}  // namespace sotong::platform::exports
