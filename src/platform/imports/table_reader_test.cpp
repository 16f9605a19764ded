// Uploaded tables as people make them: CSV from Excel in UTF-8 or CP949, the platform's own .xlsx exports,
// workbooks laid out by other programs, and files that must be refused with a Korean message.
#include "platform/imports/table_reader.hpp"

#include <gtest/gtest.h>
#include <unistd.h>
#include <zip.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <utility>

#include "platform/exports/exports.hpp"

namespace sotong::platform::imports {
namespace {

using Rows = std::vector<CsvRow>;
using Entries = std::vector<std::pair<std::string, std::string>>;

constexpr std::string_view kUnknownEncoding =
    "파일의 문자 인코딩을 알 수 없습니다. UTF-8 또는 EUC-KR(CP949)로 저장해 주세요.";
constexpr std::string_view kUnreadableXlsx = "엑셀 파일을 읽을 수 없습니다: ";

/// A ZIP archive holding the entries, written by libzip (stored in a temporary file, as libzip writes).
std::string make_zip(const Entries& entries, bool encrypt = false) {
  static int counter = 0;
  const auto path =
      std::filesystem::temp_directory_path() /
      ("sotong-import-test-" + std::to_string(::getpid()) + "-" + std::to_string(++counter) + ".zip");
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  if (!archive) throw std::runtime_error("zip_open failed");
  for (const auto& [name, content] : entries) {
    zip_source_t* source = zip_source_buffer(archive, content.data(), content.size(), 0);
    const zip_int64_t index = zip_file_add(archive, name.c_str(), source, ZIP_FL_ENC_UTF_8);
    if (index < 0) throw std::runtime_error("zip_file_add failed");
    if (encrypt &&
        zip_file_set_encryption(archive, static_cast<zip_uint64_t>(index), ZIP_EM_AES_256, "secret") != 0) {
      zip_discard(archive);
      return {};
    }
  }
  if (zip_close(archive) != 0) throw std::runtime_error("zip_close failed");
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  std::filesystem::remove(path);
  return std::move(bytes).str();
}

std::string worksheet(std::string_view rows) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet "
         "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" +
         std::string(rows) + "</sheetData></worksheet>";
}

std::string inline_cell(std::string_view text) {
  return "<c t=\"inlineStr\"><is><t>" + std::string(text) + "</t></is></c>";
}

void expect_refused(const Result<Rows>& result, std::string_view message_start) {
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, ErrorCode::invalid_input);
  EXPECT_TRUE(result.error().message.starts_with(message_start)) << result.error().message;
}

TEST(ImportsCsv, ReadsUtf8WithABom) {
  auto rows = read_table("\xEF\xBB\xBF기관코드,기관명\r\n52110,\"전주시, 완산구\"\r\n", "기관.csv");
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  EXPECT_EQ(*rows, (Rows{{"기관코드", "기관명"}, {"52110", "전주시, 완산구"}}));
}

TEST(ImportsCsv, PadsRowsToTheWidestAndDropsTrailingEmptyRows) {
  auto rows = read_table("a,b,c\n1\n\n2,3\n\n,,\n", "x.csv");
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  EXPECT_EQ(*rows, (Rows{{"a", "b", "c"}, {"1", "", ""}, {"", "", ""}, {"2", "3", ""}}));
  auto empty = read_table("\xEF\xBB\xBF", "empty.csv");
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->empty());
}

TEST(ImportsCsv, DecodesCp949) {
  // "전주,군산" and "똠방" (a syllable only CP949 has, beyond EUC-KR), as Excel saves CSV on Korean Windows.
  auto rows = read_table("\xC0\xFC\xC1\xD6,\xB1\xBA\xBB\xEA\r\n\x8C\x63\xB9\xE6,\"a,b\"\r\n", "회신.csv");
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  EXPECT_EQ(*rows, (Rows{{"전주", "군산"}, {"똠방", "a,b"}}));
}

TEST(ImportsCsv, RefusesTextInAnUnknownEncoding) {
  using namespace std::string_literals;
  // A byte CP949 never uses, a lead byte cut off at the end, UTF-16 text, a binary file with NUL bytes.
  for (const std::string& bytes : {"a,\xFF\xFE"s, "a,b\n\xC0"s,
                                   "\xFF\xFE"
                                   "a\0,\0b\0"s,
                                   "\x89PNG\r\n\x1A\n\0\0"s}) {
    auto rows = read_table(bytes, "x.csv");
    expect_refused(rows, kUnknownEncoding);
    if (!rows.ok()) {
      EXPECT_EQ(rows.error().message, kUnknownEncoding);
    }
  }
}

TEST(ImportsXlsx, ReadsBackTheWorkbookThePlatformExports) {
  using exports::ColumnKind;
  const exports::Table table{"응답 목록",
                             {{"기관코드"}, {"기관명"}, {"인원", 0, ColumnKind::number}, {"비고"}},
                             {{"52110", "전주시", "1234", ""},
                              {"52130", "", "-5.5", "비고 & <메모> \"따옴표\""},
                              {"", "", "", ""},
                              {"52140", "익산시", "1,234,567", "줄\n바꿈"}}};
  auto rows = read_table(exports::to_xlsx(table), "응답.xlsx");
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  EXPECT_EQ(*rows, (Rows{{"기관코드", "기관명", "인원", "비고"},
                         {"52110", "전주시", "1234", ""},
                         {"52130", "", "-5.5", "비고 & <메모> \"따옴표\""},
                         {"", "", "", ""},
                         {"52140", "익산시", "1234567", "줄\n바꿈"}}));
}

