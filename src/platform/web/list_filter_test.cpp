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

}  // namespace sotong::platform
