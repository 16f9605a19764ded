#include "core/csv.hpp"

#include <gtest/gtest.h>

namespace sotong {

TEST(Csv, ReadsQuotedFieldsAndBom) {
  auto rows = parse_csv(
      "\xEF\xBB\xBF"
      "code,name\r\n52110,\"전주시, \"\"완산\"\"\"\n52130,군산시");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0], (CsvRow{"code", "name"}));
  EXPECT_EQ(rows[1], (CsvRow{"52110", "전주시, \"완산\""}));
  EXPECT_EQ(rows[2], (CsvRow{"52130", "군산시"}));
}

TEST(Csv, KeepsEmptyFields) {
  auto rows = parse_csv("a,,c\n");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0], (CsvRow{"a", "", "c"}));
}

}  // namespace sotong
