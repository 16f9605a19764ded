// The SpreadsheetML parts as XML text, without an archive: cell placement, value types, entities, escapes.
#include "platform/imports/worksheet.hpp"

#include <gtest/gtest.h>

#include "platform/imports/xml_scanner.hpp"

namespace sotong::platform::imports {
namespace {

std::string sheet(std::string_view rows) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
         "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
         "<dimension ref=\"A1:C3\"/><sheetData>" +
         std::string(rows) +
         "</sheetData><headerFooter><oddHeader>머리말</oddHeader></headerFooter></worksheet>";
}

TEST(ImportsXml, DecodesPredefinedAndNumericEntities) {
  std::string out;
  ASSERT_TRUE(
      append_decoded("a&amp;b &lt;c&gt; &quot;d&quot; &apos;e&apos; &#51204;&#xC8FC; &#x1F600;", out));
  EXPECT_EQ(out, "a&b <c> \"d\" 'e' 전주 \xF0\x9F\x98\x80");
  for (const char* bad : {"&nbsp;", "&#0;", "&#xD800;", "&#x110000;", "&amp", "&#;", "&#x;", "&#12a;"}) {
    std::string ignored;
    EXPECT_FALSE(append_decoded(bad, ignored)) << bad;
  }
}

TEST(ImportsXml, NormalisesLineEndsAndKeepsCdataAsWritten) {
  XmlScanner scanner("<t>a\r\nb\rc</t><t><![CDATA[<x>&amp;]]></t>");
  std::string first, second;
  ASSERT_EQ(scanner.next().kind, XmlTokenKind::start);
  ASSERT_TRUE(append_text(scanner.next(), first));
  EXPECT_EQ(first, "a\nb\nc");
  ASSERT_EQ(scanner.next().kind, XmlTokenKind::end);
  ASSERT_EQ(scanner.next().kind, XmlTokenKind::start);
  ASSERT_TRUE(append_text(scanner.next(), second));
  EXPECT_EQ(second, "<x>&amp;");
}

TEST(ImportsXml, ReadsAttributesByLocalNameAndRefusesDoctype) {
  EXPECT_EQ(attribute(" name=\"A &amp; B\" r:id='rId3' sheetId=\"1\"", "id", true), "rId3");
  EXPECT_EQ(attribute(" Id=\"rId1\" Target=\"worksheets/sheet1.xml\"", "Target"), "worksheets/sheet1.xml");
  EXPECT_EQ(attribute(" name=\"A &amp; B\"", "name"), "A & B");
  EXPECT_FALSE(attribute(" Id=\"rId1\"", "id", true).has_value());
  EXPECT_FALSE(attribute(" name=unquoted", "name").has_value());

  XmlScanner scanner("<!DOCTYPE x [<!ENTITY a \"b\">]><x>&a;</x>");
  EXPECT_EQ(scanner.next().kind, XmlTokenKind::error);
  EXPECT_EQ(scanner.next().kind, XmlTokenKind::done);
}

TEST(ImportsWorksheet, PlacesCellsByReferenceAndFillsGaps) {
  const std::vector<std::string> shared{"기관명", "전주시"};
  auto rows =
      parse_worksheet(sheet("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"C1\"><v>3</v></c></row>"
                            "<row r=\"3\"><c r=\"B3\" t=\"s\"><v>1</v></c><c r=\"AB3\"><v>3.0</v></c></row>"
                            "<row r=\"4\"><c r=\"A4\" s=\"2\"/><c r=\"B4\" s=\"2\"><v></v></c></row>"),
                      shared, 1000);
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_EQ(rows->size(), 3u);  // row 4 holds only formatted empty cells: nothing after the last value
  EXPECT_EQ((*rows)[0], (CsvRow{"기관명", "", "3"}));
  EXPECT_TRUE((*rows)[1].empty());  // row 2 is not in the file but lies between data rows
  ASSERT_EQ((*rows)[2].size(), 28u);
  EXPECT_EQ((*rows)[2][1], "전주시");
  EXPECT_EQ((*rows)[2][27], "3.0");  // a number keeps the text it was written with
}

TEST(ImportsWorksheet, ReadsInlineStringsBooleansFormulasAndErrors) {
  auto rows = parse_worksheet(
      sheet(
          "<row><c t=\"inlineStr\"><is><r><t>군산</t></r><r><rPr><b/></rPr><t xml:space=\"preserve\"> 시</t>"
          "</r><rPh sb=\"0\" eb=\"1\"><t>くん</t></rPh></is></c><c t=\"b\"><v>1</v></c><c "
          "t=\"b\"><v>0</v></c>"
          "<c t=\"str\"><f>A1&amp;\"x\"</f><v>a&lt;b_x000D_c</v></c><c t=\"e\"><v>#DIV/0!</v></c>"
          "<c><f>1+1</f><v>2</v></c></row>"),
      {}, 1000);
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_EQ(rows->size(), 1u);
  EXPECT_EQ((*rows)[0], (CsvRow{"군산 시", "TRUE", "FALSE", "a<b\rc", "#DIV/0!", "2"}));
}

TEST(ImportsWorksheet, SharedStringsJoinRunsAndLeaveOutPhoneticGuides) {
  auto strings = parse_shared_strings(
      "<sst count=\"4\" "
      "uniqueCount=\"4\"><si><t>전주</t></si><si><r><t>새</t></r><r><rPr><i/></rPr><t>만금</t>"
      "</r><rPh><t>セ</t></rPh></si><si/><si><t>a_x005F_x000D_b &amp; c</t></si></sst>");
  ASSERT_TRUE(strings.ok()) << strings.error().message;
  EXPECT_EQ(*strings, (std::vector<std::string>{"전주", "새만금", "", "a_x000D_b & c"}));
}

TEST(ImportsWorksheet, RefusesDamage) {
  const std::vector<std::string> shared{"하나"};
  for (const char* bad : {"<row><c r=\"1A\"><v>1</v></c></row>", "<row><c r=\"XFE1\"><v>1</v></c></row>",
                          "<row r=\"1048577\"><c><v>1</v></c></row>", "<row><c t=\"s\"><v>1</v></c></row>",
                          "<row><c><v>&bogus;</v></c></row>", "<row><c><v>1</v></c></row><row"}) {
    auto rows = parse_worksheet(sheet(bad), shared, 1000);
    EXPECT_FALSE(rows.ok()) << bad;
  }
  // A part cut short, and one closing what it never opened.
  EXPECT_FALSE(parse_worksheet("<worksheet><sheetData><row><c><v>1", shared, 1000).ok());
  EXPECT_FALSE(parse_worksheet("<worksheet><sheetData/></worksheet></worksheet>", shared, 1000).ok());
  EXPECT_FALSE(parse_shared_strings("<sst><si><t>전").ok());
  // A sparse sheet cannot make the reader fill millions of cells.
  auto sparse =
      parse_worksheet(sheet("<row><c r=\"A1\"><v>1</v></c><c r=\"CV1\"><v>1</v></c></row>"), {}, 50);
  ASSERT_FALSE(sparse.ok());
  EXPECT_NE(sparse.error().message.find("50개"), std::string::npos) << sparse.error().message;
}

}  // namespace
}  // namespace sotong::platform::imports
