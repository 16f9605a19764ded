// Static files: codings chosen by Accept-Encoding, fingerprinted URLs cached for a year, stale ones
// revalidated.
#include "platform/operations/static_files.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

#include "platform/crypto.hpp"

namespace sotong::platform {
namespace {

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    init_crypto();
    root_ = std::filesystem::temp_directory_path() / ("sotong-static-test-" + std::to_string(::getpid()));
    std::filesystem::remove_all(root_);
    std::string css;
    for (int i = 0; i < 200; ++i) css += ".krds-btn-" + std::to_string(i) + "{color:red}\n";
    write("app/site.css", css + "a{background:url(img/icon.svg)}");
    write("app/img/icon.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>");
    write("app/font.woff2", std::string(4000, 'x'));  // compresses, but a font is never compressed again
    write("app/skipped/x.js", "var x;");
    write("app/notes.txt", "no servable type");
    files_ = std::make_unique<StaticFiles>(std::vector<StaticMount>{
        {"/static/app/", root_ / "app", {"site.css", "img/", "font.woff2"}},
        {"/static/none/", root_ / "missing"},
    });
  }
  void TearDown() override { std::filesystem::remove_all(root_); }

  void write(const std::string& relative, const std::string& text) {
    std::filesystem::create_directories((root_ / relative).parent_path());
    std::ofstream(root_ / relative, std::ios::binary) << text;
  }

  http::Response get(std::string target, std::vector<std::pair<std::string, std::string>> headers = {}) {
    http::Request r;
    r.method = "GET";
    r.target = target;
    const auto q = target.find('?');
    r.path = target.substr(0, q);
    r.query_string = q == std::string::npos ? "" : target.substr(q + 1);
    r.headers = std::move(headers);
    auto response = files_->serve(r);
    EXPECT_TRUE(response) << target;
    return response ? *response : http::Response{};
  }

  static std::string header(const http::Response& r, std::string_view name) {
    for (const auto& [n, v] : r.headers)
      if (n == name) return v;
    return "";
  }

  std::filesystem::path root_;
  std::unique_ptr<StaticFiles> files_;
};

}  // namespace

TEST_F(StaticFilesTest, OnlyTheListedFilesOfAMountAreServed) {
  EXPECT_EQ(files_->count(), 3u);
  EXPECT_EQ(files_->missing(), std::vector<std::string>{(root_ / "missing").string()});
  http::Request r;
  r.path = "/static/app/skipped/x.js";
  EXPECT_FALSE(files_->serve(r));
  EXPECT_EQ(files_->url("/static/app/nothing.css"), "/static/app/nothing.css");
}

TEST_F(StaticFilesTest, TextGoesOutInTheBestCodingTheBrowserAccepts) {
  const auto url = files_->url("/static/app/site.css");
  const auto plain = get(url);
  EXPECT_EQ(header(plain, "Content-Encoding"), "");
  EXPECT_EQ(header(plain, "Vary"), "Accept-Encoding");
  const auto br = get(url, {{"accept-encoding", "gzip, deflate, br"}});
  const auto gz = get(url, {{"accept-encoding", "gzip, br;q=0"}});
  EXPECT_EQ(header(br, "Content-Encoding"), "br");
  EXPECT_EQ(header(gz, "Content-Encoding"), "gzip");
  EXPECT_EQ(header(br, "Vary"), "Accept-Encoding");
  EXPECT_LT(br.body.size(), plain.body.size() / 5);
  EXPECT_LT(gz.body.size(), plain.body.size() / 5);
  // One ETag per representation, all from the one fingerprint.
  EXPECT_NE(header(plain, "ETag"), header(gz, "ETag"));
  EXPECT_NE(header(gz, "ETag"), header(br, "ETag"));
  EXPECT_EQ(get(url, {{"accept-encoding", "identity"}}).body, plain.body);

  const auto font = get("/static/app/font.woff2", {{"accept-encoding", "gzip, br"}});
  EXPECT_EQ(header(font, "Content-Encoding"), "");
  EXPECT_EQ(header(font, "Vary"), "");
  EXPECT_EQ(font.content_type, "font/woff2");
}

TEST_F(StaticFilesTest, OnlyTheCurrentFingerprintIsImmutable) {
  const auto url = files_->url("/static/app/site.css");
  ASSERT_TRUE(url.starts_with("/static/app/site.css?v="));
  EXPECT_EQ(header(get(url), "Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(header(get("/static/app/site.css"), "Cache-Control"), "no-cache");
  const auto stale = get("/static/app/site.css?v=0123456789abcdef");
  EXPECT_EQ(stale.status, 200);
  EXPECT_EQ(header(stale, "Cache-Control"), "no-cache");
  EXPECT_EQ(stale.body, get(url).body);
}

TEST_F(StaticFilesTest, ARevalidationIsAnswered304ForTheSameRepresentation) {
  const auto url = files_->url("/static/app/site.css");
  const auto gz = get(url, {{"accept-encoding", "gzip"}});
  const auto again = get(url, {{"accept-encoding", "gzip"}, {"if-none-match", header(gz, "ETag")}});
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  EXPECT_EQ(header(again, "ETag"), header(gz, "ETag"));
  EXPECT_EQ(header(again, "Vary"), "Accept-Encoding");
  EXPECT_EQ(
      get(url, {{"if-none-match", "\"x\", W/" + header(gz, "ETag")}, {"accept-encoding", "gzip"}}).status,
      304);
  // The gzip ETag does not stand for the br form.
  EXPECT_EQ(get(url, {{"accept-encoding", "br"}, {"if-none-match", header(gz, "ETag")}}).status, 200);
}

TEST_F(StaticFilesTest, AStylesheetNamesTheFingerprintedUrlsOfWhatItLoads) {
  const auto css = get(files_->url("/static/app/site.css")).body;
  EXPECT_NE(css.find("url(" + files_->url("/static/app/img/icon.svg") + ")"), std::string::npos) << css;
  EXPECT_NE(files_->url("/static/app/img/icon.svg"), "/static/app/img/icon.svg");
}

}  // namespace sotong::platform
