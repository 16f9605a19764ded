// Writing a Table as CSV (Excel-friendly UTF-8) or XLSX, and answering it as a download.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/response.hpp"
#include "platform/exports/table.hpp"

namespace sotong::platform::exports {

/// RFC 4180 CSV: UTF-8 with a BOM (so Excel reads Korean), CRLF line ends, quotes where needed, and a
/// leading apostrophe on any cell starting with = + - @ TAB or CR (formula injection), except a plain
/// number in a number column.
std::string to_csv(const Table& table);

/// An .xlsx workbook with one sheet named after the title: a bold, filled, bordered header row, frozen
/// under an autofilter; column widths from the columns; numbers and dates as real cells.
/// Throws std::runtime_error when libxlsxwriter or the temporary file fails (an I/O fault).
std::string to_xlsx(const Table& table);

/// An .xlsx workbook with one sheet per table, in order, each written as to_xlsx writes one; a name that an
/// earlier sheet already has (sheet_name, compared without regard to case) gets " (2)", " (3)" … The
/// document's title is the first table's. Throws std::invalid_argument for no tables, and as to_xlsx does.
std::string to_xlsx(const std::vector<Table>& tables);

/// The file as a download: the right content type, Content-Disposition with an ASCII fallback name and
/// the Korean name (RFC 6266/5987), Cache-Control: no-store. `base_name` has no extension;
/// `ascii_name`, when given, is the fallback's stem (otherwise derived from base_name).
http::Response download(const Table& table, Format format, std::string_view base_name,
                        std::string_view ascii_name = {});

/// Several tables as one .xlsx download (one sheet each), named as the single-table download is.
http::Response download(const std::vector<Table>& tables, std::string_view base_name,
                        std::string_view ascii_name = {});

/// `attachment; filename="<ascii>"; filename*=UTF-8''<percent-encoded name>`.
std::string content_disposition(std::string_view file_name, std::string_view ascii_fallback = {});

/// The ASCII stand-in for a file name: letters, digits, . - _ kept, the rest folded into '_'; "export…"
/// when no letter is left. Keeps the extension.
std::string ascii_file_name(std::string_view file_name);

/// A valid Excel sheet name: [ ] : * ? / \ replaced, no apostrophe at either end, at most 31 characters,
/// "Sheet1" when nothing is left.
std::string sheet_name(std::string_view title);

/// A number cell's value ("-1,234.5" → -1234.5); nullopt unless the whole text is a plain number.
std::optional<double> parse_number(std::string_view text);

}  // namespace sotong::platform::exports
