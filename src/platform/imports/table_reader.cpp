#include "platform/imports/table_reader.hpp"

#include <algorithm>
#include <cctype>
#include <string>

#include "platform/imports/text_encoding.hpp"
#include "platform/imports/xlsx_reader.hpp"

namespace sotong::platform::imports {
namespace {

constexpr std::string_view kZipSignature = "PK\x03\x04";
// An OLE compound file: Excel 97-2003 (.xls), and also what Excel makes of an .xlsx saved with a password.
constexpr std::string_view kCompoundFileSignature = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

bool ends_with_ignoring_case(std::string_view text, std::string_view suffix) {
  if (text.size() < suffix.size()) return false;
  return std::equal(suffix.begin(), suffix.end(), text.end() - static_cast<std::ptrdiff_t>(suffix.size()),
                    [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; });
}

/// Trailing empty rows dropped and every row padded to the widest, so an importer can read a column by the
/// header's position without a bounds check; refused when the padded table passes the cell limit.
Result<std::vector<CsvRow>> squared(std::vector<CsvRow> rows, std::size_t max_cells) {
  const auto blank = [](const CsvRow& row) {
    return std::all_of(row.begin(), row.end(), [](const std::string& cell) { return cell.empty(); });
  };
  while (!rows.empty() && blank(rows.back())) rows.pop_back();
  std::size_t width = 0;
  for (const auto& row : rows) width = std::max(width, row.size());
  if (width > 0 && rows.size() > max_cells / width) {
    return Error::invalid("표가 너무 큽니다: 칸(행 × 열)이 " + std::to_string(max_cells) +
                          "개를 넘습니다. 파일을 나누어 올려 주세요.");
  }
  for (auto& row : rows) row.resize(width);
  return rows;
}
}  // namespace

Result<std::vector<CsvRow>> read_table(std::string_view bytes, std::string_view file_name,
                                       const ReadLimits& limits) {
  if (bytes.starts_with(kCompoundFileSignature)) {
    return Error::invalid(
        "엑셀 파일을 읽을 수 없습니다: 암호가 걸려 있거나 Excel 97-2003(.xls) 형식입니다. 암호를 풀고 "
        "Excel 통합 문서(.xlsx) 또는 CSV로 저장해 주세요.");
  }
  if (bytes.starts_with(kZipSignature) || ends_with_ignoring_case(file_name, ".xlsx")) {
    auto rows = read_first_sheet(bytes, limits);
    if (!rows) return rows.error();
    return squared(std::move(*rows), limits.max_cells);
  }
  const auto text = text_as_utf8(bytes);
  if (!text) {
    return Error::invalid("파일의 문자 인코딩을 알 수 없습니다. UTF-8 또는 EUC-KR(CP949)로 저장해 주세요.");
  }
  return squared(parse_csv(*text), limits.max_cells);
}

}  // namespace sotong::platform::imports