TEST(ImportsXlsx, FindsTheFirstSheetThroughTheWorkbookAndItsRelationships) {
  const std::string workbook =
      "<workbook xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
      "<sheet name=\"목록\" sheetId=\"2\" r:id=\"rId7\"/><sheet name=\"다른 시트\" sheetId=\"1\" "
      "r:id=\"rId1\"/>"
      "</sheets></workbook>";
  const std::string relations =
      "<Relationships><Relationship Id=\"rId1\" Type=\"worksheet\" Target=\"worksheets/sheet1.xml\"/>"
      "<Relationship Id=\"rId7\" Type=\"worksheet\" Target=\"/xl/worksheets/data.xml\"/></Relationships>";
  const std::string shared =
      "<sst><si><t>공유</t></si><si><r><t>서식 </t></r><r><t>있는 글</t></r></si></sst>";
  const std::string xlsx = make_zip(
      {{"xl/workbook.xml", workbook},
       {"xl/_rels/workbook.xml.rels", relations},
       {"xl/sharedStrings.xml", shared},
       {"xl/worksheets/sheet1.xml", worksheet("<row>" + inline_cell("두 번째 시트") + "</row>")},
       {"xl/worksheets/data.xml",
        worksheet("<row r=\"2\"><c r=\"B2\" t=\"s\"><v>1</v></c><c r=\"C2\" t=\"b\"><v>1</v></c></row>"
                  "<row r=\"4\"><c r=\"A4\" t=\"s\"><v>0</v></c>" +
                  std::string("<c r=\"C4\" t=\"inlineStr\"><is><t>&#51204;&#xC8FC; &amp; 군산</t></is></c>") +
                  "</row><row r=\"5\"><c r=\"A5\" s=\"3\"/></row>")}});
  auto rows = read_table(xlsx, "upload.bin");  // the signature, not the name, says it is a workbook
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  EXPECT_EQ(*rows,
            (Rows{{"", "", ""}, {"", "서식 있는 글", "TRUE"}, {"", "", ""}, {"공유", "", "전주 & 군산"}}));
}

TEST(ImportsXlsx, FallsBackToSheet1WithoutAWorkbookPart) {
  const std::string xlsx = make_zip(
      {{"xl/worksheets/sheet1.xml", worksheet("<row>" + inline_cell("하나") + "<c><v>2</v></c></row>")}});
  auto rows = read_table(xlsx, "a.xlsx");
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  EXPECT_EQ(*rows, (Rows{{"하나", "2"}}));
}

TEST(ImportsXlsx, RefusesAZipThatIsNotAWorkbook) {
  expect_refused(read_table(make_zip({{"hello.txt", "안녕하세요"}}), "hello.zip"), kUnreadableXlsx);
  expect_refused(
      read_table(make_zip({{"xl/worksheets/sheet1.xml", "<worksheet><sheetData><row><c r=\"A1\"><v>1"}}),
                 "broken.xlsx"),
      kUnreadableXlsx);
}

TEST(ImportsXlsx, RefusesATruncatedOrMislabelledFile) {
  const std::string xlsx = exports::to_xlsx(exports::Table{"목록", {{"이름"}}, {{"전주시"}}});
  ASSERT_TRUE(read_table(xlsx, "a.xlsx").ok());
  expect_refused(read_table(xlsx.substr(0, xlsx.size() / 2), "a.xlsx"), kUnreadableXlsx);
  expect_refused(read_table(xlsx.substr(0, xlsx.size() - 10), "a.xlsx"), kUnreadableXlsx);
  expect_refused(read_table("이름\n전주시\n", "a.xlsx"), kUnreadableXlsx);  // a CSV renamed to .xlsx
}

TEST(ImportsXlsx, RefusesEncryptedAndOldExcelFiles) {
  // Excel saves a workbook with a password, like an Excel 97-2003 file, as an OLE compound file.
  expect_refused(
      read_table(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(504, '\0'), "a.xlsx"),
      kUnreadableXlsx);
  const std::string encrypted = make_zip({{"xl/worksheets/sheet1.xml", worksheet("")}}, true);
  if (encrypted.empty()) GTEST_SKIP() << "this libzip cannot write encrypted entries";
  auto rows = read_table(encrypted, "a.xlsx");
  expect_refused(rows, kUnreadableXlsx);
  if (!rows.ok()) {
    EXPECT_NE(rows.error().message.find("암호"), std::string::npos) << rows.error().message;
  }
}

TEST(ImportsXlsx, RefusesAPartThatUnpacksBeyondTheLimit) {
  // 4 MiB of spaces packs into a few KiB: read with the default limit, refused with a 64 KiB one.
  const std::string xlsx = make_zip(
      {{"xl/worksheets/sheet1.xml", worksheet("<row><c><v>1</v></c></row>") + std::string(4 << 20, ' ')}});
  ASSERT_LT(xlsx.size(), 64u * 1024);
  ASSERT_TRUE(read_table(xlsx, "a.xlsx").ok());
  auto rows = read_table(xlsx, "a.xlsx", ReadLimits{.max_entry_bytes = 64 * 1024});
  expect_refused(rows, kUnreadableXlsx);
  if (!rows.ok()) {
    EXPECT_NE(rows.error().message.find("64KB"), std::string::npos) << rows.error().message;
  }
}

TEST(ImportsXlsx, RefusesATableBeyondTheCellLimit) {
  // Two values far apart: 100 rows × 2 columns once padded.
  const std::string xlsx =
      make_zip({{"xl/worksheets/sheet1.xml", worksheet("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"
                                                       "<row r=\"100\"><c r=\"B100\"><v>2</v></c></row>")}});
  ASSERT_TRUE(read_table(xlsx, "a.xlsx", ReadLimits{.max_cells = 200}).ok());
  expect_refused(read_table(xlsx, "a.xlsx", ReadLimits{.max_cells = 199}), "표가 너무 큽니다");
}

}  // namespace
}  // namespace sotong::platform::imports
