#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "http/form.hpp"
#include "platform/exports/exports.hpp"
#include "platform/exports/list_export.hpp"
#include "platform/imports/table_reader.hpp"
#include "platform/imports/zip_archive.hpp"

namespace sotong::platform::exports {
namespace {

Table sample() {
  return {"기관 목록",
          {{"기관코드", 10, ColumnKind::text},
           {"기관명", 0, ColumnKind::text},
           {"인원", 8, ColumnKind::number},
           {"등록일", 12, ColumnKind::date}},
          {{"52110", "전주시", "1,234", "2026-11-25"},
           {"52130", "군산시, \"새만금\"", "-5", "2026-01-02 09:30"},
           {"=HYPERLINK(\"x\")", "+82", "없음", "미정"}}};
}

TEST(ExportsCsv, StartsWithBomAndUsesCrlf) {
  const std::string csv = to_csv(sample());
  ASSERT_GE(csv.size(), 3u);
  EXPECT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_EQ(csv.substr(3, csv.find("\r\n") - 3), "기관코드,기관명,인원,등록일");
  EXPECT_EQ(csv.find('\n'), csv.find("\r\n") + 1);
  EXPECT_EQ(csv.substr(csv.size() - 2), "\r\n");
}

TEST(ExportsCsv, QuotesCommasQuotesAndLineBreaks) {
  Table t{"t", {{"a"}, {"b"}}, {{"a,b", "say \"hi\""}, {"line\nbreak", "plain"}, {"cr\rhere", ""}}};
  const std::string csv = to_csv(t);
  EXPECT_NE(csv.find("\"a,b\",\"say \"\"hi\"\"\"\r\n"), std::string::npos) << csv;
  EXPECT_NE(csv.find("\"line\nbreak\",plain\r\n"), std::string::npos) << csv;
  EXPECT_NE(csv.find("\"cr\rhere\",\r\n"), std::string::npos) << csv;
}

TEST(ExportsCsv, GuardsAgainstFormulaInjection) {
  const std::string csv = to_csv(sample());
  EXPECT_NE(csv.find("\"'=HYPERLINK(\"\"x\"\")\",'+82,없음,미정"), std::string::npos) << csv;
  Table t{"t",
          {{"글"}, {"수", 0, ColumnKind::number}},
          {{"@SUM(A1)", "-1+2"}, {"-3", "-3"}, {"\tx", "=1"}, {"a=b", "1,234"}}};
  const std::string out = to_csv(t);
  EXPECT_NE(out.find("'@SUM(A1),'-1+2\r\n"), std::string::npos) << out;
  // A plain number in a number column is data, not a formula; the same text in a text column is guarded.
  EXPECT_NE(out.find("'-3,-3\r\n"), std::string::npos) << out;
  EXPECT_NE(out.find("'\tx,'=1\r\n"), std::string::npos) << out;
  EXPECT_NE(out.find("a=b,\"1,234\"\r\n"), std::string::npos) << out;
}

TEST(ExportsCsv, ShortRowsArePaddedToTheColumns) {
  Table t{"t", {{"a"}, {"b"}, {"c"}}, {{"1"}}};
  EXPECT_EQ(to_csv(t),
            "\xEF\xBB\xBF"
            "a,b,c\r\n1,,\r\n");
}

TEST(ExportsNumbers, ParsesPlainNumbersOnly) {
  EXPECT_EQ(parse_number("1234"), 1234);
  EXPECT_EQ(parse_number("-1,234.5"), -1234.5);
  EXPECT_EQ(parse_number("12,345,678"), 12345678);
  EXPECT_EQ(parse_number("0.25"), 0.25);
  for (const char* bad : {"", "-", "1,23", "1234,567", "1.", ".5", "1e5", "1+2", "12원", "nan", "0x10", " 1",
                          "1,234,56", "--1"}) {
    EXPECT_FALSE(parse_number(bad).has_value()) << bad;
  }
}

TEST(ExportsDownload, ContentDispositionHasAsciiFallbackAndRfc5987Name) {
  EXPECT_EQ(content_disposition("기관 목록_2026-11-25.csv", "organizations_2026-11-25.csv"),
            "attachment; filename=\"organizations_2026-11-25.csv\"; "
            "filename*=UTF-8''%EA%B8%B0%EA%B4%80%20%EB%AA%A9%EB%A1%9D_2026-11-25.csv");
  EXPECT_EQ(content_disposition("계정.xlsx"),
            "attachment; filename=\"export.xlsx\"; filename*=UTF-8''%EA%B3%84%EC%A0%95.xlsx");
  // Quotes, semicolons and slashes never reach the header unencoded.
  EXPECT_EQ(content_disposition("a\"b;c/d.csv"),
            "attachment; filename=\"a_b_c_d.csv\"; filename*=UTF-8''a%22b%3Bc%2Fd.csv");
}

TEST(ExportsDownload, AsciiFileNames) {
  EXPECT_EQ(ascii_file_name("기관 목록_2026-11-25.csv"), "export-2026-11-25.csv");
  EXPECT_EQ(ascii_file_name("accounts 2026.xlsx"), "accounts_2026.xlsx");
  EXPECT_EQ(ascii_file_name("전주시 report.csv"), "report.csv");
  EXPECT_EQ(ascii_file_name("목록"), "export");
}

TEST(ExportsDownload, ResponseHeaders) {
  auto csv = download(sample(), Format::csv, "기관 목록", "organizations");
  EXPECT_EQ(csv.content_type, "text/csv; charset=utf-8");
  auto header = [](const http::Response& r, const std::string& name) {
    for (const auto& [k, v] : r.headers)
      if (k == name) return v;
    return std::string();
  };
  EXPECT_EQ(header(csv, "Content-Disposition"),
            "attachment; filename=\"organizations.csv\"; "
            "filename*=UTF-8''%EA%B8%B0%EA%B4%80%20%EB%AA%A9%EB%A1%9D.csv");
  EXPECT_EQ(header(csv, "Cache-Control"), "no-store");
  EXPECT_EQ(csv.body, to_csv(sample()));
  auto xlsx = download(sample(), Format::xlsx, "기관 목록");
  EXPECT_EQ(xlsx.content_type, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
  EXPECT_NE(header(xlsx, "Content-Disposition")
                .find("filename*=UTF-8''%EA%B8%B0%EA%B4%80%20%EB%AA%A9%EB%A1%9D.xlsx"),
            std::string::npos);
}

TEST(ExportsXlsx, SheetNamesFollowExcelRules) {
  EXPECT_EQ(sheet_name("기관 목록"), "기관 목록");
  EXPECT_EQ(sheet_name("2026/11 [요약]: 예산*?"), "2026 11  요약   예산");
  EXPECT_EQ(sheet_name("'인용'"), "인용");
  EXPECT_EQ(sheet_name(""), "Sheet1");
  EXPECT_EQ(sheet_name("::"), "Sheet1");
  EXPECT_EQ(sheet_name("History"), "History 1");
  const std::string long_name = "가나다라마바사아자차카타파하가나다라마바사아자차카타파하가나다라마바사";
  EXPECT_EQ(sheet_name(long_name), long_name.substr(0, 31 * 3));
}

/// The named parts of an xlsx file, read with Python's zipfile (a reader independent of libxlsxwriter).
std::string zip_part(const std::string& xlsx, const std::string& part) {
  const auto path =
      std::filesystem::temp_directory_path() / ("sotong-export-test-" + std::to_string(::getpid()));
  std::ofstream(path, std::ios::binary) << xlsx;
  const std::string cmd =
      "python3 -c 'import sys, zipfile; "
      "sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())' " +
      path.string() + " " + part;
  std::string out;
  if (FILE* p = ::popen(cmd.c_str(), "r")) {
    char buffer[4096];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, p)) > 0) out.append(buffer, n);
    EXPECT_EQ(::pclose(p), 0) << part;
  }
  std::filesystem::remove(path);
  return out;
}

