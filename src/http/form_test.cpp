#include "http/form.hpp"

#include <gtest/gtest.h>

#include "http/request.hpp"

namespace sotong::http {

TEST(Form, DecodesKoreanAndPlus) {
  auto form = Form::parse("name=%EC%A0%84%EC%A3%BC%EC%8B%9C&note=a+b&role=bureau&role=admin");
  EXPECT_EQ(form.get("name"), "전주시");
  EXPECT_EQ(form.get("note"), "a b");
  EXPECT_EQ(form.all("role"), (std::vector<std::string>{"bureau", "admin"}));
  EXPECT_FALSE(form.malformed());
  EXPECT_EQ(form.get("missing"), "");
}

TEST(Form, FlagsBrokenEscapes) {
  auto form = Form::parse("a=%ZZ&b=1&c=%4");
  EXPECT_TRUE(form.malformed());
  EXPECT_EQ(form.get("b"), "1");
  EXPECT_FALSE(form.has("a"));
}

TEST(Form, EncodesForUrls) {
  EXPECT_EQ(percent_encode("전 a/b"), "%EC%A0%84%20a%2Fb");
}

TEST(Form, AQueryStringCarriesOnlyTheValuesThatAreSet) {
  std::string query;
  append_query(query, "state", "");
  EXPECT_EQ(query, "");
  append_query(query, "q", "예산&x=1");
  append_query(query, "kind", "");
  append_query(query, "view", "open");
  EXPECT_EQ(query, "q=%EC%98%88%EC%82%B0%26x%3D1&view=open");
  EXPECT_EQ(Form::parse(query).get("q"), "예산&x=1") << "what is appended reads back whole";
}

TEST(Form, FindsControlCharactersButNotTabsAndLineBreaks) {
  EXPECT_TRUE(has_control_characters(std::string_view("admin\0x", 7)));
  EXPECT_TRUE(has_control_characters("a\x1b[31mb"));
  EXPECT_TRUE(has_control_characters("a\x7f"));
  EXPECT_FALSE(has_control_characters("전주시\t정책\r\n기획과"));
  EXPECT_FALSE(has_control_characters(""));
}

TEST(Request, ReadsCookies) {
  Request r;
  r.headers = {{"cookie", "a=1; sotong_session=abc; b=2"}};
  EXPECT_EQ(r.cookie("sotong_session"), "abc");
  EXPECT_EQ(r.cookie("c"), "");
}

}  // namespace sotong::http
