// Importing a source file (CSV text, or rows read from a workbook elsewhere) into a data set: all rows or
// none.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "modules/audit/linkage/column.hpp"
#include "modules/audit/linkage/data_set.hpp"
#include "modules/audit/linkage/person_hasher.hpp"

namespace sotong::audit::linkage {

/// One column to take from the file: the header as written there (spaces around it and a BOM ignored), the
/// column's name in the data set and its kind.
struct ColumnMapping {
  std::string source_header;
  std::string name;
  ColumnKind kind = ColumnKind::text;
};

struct ImportLimits {
  std::size_t max_rows = 50'000'000;
  /// Text arenas index rows with 32-bit offsets, so a file over 4 GiB is refused whatever this says.
  std::size_t max_bytes = 3'000'000'000;
  /// Threads for a file without any quote character (its rows then split cleanly at line ends); the result
  /// is the same with one thread.
  unsigned threads = 2;
  /// Smaller files are read on one thread: starting a thread costs more than it saves.
  std::size_t parallel_min_bytes = 4U << 20U;
};

struct ImportOutcome {
  DataSet data;
  /// Per column of `data`, in order: how many rows had it empty (a missing date, amount or person).
  std::vector<std::uint32_t> missing;
};

/// The rows of `utf8_csv` (RFC 4180: the first line is the header; quoted fields with commas, doubled quotes
/// and line breaks; LF or CRLF; an optional UTF-8 BOM) in the mapped columns. Unmapped columns are skipped,
/// values are trimmed of spaces, a completely empty line is skipped; resident numbers are hashed and never
/// kept. Errors (invalid_input): a mapped header missing or mapped twice, or any bad row (wrong number of
/// fields, a bad date, amount or resident number) — then the message names the first 20 problems with their
/// row numbers as a spreadsheet shows them (the header is row 1) and the total, never a resident number.
/// too_large when the file has more bytes or rows than the limits allow.
Result<ImportOutcome> import_csv(std::string_view utf8_csv, const std::vector<ColumnMapping>& mappings,
                                 const PersonHasher& hasher, const ImportLimits& limits = {});

/// The same for a table that arrives as rows (an .xlsx read elsewhere): rows[0] is the header, and every
/// other row must have as many cells. Same checks and messages.
Result<ImportOutcome> import_rows(const std::vector<std::vector<std::string>>& rows,
                                  const std::vector<ColumnMapping>& mappings, const PersonHasher& hasher,
                                  const ImportLimits& limits = {});

struct Preview {
  std::vector<std::string> headers;
  std::vector<std::vector<std::string>> rows;
};

/// The headers and the first `max_rows` rows of the text as they are written, for the mapping screen; every
/// value that looks like a resident number is masked ("900101-1******"). Fails only on an empty text.
Result<Preview> preview_csv(std::string_view utf8_csv, std::size_t max_rows);

}  // namespace sotong::audit::linkage
