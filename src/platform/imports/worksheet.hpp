// The XML of a worksheet and of its shared strings (SpreadsheetML) read into text, with no archive around
// them: what the .xlsx reader does once it has unpacked the parts.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/csv.hpp"
#include "core/result.hpp"

namespace sotong::platform::imports {

/// xl/sharedStrings.xml: each <si>'s text, its rich-text runs joined, phonetic guides (<rPh>) left out.
/// The error's message is the reason alone (the caller says which file).
Result<std::vector<std::string>> parse_shared_strings(std::string_view xml);

/// A worksheet's <sheetData>: each value at the row and column its reference (A1, AB12) names, "" in the
/// gaps before it, numbers as written in <v>, booleans as TRUE/FALSE, errors as their text (#DIV/0!),
/// formulas as their last result. Refused past `max_cells` cells, past Excel's 1,048,576 rows or 16,384
/// columns, or on malformed XML.
Result<std::vector<CsvRow>> parse_worksheet(std::string_view xml, const std::vector<std::string>& shared,
                                            std::size_t max_cells);

/// Text with SpreadsheetML's escapes of characters XML cannot carry (_x000D_ for CR, _x005F_ for '_')
/// turned back into the characters.
std::string unescape_cell_text(std::string_view text);

}  // namespace sotong::platform::imports
