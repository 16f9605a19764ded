// Reading RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF, an optional UTF-8 BOM).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sotong {

using CsvRow = std::vector<std::string>;

/// Parses the whole text into rows; an unterminated quote ends the text as if closed.
std::vector<CsvRow> parse_csv(std::string_view text);

}  // namespace sotong
