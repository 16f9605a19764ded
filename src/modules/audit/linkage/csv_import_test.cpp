#include "modules/audit/linkage/csv_import.hpp"

#include <gtest/gtest.h>

#include <array>

#include "modules/audit/linkage/data_set_codec.hpp"
#include "modules/audit/linkage/linkage_test_support.hpp"
#include "modules/audit/linkage/value_parsers.hpp"

namespace sotong::audit::linkage {
namespace {

const std::vector<ColumnMapping> kRefunds{{"환급번호", "refund_id", ColumnKind::text},
                                          {"주민등록번호", "person", ColumnKind::person},
                                          {"시군구코드", "sigungu", ColumnKind::code},
                                          {"지급일자", "paid_date", ColumnKind::date},
                                          {"환급액", "amount", ColumnKind::amount}};

std::uint64_t hash_of(std::string_view digits) {
  return PersonHasher(kTestKey).hash(digits);
}

std::int32_t day(std::string_view text) {
  std::int32_t days = 0;
  (void)parse_date(text, days);
  return days;
}

TEST(LinkageImport, KoreanHeadersBomCrlfAndQuotes) {
  const std::string csv =
      "\xEF\xBB\xBF 환급번호 ,주민등록번호,비고,시군구코드,지급일자,환급액\r\n"
      "R-1,900101-1234567,\"메모, 쉼표\",52110,2024-03-15,\"1,234,000\"\r\n"
      "\"R-\"\"2\"\"\",8503152000001,\"여러\r\n줄\",52130,20240401, 500 \r\n"
      "R-3,,,52110,,\r\n";
  const auto outcome = import_csv(csv, kRefunds, PersonHasher(kTestKey));
  ASSERT_TRUE(outcome.ok()) << outcome.error().message;
  const DataSet& d = outcome->data;
  ASSERT_EQ(d.row_count(), 3U);
  ASSERT_EQ(d.columns().size(), 5U);  // 비고 is not mapped
  const Column& ids = *d.find("refund_id");
  EXPECT_EQ(ids.text(0), "R-1");
  EXPECT_EQ(ids.text(1), "R-\"2\"");
  EXPECT_EQ(ids.text(2), "R-3");
  const Column& person = *d.find("person");
  EXPECT_EQ(person.person(0), hash_of("9001011234567"));
  EXPECT_EQ(person.person(1), hash_of("8503152000001"));
  EXPECT_TRUE(person.is_missing(2));
  const Column& sigungu = *d.find("sigungu");
  EXPECT_EQ(sigungu.code(0), "52110");
  EXPECT_EQ(sigungu.code(1), "52130");
  EXPECT_EQ(sigungu.code_id(2), sigungu.code_id(0));
  EXPECT_EQ(sigungu.dictionary().size(), 2U);
  const Column& paid = *d.find("paid_date");
  EXPECT_EQ(paid.date(0), day("2024-03-15"));
  EXPECT_EQ(paid.date(1), day("2024-04-01"));
  EXPECT_TRUE(paid.is_missing(2));
  const Column& amount = *d.find("amount");
  EXPECT_EQ(amount.amount(0), 1234000);
  EXPECT_EQ(amount.amount(1), 500);
  EXPECT_TRUE(amount.is_missing(2));
  EXPECT_EQ(outcome->missing, (std::vector<std::uint32_t>{0, 1, 0, 1, 1}));
}

TEST(LinkageImport, BadResidentNumberRefusedWithoutQuotingIt) {
  const std::string csv =
      "환급번호,주민등록번호,시군구코드,지급일자,환급액\n"
      "R-1,900101-1234567,52110,2024-03-15,1000\n"
      "R-2,901301-7654321,52110,2024-03-15,1000\n"
      "R-3,9001011234567,52110,2024-02-30,1000\n";
  const auto outcome = import_csv(csv, kRefunds, PersonHasher(kTestKey));
  ASSERT_FALSE(outcome.ok());
  const std::string& m = outcome.error().message;
  EXPECT_NE(m.find("3행: 주민등록번호 형식이 올바르지 않습니다"), std::string::npos) << m;
  EXPECT_NE(m.find("4행: 날짜 형식이 올바르지 않습니다"), std::string::npos) << m;
  EXPECT_NE(m.find("2건"), std::string::npos) << m;
  EXPECT_EQ(m.find("901301"), std::string::npos) << m;
  EXPECT_EQ(m.find("7654321"), std::string::npos) << m;
  ASSERT_EQ(outcome.error().fields.size(), 2U);
  EXPECT_EQ(outcome.error().fields[0].field, "line:3");
}

TEST(LinkageImport, ListsTwentyProblemsAndCountsAll) {
  std::string csv = "환급번호,주민등록번호,시군구코드,지급일자,환급액\n";
  for (int i = 0; i < 30; ++i) csv += "R,900101-1234567,52110,2024-03-15,천원\n";
  csv += "R,900101-1234567,52110\n";
  const auto outcome = import_csv(csv, kRefunds, PersonHasher(kTestKey));
  ASSERT_FALSE(outcome.ok());
  EXPECT_NE(outcome.error().message.find("31건"), std::string::npos) << outcome.error().message;
  EXPECT_NE(outcome.error().message.find("21행: 금액 형식"), std::string::npos);
  EXPECT_EQ(outcome.error().message.find("22행"), std::string::npos);
  EXPECT_EQ(outcome.error().fields.size(), 20U);
}

TEST(LinkageImport, WrongFieldCountAndMissingHeader) {
  auto outcome =
      import_csv("환급번호,주민등록번호,시군구코드,지급일자,환급액\nR,900101-1234567,52110,2024-03-15\n",
                 kRefunds, PersonHasher(kTestKey));
  ASSERT_FALSE(outcome.ok());
  EXPECT_NE(outcome.error().message.find("2행: 칸이 5개여야 하는데 4개입니다"), std::string::npos)
      << outcome.error().message;
  outcome = import_csv("환급번호,주민번호,시군구코드,지급일자,환급액\n", kRefunds, PersonHasher(kTestKey));
  ASSERT_FALSE(outcome.ok());
  EXPECT_NE(outcome.error().message.find("‘주민등록번호’ 열이 없습니다"), std::string::npos);
}

TEST(LinkageImport, BlankLinesSkippedButCounted) {
  const auto outcome =
      import_csv("환급번호,주민등록번호,시군구코드,지급일자,환급액\n\nR,x,52110,2024-03-15,1\r\n\r\n",
                 kRefunds, PersonHasher(kTestKey));
  ASSERT_FALSE(outcome.ok());
  EXPECT_NE(outcome.error().message.find("3행: 주민등록번호"), std::string::npos) << outcome.error().message;
  const auto ok = import_csv("환급번호,주민등록번호,시군구코드,지급일자,환급액\n\nR,,52110,,1\n\n", kRefunds,
                             PersonHasher(kTestKey));
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->data.row_count(), 1U);
}

TEST(LinkageImport, RowLimit) {
  ImportLimits limits;
  limits.max_rows = 1;
  const auto outcome = import_csv("환급번호,주민등록번호,시군구코드,지급일자,환급액\nR,,1,,\nS,,1,,\n",
                                  kRefunds, PersonHasher(kTestKey), limits);
  ASSERT_FALSE(outcome.ok());
  EXPECT_EQ(outcome.error().code, ErrorCode::too_large);
}

std::string generated(int rows, bool with_errors) {
  std::string csv = "환급번호,주민등록번호,시군구코드,지급일자,환급액\n";
  const char* codes[] = {"52110", "52130", "52140", "52710"};
  for (int i = 0; i < rows; ++i) {
    if (i % 97 == 0) csv += "\n";  // blank lines on both sides of the split
    const int person = 1000000 + i % 5000;
    csv += "R" + std::to_string(i) + ",9001" + std::to_string(10 + i % 18) + "-" + std::to_string(person) +
           "," + codes[(i * 7) % 4] + "," + "2024-0" + std::to_string(1 + i % 9) + "-1" +
           std::to_string(i % 10) + "," + (i % 13 == 0 ? "" : std::to_string(i * 10)) + "\n";
    if (with_errors && (i == 10 || i == rows - 10)) csv += "R,900101-1234567,52110,2024-99-01,1\n";
  }
  csv += "Z,900101-1234567,52800,2025-01-01,5";  // no final line end, a code only the second half has
  return csv;
}

TEST(LinkageImport, TwoThreadsGiveTheSameDataSet) {
  const std::string csv = generated(20000, false);
  ImportLimits one;
  one.threads = 1;
  ImportLimits two;
  two.threads = 2;
  two.parallel_min_bytes = 0;
  const auto a = import_csv(csv, kRefunds, PersonHasher(kTestKey), one);
  const auto b = import_csv(csv, kRefunds, PersonHasher(kTestKey), two);
  ASSERT_TRUE(a.ok()) << a.error().message;
  ASSERT_TRUE(b.ok()) << b.error().message;
  EXPECT_EQ(a->data.row_count(), 20001U);
  EXPECT_EQ(serialize(a->data), serialize(b->data));
  EXPECT_EQ(a->missing, b->missing);
  EXPECT_EQ(b->data.find("refund_id")->text(20000), "Z");
  EXPECT_EQ(b->data.find("sigungu")->code(20000), "52800");

  const std::string bad = generated(20000, true);
  const auto c = import_csv(bad, kRefunds, PersonHasher(kTestKey), one);
  const auto e = import_csv(bad, kRefunds, PersonHasher(kTestKey), two);
  ASSERT_FALSE(c.ok());
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(c.error().message, e.error().message);
}

TEST(LinkageImport, RowsFromAWorkbook) {
  const std::vector<std::vector<std::string>> rows{
      {"환급번호", "주민등록번호", "시군구코드", "지급일자", "환급액"},
      {"R-1", "900101-1234567", "52110", "2024-03-15", "1,000"},
      {"", "", "", "", ""},
      {"R-2", "900101-12345", "52110", "2024-03-15", "1,000"}};
  auto outcome = import_rows(rows, kRefunds, PersonHasher(kTestKey));
  ASSERT_FALSE(outcome.ok());
  EXPECT_NE(outcome.error().message.find("4행: 주민등록번호 형식이 올바르지 않습니다"), std::string::npos);
  outcome = import_rows({rows[0], rows[1]}, kRefunds, PersonHasher(kTestKey));
  ASSERT_TRUE(outcome.ok());
  EXPECT_EQ(outcome->data.find("amount")->amount(0), 1000);
  EXPECT_EQ(outcome->data.find("person")->person(0), hash_of("9001011234567"));
}

TEST(LinkageImport, PreviewMasksResidentNumbers) {
  const auto preview = preview_csv(
      "\xEF\xBB\xBF환급번호,주민등록번호,비고\nR-1,900101-1234567,\"김 8503152000001\"\n\nR-2,,\nR-3,,\n", 2);
  ASSERT_TRUE(preview.ok());
  EXPECT_EQ(preview->headers, (std::vector<std::string>{"환급번호", "주민등록번호", "비고"}));
  ASSERT_EQ(preview->rows.size(), 2U);
  EXPECT_EQ(preview->rows[0], (std::vector<std::string>{"R-1", "900101-1******", "김 850315-2******"}));
  EXPECT_EQ(preview->rows[1][0], "R-2");
}

}  // namespace
}  // namespace sotong::audit::linkage
