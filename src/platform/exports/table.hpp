// A list as it is exported: a title, typed columns and rows of display text, written as CSV or XLSX.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sotong::platform::exports {

enum class ColumnKind { text, number, date };

struct Column {
  std::string header;  // Korean, as on screen
  int width = 0;       // in Excel character units (a Hangul syllable takes about 2); 0: fit the content
  ColumnKind kind = ColumnKind::text;
};

struct Table {
  std::string title;  // "기관 목록"; also the worksheet's name
  std::vector<Column> columns;
  std::vector<std::vector<std::string>> rows;  // display text; numbers as "1234" or "1,234", dates as
                                               // "2026-11-25" or "2026-11-25 14:03"
};

enum class Format { csv, xlsx };

/// "csv" or "xlsx" → the format; nullopt for anything else.
std::optional<Format> format_from_code(std::string_view code);
std::string_view format_code(Format format);
/// "CSV" or "엑셀", for messages and the access log.
std::string_view format_label(Format format);

}  // namespace sotong::platform::exports
