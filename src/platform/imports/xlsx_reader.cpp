// Finding the parts of the workbook: xl/workbook.xml lists the sheets in tab order, each with a relationship
// id; xl/_rels/workbook.xml.rels maps that id to the part's path. Files written by other programs may name
// the parts differently, so the path is always looked up, with xl/worksheets/sheet1.xml only as a fallback.
#include "platform/imports/xlsx_reader.hpp"

#include <optional>
#include <string>

#include "platform/imports/worksheet.hpp"
#include "platform/imports/xml_scanner.hpp"
#include "platform/imports/zip_archive.hpp"

namespace sotong::platform::imports {
namespace {

constexpr std::string_view kWorkbook = "xl/workbook.xml";
constexpr std::string_view kWorkbookRelations = "xl/_rels/workbook.xml.rels";
constexpr std::string_view kFirstSheetFallback = "xl/worksheets/sheet1.xml";
constexpr std::string_view kSharedStrings = "xl/sharedStrings.xml";

Error unreadable(std::string_view why) {
  return Error::invalid("엑셀 파일을 읽을 수 없습니다: " + std::string(why));
}

/// The first start tag named `element` whose attributes satisfy `accept`, as its attributes; nullopt when
/// there is none or the XML is malformed.
template <typename Accept>
std::optional<std::string_view> find_element(std::string_view xml, std::string_view element, Accept accept) {
  XmlScanner scanner(xml);
  for (XmlToken token = scanner.next(); token.kind != XmlTokenKind::done; token = scanner.next()) {
    if (token.kind == XmlTokenKind::error) return std::nullopt;
    if (token.kind == XmlTokenKind::start && token.name == element && accept(token.attributes)) {
      return token.attributes;
    }
  }
  return std::nullopt;
}

/// A relationship target ("worksheets/sheet1.xml", "/xl/worksheets/sheet1.xml", "../xl/…") as the path of
/// the entry in the archive; relative targets are relative to xl/.
std::string resolve_target(std::string_view target) {
  std::vector<std::string_view> parts;
  if (!target.starts_with('/')) parts = {"xl"};
  while (!target.empty()) {
    const auto slash = target.find('/');
    const std::string_view part = target.substr(0, slash);
    target = slash == std::string_view::npos ? std::string_view() : target.substr(slash + 1);
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
  }
  std::string path;
  for (const auto part : parts) path += (path.empty() ? "" : "/") + std::string(part);
  return path;
}

/// The path of the first sheet in tab order; the fallback when the workbook does not say.
Result<std::string> first_sheet_path(const ZipArchive& archive, const ReadLimits& limits) {
  const bool has_fallback = archive.contains(kFirstSheetFallback);
  if (!archive.contains(kWorkbook)) {
    if (has_fallback) return std::string(kFirstSheetFallback);
    return unreadable("통합 문서(xl/workbook.xml)가 없습니다. .xlsx 형식의 엑셀 파일인지 확인해 주세요.");
  }
  auto workbook = archive.read(kWorkbook, limits.max_entry_bytes);
  if (!workbook) return unreadable(workbook.error().message);
  std::optional<std::string> id;
  find_element(*workbook, "sheet", [&](std::string_view attributes) {
    id = attribute(attributes, "id", true);
    return true;
  });
  if (id && archive.contains(kWorkbookRelations)) {
    auto relations = archive.read(kWorkbookRelations, limits.max_entry_bytes);
    if (!relations) return unreadable(relations.error().message);
    const auto found = find_element(*relations, "Relationship", [&](std::string_view attributes) {
      return attribute(attributes, "Id") == id;
    });
    if (found) {
      if (const auto target = attribute(*found, "Target")) {
        std::string path = resolve_target(*target);
        if (archive.contains(path)) return path;
      }
    }
  }
  if (has_fallback) return std::string(kFirstSheetFallback);
  return unreadable("첫 번째 시트를 찾을 수 없습니다.");
}
}  // namespace

Result<std::vector<CsvRow>> read_first_sheet(std::string_view xlsx_bytes, const ReadLimits& limits) {
  auto archive = ZipArchive::open(xlsx_bytes);
  if (!archive) return unreadable(archive.error().message);
  auto sheet_path = first_sheet_path(*archive, limits);
  if (!sheet_path) return sheet_path.error();

  std::vector<std::string> shared;
  if (archive->contains(kSharedStrings)) {
    auto xml = archive->read(kSharedStrings, limits.max_entry_bytes);
    if (!xml) return unreadable(xml.error().message);
    auto strings = parse_shared_strings(*xml);
    if (!strings) return unreadable("공유 문자열 목록의 " + strings.error().message);
    shared = std::move(*strings);
  }
  auto xml = archive->read(*sheet_path, limits.max_entry_bytes);
  if (!xml) return unreadable(xml.error().message);
  auto rows = parse_worksheet(*xml, shared, limits.max_cells);
  if (!rows) return unreadable("첫 번째 시트의 " + rows.error().message);
  return rows;
}

}  // namespace sotong::platform::imports
