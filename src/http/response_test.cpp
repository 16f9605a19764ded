// What may go into a Location header or a link, and headers that would split a response.
#include "http/response.hpp"

#include <gtest/gtest.h>

namespace sotong::http {

TEST(Response, OnlyPathsOnThisSiteAreLocal) {
  EXPECT_TRUE(is_local_path("/"));
  EXPECT_TRUE(is_local_path("/admin/organizations?kind=municipality&q=%EC%A0%84"));
  for (const char* bad : {"", "admin", "//evil.example", "/\\evil.example", "\\\\evil.example",
                          "/\t/evil.example", "/ /evil.example", "/x\r\nSet-Cookie: a=b", "/x\ny", "/x\x7f",
                          "/a\\b", "https://evil.example/", "javascript:alert(1)"}) {
    EXPECT_FALSE(is_local_path(bad)) << bad;
  }
  EXPECT_FALSE(is_local_path(std::string_view("/x\0y", 4)));
}

TEST(Response, AHeaderWithCrLfOrNulIsUnsafeWhoeverSetIt) {
  Response r = Response::redirect("/");
  EXPECT_TRUE(headers_safe(r));
  r.header("Set-Cookie", "a=b");
  EXPECT_TRUE(headers_safe(r));
  for (std::string bad :
       {std::string("a\r\nSet-Cookie: evil=1"), std::string("a\nb"), std::string("a\0b", 3)}) {
    Response value = Response::redirect("/");
    value.header("X-Test", bad);
    EXPECT_FALSE(headers_safe(value));
    Response name = Response::redirect("/");
    name.header(bad, "v");
    EXPECT_FALSE(headers_safe(name));
  }
  Response location = Response::redirect("/next\r\nSet-Cookie: sotong_session=attacker");
  EXPECT_FALSE(headers_safe(location));
}

TEST(Response, SecureCookiesGoByTheHostPrefixWithPathSlashAndNoDomain) {
  EXPECT_EQ(cookie_name("sotong_session", false), "sotong_session");
  EXPECT_EQ(cookie_name("sotong_session", true), "__Host-sotong_session");
  CookieOptions secure;
  secure.secure = true;
  const std::string line = set_cookie(cookie_name("sotong_session", true), "abc", secure);
  EXPECT_EQ(line.rfind("__Host-sotong_session=abc; Path=/;", 0), 0u) << line;
  EXPECT_NE(line.find("; Secure"), std::string::npos) << line;
  EXPECT_EQ(line.find("Domain"), std::string::npos) << line;
}

}  // namespace sotong::http
