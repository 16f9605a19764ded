#include "core/csv.hpp"

namespace sotong {

void each_csv_row(std::string_view text, const std::function<bool(CsvRow&)>& each) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // Excel writes a BOM
  // One row's fields are reused from row to row: a file of millions of rows allocates as much as its widest
  // row, not as much as the file.
  CsvRow row;
  std::size_t width = 0;
  bool quoted = false, any = false;
  auto field = [&]() -> std::string& {
    if (width == row.size()) row.emplace_back();
    return row[width];
  };
  auto end_field = [&] {
    field();  // makes sure an empty last field exists
    ++width;
    if (width < row.size()) row[width].clear();
  };
  auto end_row = [&] {
    end_field();
    row.resize(width);
    const bool go_on = each(row);
    width = 0;
    if (!row.empty()) row[0].clear();
    any = false;
    return go_on;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field().push_back('"');
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field().push_back(c);
      }
      continue;
    }
    any = true;
    if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      end_field();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      if (!end_row()) return;
    } else {
      // Runs of plain bytes are copied at once rather than byte by byte.
      std::size_t j = i + 1;
      while (j < text.size() && text[j] != ',' && text[j] != '"' && text[j] != '\n' && text[j] != '\r') ++j;
      field().append(text.substr(i, j - i));
      i = j - 1;
    }
  }
  if (any || quoted || width > 0 || (!row.empty() && !row[0].empty())) end_row();
}

std::vector<CsvRow> parse_csv(std::string_view text) {
  std::vector<CsvRow> rows;
  each_csv_row(text, [&](CsvRow& row) {
    rows.push_back(row);
    return true;
  });
  return rows;
}

}  // namespace sotong
