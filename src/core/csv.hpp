// Reading RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF, an optional UTF-8 BOM).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace sotong {

using CsvRow = std::vector<std::string>;

/// Hands each row to `each` in order, reusing one row's storage (the row is only valid during the call): for
/// files of millions of rows. `each` returns false to stop. Same rules as parse_csv.
void each_csv_row(std::string_view text, const std::function<bool(CsvRow&)>& each);

/// Parses the whole text into rows; an unterminated quote ends the text as if closed.
std::vector<CsvRow> parse_csv(std::string_view text);

}  // namespace sotong
