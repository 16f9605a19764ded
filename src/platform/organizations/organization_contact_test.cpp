#include "platform/organizations/organization_contact.hpp"

#include <gtest/gtest.h>

namespace sotong::platform {

TEST(OrganizationContact, AcceptsTheUsualForms) {
  auto ok = validate_contact(
      {" 063-280-2114 ", "전북특별자치도 전주시 완산구 효자로 225", "https://www.jeonbuk.go.kr"});
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->phone, "063-280-2114");
  EXPECT_TRUE(validate_contact({"(063) 280 2114 내선 3", "", ""}).ok());
  EXPECT_TRUE(validate_contact({"", "", ""}).ok());
}

TEST(OrganizationContact, RefusesScriptLinksAndOddPhones) {
  for (const char* url : {"javascript:alert(1)", "www.jeonbuk.go.kr", "https://", "https://a b",
                          "https://x\"onclick", "data:text/html,x", "//evil.example"}) {
    auto r = validate_contact({"", "", url});
    ASSERT_FALSE(r.ok()) << url;
    EXPECT_EQ(r.error().fields.front().field, "homepage");
  }
  auto phone = validate_contact({"063-280-2114; DROP", "", ""});
  ASSERT_FALSE(phone.ok());
  EXPECT_EQ(phone.error().fields.front().field, "phone");
  EXPECT_FALSE(validate_contact({std::string(31, '1'), "", ""}).ok());
  EXPECT_FALSE(validate_contact({"", std::string(201 * 3, 'a'), ""}).ok());
}

}  // namespace sotong::platform