TEST(ExportsXlsx, WritesStyledHeaderWidthsAndTypedCells) {
  const std::string xlsx = to_xlsx(sample());
  ASSERT_EQ(xlsx.substr(0, 2), "PK");
  const std::string strings = zip_part(xlsx, "xl/sharedStrings.xml");
  for (const char* s : {"기관코드", "기관명", "전주시", "군산시, \"새만금\"", "=HYPERLINK(\"x\")", "없음"}) {
    EXPECT_NE(strings.find(s), std::string::npos) << s << " in " << strings;
  }
  // A string cell is never evaluated, so the text of a formula stays inert in XLSX.
  EXPECT_EQ(strings.find("1,234"), std::string::npos) << "numbers are not strings";
  const std::string sheet = zip_part(xlsx, "xl/worksheets/sheet1.xml");
  EXPECT_NE(sheet.find("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"),
            std::string::npos)
      << sheet;
  EXPECT_NE(sheet.find("<autoFilter ref=\"A1:D4\"/>"), std::string::npos) << sheet;
  EXPECT_NE(sheet.find("<col min=\"1\" max=\"1\" width=\"10.7109375\""), std::string::npos) << sheet;
  EXPECT_NE(sheet.find("<col min=\"3\" max=\"3\" width=\"8.7109375\""), std::string::npos) << sheet;
  EXPECT_NE(sheet.find("<v>1234</v>"), std::string::npos) << sheet;
  EXPECT_NE(sheet.find("<v>-5</v>"), std::string::npos) << sheet;
  EXPECT_NE(sheet.find("<v>46351</v>"), std::string::npos) << "2026-11-25 as an Excel date serial\n" << sheet;
  EXPECT_NE(sheet.find("<v>46024.395833333"), std::string::npos) << "2026-01-02 09:30\n" << sheet;
  const std::string workbook = zip_part(xlsx, "xl/workbook.xml");
  EXPECT_NE(workbook.find("<sheet name=\"기관 목록\""), std::string::npos) << workbook;
  const std::string styles = zip_part(xlsx, "xl/styles.xml");
  EXPECT_NE(styles.find("<b/>"), std::string::npos) << styles;
  EXPECT_NE(styles.find("patternType=\"solid\""), std::string::npos) << styles;
  EXPECT_NE(styles.find("<left style=\"thin\">"), std::string::npos) << styles;
}

