#include "modules/audit/linkage/data_set_codec.hpp"

#include <gtest/gtest.h>

#include <array>

#include "modules/audit/linkage/csv_import.hpp"
#include "modules/audit/linkage/linkage_test_support.hpp"

namespace sotong::audit::linkage {
namespace {

DataSet sample() {
  const auto outcome = import_csv(
      "환급번호,주민등록번호,시군구코드,지급일자,환급액\n"
      "R-1,900101-1234567,52110,2024-03-15,\"1,234,000\"\n"
      "환급-둘,,52130,,-5\n"
      ",8503152000001,52110,1999-12-31,\n",
      {{"환급번호", "refund_id", ColumnKind::text},
       {"주민등록번호", "person", ColumnKind::person},
       {"시군구코드", "sigungu", ColumnKind::code},
       {"지급일자", "paid_date", ColumnKind::date},
       {"환급액", "amount", ColumnKind::amount}},
      PersonHasher(kTestKey));
  EXPECT_TRUE(outcome.ok());
  return outcome->data;
}

TEST(LinkageCodec, RoundTrip) {
  const DataSet d = sample();
  const std::string bytes = serialize(d);
  EXPECT_EQ(bytes.substr(0, 8), "SOTLNKDS");
  EXPECT_EQ(bytes.find("900101"), std::string::npos);  // only hashes were kept
  const auto back = deserialize(bytes);
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(serialize(back.value()), bytes);
  ASSERT_EQ(back->row_count(), 3U);
  EXPECT_EQ(back->find("refund_id")->text(1), "환급-둘");
  EXPECT_EQ(back->find("refund_id")->text(2), "");
  EXPECT_EQ(back->find("sigungu")->code(1), "52130");
  EXPECT_TRUE(back->find("paid_date")->is_missing(1));
  EXPECT_EQ(back->find("amount")->amount(1), -5);
  EXPECT_EQ(back->find("person")->person(0), d.find("person")->person(0));
  EXPECT_EQ(back->find("person")->kind(), ColumnKind::person);
}

TEST(LinkageCodec, EmptyDataSet) {
  const auto back = deserialize(serialize(DataSet()));
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->row_count(), 0U);
}

TEST(LinkageCodec, TruncatedOrCorruptBytesRefused) {
  const std::string bytes = serialize(sample());
  for (std::size_t n = 0; n < bytes.size(); ++n) {
    EXPECT_FALSE(deserialize(std::string_view(bytes).substr(0, n)).ok()) << n;
  }
  EXPECT_FALSE(deserialize(bytes + "x").ok());
  std::string other = bytes;
  other[0] = 'X';
  EXPECT_FALSE(deserialize(other).ok());
  other = bytes;
  other[8] = 2;  // version
  EXPECT_FALSE(deserialize(other).ok());
  other = bytes;
  other[12] = static_cast<char>(0xFF);  // rows: far more than the bytes hold
  EXPECT_FALSE(deserialize(other).ok());
  // Every single flipped byte is refused or read safely; none reads past the end (ASan checks that).
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    other = bytes;
    other[i] = static_cast<char>(other[i] ^ 0x5A);
    (void)deserialize(other);
  }
}

}  // namespace
}  // namespace sotong::audit::linkage
