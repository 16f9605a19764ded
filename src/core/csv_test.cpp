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

TEST(Csv, RowsOfDifferentWidthsAreHandedOverOneAtATime) {
  std::vector<CsvRow> seen;
  each_csv_row("a,b,c\n\"x,y\"\r\n1,,\n,\nlast", [&](CsvRow& row) {
    seen.push_back(row);
    return true;
  });
  ASSERT_EQ(seen.size(), 5u);
  EXPECT_EQ(seen[0], (CsvRow{"a", "b", "c"}));
  EXPECT_EQ(seen[1], (CsvRow{"x,y"}));
  EXPECT_EQ(seen[2], (CsvRow{"1", "", ""}));
  EXPECT_EQ(seen[3], (CsvRow{"", ""}));
  EXPECT_EQ(seen[4], (CsvRow{"last"}));
}

TEST(Csv, StopsWhenAsked) {
  int rows = 0;
  each_csv_row("1\n2\n3\n", [&](CsvRow&) { return ++rows < 2; });
  EXPECT_EQ(rows, 2);
}

}  // namespace sotong