TEST(ExportsXlsx, EmptyTableStillOpens) {
  const std::string xlsx = to_xlsx({"빈 목록", {{"이름"}}, {}});
  EXPECT_EQ(xlsx.substr(0, 2), "PK");
  EXPECT_NE(zip_part(xlsx, "xl/sharedStrings.xml").find("이름"), std::string::npos);
}

TEST(ExportsXlsx, SeveralTablesMakeOneSheetEachWithUniqueNames) {
  const Table second{
      "기관 목록", {{"연도", 0, ColumnKind::number}, {"건수", 0, ColumnKind::number}}, {{"2026", "12"}}};
  const Table long_title{std::string(40, 'x'), {{"a"}}, {{"b"}}};
  const std::string xlsx = to_xlsx(std::vector<Table>{sample(), second, long_title, long_title});

  // Sheet 1 is the first table, as the platform's own reader reads it back.
  const Table first = sample();
  auto rows = imports::read_table(xlsx, "통합.xlsx");
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_EQ(rows->size(), first.rows.size() + 1);
  EXPECT_EQ((*rows)[0], (CsvRow{"기관코드", "기관명", "인원", "등록일"}));
  EXPECT_EQ((*rows)[1][1], "전주시");
  EXPECT_EQ((*rows)[1][2], "1234");

  auto archive = imports::ZipArchive::open(xlsx);
  ASSERT_TRUE(archive.ok()) << archive.error().message;
  EXPECT_TRUE(archive->contains("xl/worksheets/sheet2.xml"));
  EXPECT_TRUE(archive->contains("xl/worksheets/sheet4.xml"));
  EXPECT_FALSE(archive->contains("xl/worksheets/sheet5.xml"));
  auto workbook = archive->read("xl/workbook.xml", 1 << 20);
  ASSERT_TRUE(workbook.ok());
  EXPECT_NE(workbook->find("name=\"기관 목록\""), std::string::npos) << *workbook;
  EXPECT_NE(workbook->find("name=\"기관 목록 (2)\""), std::string::npos) << *workbook;
  EXPECT_NE(workbook->find("name=\"" + std::string(31, 'x') + "\""), std::string::npos) << *workbook;
  EXPECT_NE(workbook->find("name=\"" + std::string(27, 'x') + " (2)\""), std::string::npos) << *workbook;
  // Each sheet has the header styling: a frozen, filtered first row.
  auto sheet2 = archive->read("xl/worksheets/sheet2.xml", 1 << 20);
  ASSERT_TRUE(sheet2.ok());
  EXPECT_NE(sheet2->find("<autoFilter ref=\"A1:B2\""), std::string::npos) << *sheet2;
  EXPECT_NE(sheet2->find("state=\"frozen\""), std::string::npos) << *sheet2;

  EXPECT_THROW(to_xlsx(std::vector<Table>{}), std::invalid_argument);
}

