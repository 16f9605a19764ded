// The pure rules of data linkage's data sets: the record's fields, the retention day's edges, the mapping of
// a file's headers to the kind's columns, and the headers suggested for it.
#include "modules/audit/dataset_rules.hpp"

#include <gtest/gtest.h>

#include <map>

#include "modules/audit/dataset_service.hpp"
#include "platform/testing/field_errors.hpp"

namespace sotong::audit {
namespace {

const linkage::RoleSchema& refunds() {
  return *find_dataset_kind("refunds");
}

const std::vector<std::string> kHeaders = {"환급번호", "주민등록번호", "시군구코드",
                                           "지급일자", "환급액",       "비고"};

DataSetInput good_input() {
  return {"2025 환급",
          "사망자 환급 확인",
          "공공감사에 관한 법률 제20조",
          "2027-12-31",
          {{"refund_id", "환급번호"},
           {"person", "주민등록번호"},
           {"sigungu", "시군구코드"},
           {"paid_date", "지급일자"},
           {"amount", "환급액"}}};
}

constexpr CivilDate kToday{2026, 12, 2};

}  // namespace

TEST(LinkageDataSetRules, AGoodInputBecomesTheMappingTheEngineImportsWith) {
  auto valid = validate_dataset(good_input(), refunds(), kHeaders, kToday);
  ASSERT_TRUE(valid) << valid.error().message;
  ASSERT_EQ(valid->mapping.size(), 5U);
  EXPECT_EQ(valid->mapping[1].source_header, "주민등록번호");
  EXPECT_EQ(valid->mapping[1].kind, linkage::ColumnKind::person);
  EXPECT_EQ(valid->retention_until, "2027-12-31");
}

TEST(LinkageDataSetRules, TheRecordsFieldsAreRequired) {
  DataSetInput input = good_input();
  input.title = "  ";
  input.purpose = "";
  input.legal_basis = "\t";
  auto valid = validate_dataset(input, refunds(), kHeaders, kToday);
  ASSERT_FALSE(valid);
  EXPECT_TRUE(has_field(valid.error(), "title"));
  EXPECT_TRUE(has_field(valid.error(), "purpose"));
  EXPECT_TRUE(has_field(valid.error(), "legal_basis"));
}

TEST(LinkageDataSetRules, TheRetentionDayLiesAfterTodayAndWithinFiveYears) {
  DataSetInput input = good_input();
  for (const char* refused : {"2026-12-02", "2026-11-30", "2031-12-03", "내년", "2027-02-30"}) {
    input.retention_until = refused;
    auto valid = validate_dataset(input, refunds(), kHeaders, kToday);
    ASSERT_FALSE(valid) << refused;
    EXPECT_TRUE(has_field(valid.error(), "retention_until")) << refused;
  }
  for (const char* accepted : {"2026-12-03", "2031-12-01"}) {
    input.retention_until = accepted;
    EXPECT_TRUE(validate_dataset(input, refunds(), kHeaders, kToday)) << accepted;
  }
}

TEST(LinkageDataSetRules, EveryColumnNeedsAHeaderOfTheFileAndNoHeaderServesTwo) {
  DataSetInput input = good_input();
  input.mapping[0].second = "";              // refund_id: none chosen
  input.mapping[2].second = "행정구역";      // sigungu: not in the file
  input.mapping[4].second = "주민등록번호";  // amount: already the person's
  auto valid = validate_dataset(input, refunds(), kHeaders, kToday);
  ASSERT_FALSE(valid);
  EXPECT_TRUE(has_field(valid.error(), "map_refund_id"));
  EXPECT_TRUE(has_field(valid.error(), "map_sigungu"));
  EXPECT_TRUE(has_field(valid.error(), "map_amount"));
  EXPECT_FALSE(has_field(valid.error(), "map_person"));
}

TEST(LinkageDataSetRules, HeadersAreSuggestedBySampleHeaderLabelOrNameIgnoringSpacesAndCase) {
  const auto suggested =
      suggest_mapping(refunds(), {"환급 번호", "주민등록번호 ", "SIGUNGU", "지급일자", "금액", "Paid_Date"});
  std::map<std::string, std::string> by_column(suggested.begin(), suggested.end());
  EXPECT_EQ(by_column["refund_id"], "환급 번호");
  EXPECT_EQ(by_column["person"], "주민등록번호 ");
  EXPECT_EQ(by_column["sigungu"], "SIGUNGU");
  EXPECT_EQ(by_column["paid_date"], "지급일자");
  EXPECT_EQ(by_column["amount"], "");  // "금액" is neither its header, its label (환급액) nor its name
}

TEST(LinkageDataSetRules, TheMappingIsKeptInWords) {
  auto valid = validate_dataset(good_input(), refunds(), kHeaders, kToday);
  ASSERT_TRUE(valid);
  EXPECT_EQ(describe_mapping(refunds(), valid->mapping)
                .rfind("환급번호 ← 환급번호, 주민등록번호 ← 주민등록번호", 0),
            0U);
}

}  // namespace sotong::audit
