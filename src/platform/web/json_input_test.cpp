#include "platform/web/json_input.hpp"

#include <gtest/gtest.h>

namespace sotong::platform {
namespace {
const std::vector<JsonField> kSpec = {{"name", JsonType::string},
                                      {"parent_id", JsonType::integer, true},
                                      {"roles", JsonType::string_list},
                                      {"active", JsonType::boolean}};
}

TEST(JsonInput, ReadsTypedFields) {
  auto r = read_json_fields(R"({"name":"전주시","parent_id":null,"roles":["a","b"],"active":false})", kSpec);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->at("name"), "전주시");
  EXPECT_EQ(r->at("parent_id"), "");
  EXPECT_EQ(r->at("roles"), "a\nb");
  EXPECT_EQ(r->at("active"), "0");
}

TEST(JsonInput, RefusesWrongTypesUnknownFieldsAndBrokenJson) {
  auto r = read_json_fields(R"({"name":3,"parent_id":"x","colour":"red"})", kSpec);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().fields.size(), 3u);
  EXPECT_FALSE(read_json_fields("{", kSpec).ok());
  EXPECT_FALSE(read_json_fields("[1]", kSpec).ok());
  EXPECT_FALSE(read_json_fields("{\"name\":\"\xED\x95\"}", kSpec).ok());
}

TEST(JsonInput, RefusesNulAndControlCharactersInText) {
  for (const char* body :
       {R"({"name":"admin\u0000x"})", R"({"name":"a\u001bb"})", R"({"roles":["admin\u0000"]})"}) {
    auto r = read_json_fields(body, kSpec);
    ASSERT_FALSE(r.ok()) << body;
    ASSERT_EQ(r.error().fields.size(), 1u) << body;
  }
  EXPECT_TRUE(read_json_fields(R"({"name":"줄\n바꿈\t탭"})", kSpec).ok());  // LF and TAB are text
}

TEST(JsonInput, ReadsIntegerListsAndRefusesAnythingElseInThem) {
  const std::vector<JsonField> spec = {{"ids", JsonType::integer_list}};
  auto r = read_json_fields(R"({"ids":[12, 14]})", spec);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->at("ids"), "12\n14");
  EXPECT_EQ(read_json_fields(R"({"ids":[]})", spec)->at("ids"), "");
  for (const char* body :
       {R"({"ids":["12"]})", R"({"ids":[1.5]})", R"({"ids":12})", R"({"ids":[18446744073709551615]})"}) {
    auto bad = read_json_fields(body, spec);
    ASSERT_FALSE(bad.ok()) << body;
    EXPECT_EQ(bad.error().fields.front().message, "정수 목록이어야 합니다.") << body;
  }
}

}  // namespace sotong::platform