TEST(ExportsDownload, SeveralTablesAsOneWorkbook) {
  auto r = download(std::vector<Table>{sample(), sample()}, "설문 결과", "survey");
  EXPECT_EQ(r.content_type, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_EQ(r.body.substr(0, 4), std::string("PK\x03\x04", 4));
  bool found = false;
  for (const auto& [name, value] : r.headers) {
    if (name != "Content-Disposition") continue;
    found = true;
    EXPECT_EQ(value,
              "attachment; filename=\"survey.xlsx\"; "
              "filename*=UTF-8''%EC%84%A4%EB%AC%B8%20%EA%B2%B0%EA%B3%BC.xlsx");
  }
  EXPECT_TRUE(found);
}

TEST(ExportsXlsx, LeavesNoTemporaryFileBehind) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("sotong-export-tmp-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const char* saved = std::getenv("TMPDIR");
  const std::string previous = saved ? saved : "";
  ::setenv("TMPDIR", dir.c_str(), 1);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(to_xlsx(sample()).substr(0, 2), "PK");
  saved ? ::setenv("TMPDIR", previous.c_str(), 1) : ::unsetenv("TMPDIR");
  EXPECT_TRUE(std::filesystem::is_empty(dir));
  std::filesystem::remove_all(dir);
}

TEST(ListExport, TheFormatComesFromTheListsOwnQuery) {
  EXPECT_FALSE(requested_format(http::Form::parse("kind=municipality")));
  EXPECT_FALSE(requested_format(http::Form::parse("format=")));
  EXPECT_FALSE(requested_format(http::Form::parse("format=html")));
  auto csv = requested_format(http::Form::parse("q=a&format=csv"));
  ASSERT_TRUE(csv && *csv);
  EXPECT_EQ(csv->value(), Format::csv);
  auto xlsx = requested_format(http::Form::parse("format=xlsx"));
  ASSERT_TRUE(xlsx && *xlsx);
  EXPECT_EQ(xlsx->value(), Format::xlsx);
  auto pdf = requested_format(http::Form::parse("format=pdf"));
  ASSERT_TRUE(pdf);
  ASSERT_FALSE(*pdf);
  EXPECT_EQ(pdf->error().code, ErrorCode::invalid_input);
  EXPECT_EQ(pdf->error().fields.at(0).field, "format");
}

TEST(ListExport, LinksAreTheListsUrlWithItsFiltersAndAFormat) {
  EXPECT_EQ(export_href("/admin/history", "", Format::csv), "/admin/history?format=csv");
  EXPECT_EQ(export_href("/admin/organizations", "kind=municipality&q=%EA%B5%B0", Format::xlsx),
            "/admin/organizations?kind=municipality&q=%EA%B5%B0&format=xlsx");
}

}  // namespace
}  // namespace sotong::platform::exports
