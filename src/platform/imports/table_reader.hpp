// Reading an uploaded table (CSV or XLSX) into rows of UTF-8 text, for modules that import data: survey
// answers, audit data sets. The format is told by the content, the encoding of a CSV file is detected, and
// every failure is a Korean message the uploader can act on.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "core/csv.hpp"
#include "core/result.hpp"

namespace sotong::platform::imports {

struct ReadLimits {
  /// The most one part of an .xlsx file may unpack to (a zip bomb is refused, not unpacked).
  std::size_t max_entry_bytes = std::size_t{512} * 1024 * 1024;
  /// The most cells the table may have once every row is padded to the widest (about 1.6 GB of empty
  /// strings at worst); a sparse sheet cannot make the server allocate more.
  std::size_t max_cells = 50'000'000;
};

/// The rows of the table: an .xlsx workbook's first sheet when the bytes start with a ZIP signature (or the
/// name ends in .xlsx), otherwise CSV in UTF-8 (with or without a BOM) or CP949/EUC-KR. Every row is padded
/// with "" to the widest row, empty rows between data rows are kept and trailing empty rows dropped.
/// ErrorCode::invalid_input with a Korean message when the file cannot be read.
Result<std::vector<CsvRow>> read_table(std::string_view bytes, std::string_view file_name,
                                       const ReadLimits& limits = {});

}  // namespace sotong::platform::imports
