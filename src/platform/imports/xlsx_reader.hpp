// The first worksheet of an .xlsx workbook as rows of text: shared and inline strings, numbers as written,
// booleans as TRUE/FALSE, each cell in the column its reference names.
#pragma once

#include <string_view>
#include <vector>

#include "core/csv.hpp"
#include "core/result.hpp"
#include "platform/imports/table_reader.hpp"

namespace sotong::platform::imports {

/// Rows as the sheet has them: gaps between cells filled with "", rows without a value in between kept
/// empty, nothing after the last value. Refused ("엑셀 파일을 읽을 수 없습니다: …") when the archive or a
/// part is damaged, encrypted, not a workbook, or over the limits.
Result<std::vector<CsvRow>> read_first_sheet(std::string_view xlsx_bytes, const ReadLimits& limits);

}  // namespace sotong::platform::imports
