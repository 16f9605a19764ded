#include "modules/audit/linkage/value_parsers.hpp"

#include <gtest/gtest.h>

#include <array>
#include <set>

#include "modules/audit/linkage/column.hpp"
#include "modules/audit/linkage/linkage_test_support.hpp"
#include "modules/audit/linkage/person_hasher.hpp"

namespace sotong::audit::linkage {
namespace {

std::int32_t date_of(std::string_view text) {
  std::int32_t days = 0;
  EXPECT_EQ(parse_date(text, days), Parsed::value) << text;
  return days;
}

TEST(LinkageValues, DatesInThreeFormats) {
  EXPECT_EQ(date_of("1970-01-01"), 0);
  EXPECT_EQ(date_of("2024-03-15"), date_of("20240315"));
  EXPECT_EQ(date_of("2024.03.15"), date_of(" 2024-03-15 "));
  EXPECT_EQ(date_of("2024-03-01") - date_of("2024-02-28"), 2);  // a leap year
  EXPECT_EQ(date_of("2023-03-01") - date_of("2023-02-28"), 1);
  EXPECT_EQ(date_of("1969-12-31"), -1);
  EXPECT_EQ(format_date(date_of("2025-12-31")), "2025-12-31");
  EXPECT_EQ(format_date(date_of("1899-02-03")), "1899-02-03");
}

TEST(LinkageValues, BadDatesAndEmpty) {
  std::int32_t days = 7;
  EXPECT_EQ(parse_date("", days), Parsed::empty);
  EXPECT_EQ(parse_date("   ", days), Parsed::empty);
  for (const char* bad : {"2023-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "2024-3-15", "2024/03/15",
                          "2024-03.15", "24-03-15", "2024-03-1x", "0999-01-01"}) {
    EXPECT_EQ(parse_date(bad, days), Parsed::invalid) << bad;
  }
  EXPECT_EQ(days, 7);
}

TEST(LinkageValues, Amounts) {
  std::int64_t won = 0;
  EXPECT_EQ(parse_amount("1,234,000", won), Parsed::value);
  EXPECT_EQ(won, 1234000);
  EXPECT_EQ(parse_amount("  -5,000 ", won), Parsed::value);
  EXPECT_EQ(won, -5000);
  EXPECT_EQ(parse_amount("0", won), Parsed::value);
  EXPECT_EQ(won, 0);
  EXPECT_EQ(parse_amount("999999999999999999", won), Parsed::value);
  EXPECT_EQ(parse_amount("", won), Parsed::empty);
  for (const char* bad :
       {"1,,000", "1000,", ",100", "12.5", "1 000", "-", "원", "1000000000000000000", "--1"}) {
    EXPECT_EQ(parse_amount(bad, won), Parsed::invalid) << bad;
  }
}

TEST(LinkageValues, ResidentNumbersCheckedForFormOnly) {
  std::array<char, 13> digits{};
  EXPECT_EQ(parse_resident_number("900101-1234567", digits), Parsed::value);
  EXPECT_EQ(std::string(digits.data(), 13), "9001011234567");
  EXPECT_EQ(parse_resident_number("9001011234567", digits), Parsed::value);
  EXPECT_EQ(parse_resident_number(" 020229-3000000 ", digits), Parsed::invalid);  // 2002 was no leap year
  EXPECT_EQ(parse_resident_number("000229-3000000", digits), Parsed::value);      // 2000 was
  EXPECT_EQ(parse_resident_number("000229-1000000", digits), Parsed::invalid);    // 1900 was not
  EXPECT_EQ(parse_resident_number("960229-9000000", digits), Parsed::value);      // 1896, a leap year
  EXPECT_EQ(parse_resident_number("210630-4999999", digits), Parsed::value);      // no check digit since 2020
  EXPECT_EQ(parse_resident_number("901301-1234567", digits), Parsed::invalid);
  EXPECT_EQ(parse_resident_number("900100-1234567", digits), Parsed::invalid);
  EXPECT_EQ(parse_resident_number("900101-123456", digits), Parsed::invalid);
  EXPECT_EQ(parse_resident_number("900101 1234567", digits), Parsed::invalid);
  EXPECT_EQ(parse_resident_number("90010A-1234567", digits), Parsed::invalid);
  EXPECT_EQ(parse_resident_number("", digits), Parsed::empty);
}

TEST(LinkageValues, MasksResidentNumbers) {
  EXPECT_EQ(mask_resident_numbers("900101-1234567"), "900101-1******");
  EXPECT_EQ(mask_resident_numbers("9001011234567"), "900101-1******");
  EXPECT_EQ(mask_resident_numbers("홍길동 900101-1234567 외"), "홍길동 900101-1****** 외");
  EXPECT_EQ(mask_resident_numbers("12345678901234"),
            "12345678901234");  // 14 digits: not a number of a person
  EXPECT_EQ(mask_resident_numbers("R-2024-000001"), "R-2024-000001");
  EXPECT_EQ(mask_resident_numbers("52110"), "52110");
}

TEST(LinkageValues, PersonHashIsKeyedAndNeverMissing) {
  const PersonHasher a(kTestKey);
  std::array<unsigned char, 16> other = kTestKey;
  other[0] = 99;
  const PersonHasher b(other);
  EXPECT_EQ(a.hash("9001011234567"), a.hash("9001011234567"));
  EXPECT_NE(a.hash("9001011234567"), b.hash("9001011234567"));
  EXPECT_NE(a.hash("9001011234567"), a.hash("9001011234568"));
  std::set<std::uint64_t> seen;
  for (int i = 0; i < 1000; ++i) {
    const std::string n = "900101" + std::to_string(1000000 + i);
    const auto h = a.hash(n);
    EXPECT_NE(h, kMissingPerson);
    seen.insert(h);
  }
  EXPECT_EQ(seen.size(), 1000U);
}

TEST(LinkageValues, PersonLabel) {
  EXPECT_EQ(person_label(0x1a2b3c4d5e6f7081ULL), "개인 #1a2b3c4d");
  EXPECT_EQ(person_label(0x1ULL), "개인 #00000000");
}

}  // namespace
}  // namespace sotong::audit::linkage
