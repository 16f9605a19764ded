#include "platform/web/list_filter.hpp"

#include <gtest/gtest.h>

namespace sotong::platform {

TEST(ListFilter, ReadsStatusAndCleansTheSearch) {
  auto f = read_list_filter(http::Form::parse("status=inactive&q=+%EC%A0%84%EC%A3%BC+"));
  EXPECT_EQ(f.active, false);
  EXPECT_EQ(f.text, "전주");
  EXPECT_EQ(read_list_filter(http::Form::parse("status=active")).active, true);
  EXPECT_FALSE(read_list_filter(http::Form::parse("status=whatever")).active.has_value());
  EXPECT_EQ(read_list_filter(http::Form::parse("q=%ED%95")).text, "");  // broken UTF-8: no search
}

TEST(ListFilter, MarksTheChosenStatusForTheTemplate) {
  render::View v;
  add_list_filter(v, read_list_filter(http::Form::parse("status=active")));
  bool active = false, all = true;
  for (const auto& [k, value] : v.fields()) {
    if (k == "status_active") active = value.flag();
    if (k == "status_all") all = value.flag();
  }
  EXPECT_TRUE(active);
  EXPECT_FALSE(all);
}

TEST(ListFilter, ABadFilterSaysEveryFieldsProblemInOneMessage) {
  const Error e =
      filter_error({{"state", "단계를 목록에서 골라 주십시오."}, {"kind", "유형을 골라 주십시오."}});
  EXPECT_EQ(e.code, ErrorCode::invalid_input);
  EXPECT_EQ(e.message, "단계를 목록에서 골라 주십시오. 유형을 골라 주십시오.");
  ASSERT_EQ(e.fields.size(), 2U);
  EXPECT_EQ(e.fields[1].field, "kind");
}

}  // namespace sotong::platform
