// url()s in a stylesheet pointed at fingerprinted files.
#include "platform/operations/css_urls.hpp"

#include <gtest/gtest.h>

namespace sotong::platform {
namespace {

std::optional<std::string> known(std::string_view path) {
  if (path == "/static/krds/img/a.svg" || path == "/static/fonts/R.0.woff2")
    return std::string(path) + "?v=1f";
  return std::nullopt;
}

}  // namespace

TEST(CssUrls, RelativeReferencesResolveAgainstTheStylesheetsFolder) {
  EXPECT_EQ(resolve_path("/static/krds/css/component/output.css", "../../img/a.svg"),
            "/static/krds/img/a.svg");
  EXPECT_EQ(resolve_path("/static/app/sotong.css", "../krds/img/./a.svg"), "/static/krds/img/a.svg");
  EXPECT_EQ(resolve_path("/static/app/sotong.css", "a.svg"), "/static/app/a.svg");
  EXPECT_EQ(resolve_path("/static/app/sotong.css", "/static//fonts/x.woff2"), "/static/fonts/x.woff2");
  EXPECT_EQ(resolve_path("/static/app/sotong.css", "../../../x"), std::nullopt);
}

TEST(CssUrls, KnownFilesGetTheirFingerprintInEveryQuotingStyle) {
  EXPECT_EQ(
      fingerprint_css_urls("a{mask:url(/static/krds/img/a.svg) no-repeat}", "/static/build/k.css", known),
      "a{mask:url(/static/krds/img/a.svg?v=1f) no-repeat}");
  EXPECT_EQ(fingerprint_css_urls(R"(a{b:url("../krds/img/a.svg")})", "/static/app/s.css", known),
            R"(a{b:url("/static/krds/img/a.svg?v=1f")})");
  EXPECT_EQ(fingerprint_css_urls("@font-face{src:url( '/static/fonts/R.0.woff2' ) format(\"woff2\")}",
                                 "/static/build/s.css", known),
            "@font-face{src:url('/static/fonts/R.0.woff2?v=1f') format(\"woff2\")}");
  EXPECT_EQ(fingerprint_css_urls("a{b:url(/static/krds/img/a.svg#icon)}", "/x.css", known),
            "a{b:url(/static/krds/img/a.svg?v=1f#icon)}");
}

TEST(CssUrls, EverythingElseStaysAsWritten) {
  for (std::string_view css :
       {"a{b:url(/static/other.svg)}", "a{b:url(data:image/svg+xml;base64,AAAA)}",
        "a{b:url(https://example.org/static/krds/img/a.svg)}", "a{b:url(/static/krds/img/a.svg?x=1)}",
        "a{b:url(//cdn.example/a.svg)}", "a{b:url()}", "a{b:url(#mask)}", "a{b:url(/static/krds/img/a.svg}",
        "no urls at all", ""}) {
    EXPECT_EQ(fingerprint_css_urls(css, "/static/build/k.css", known), css);
  }
}

}  // namespace sotong::platform
