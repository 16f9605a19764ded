#include "http/multipart.hpp"

#include <gtest/gtest.h>

namespace sotong::http {

TEST(Multipart, FindsBoundaryWithQuotesAndCase) {
  EXPECT_EQ(Multipart::boundary_of("multipart/form-data; boundary=abc123"), "abc123");
  EXPECT_EQ(Multipart::boundary_of("Multipart/Form-Data; charset=utf-8; boundary=\"a;b c\""), "a;b c");
  EXPECT_FALSE(Multipart::boundary_of("application/x-www-form-urlencoded"));
  EXPECT_FALSE(Multipart::boundary_of("multipart/form-data"));
  EXPECT_FALSE(Multipart::boundary_of("multipart/form-data; boundary=\"open"));
}

TEST(Multipart, ParsesFieldsAndFilesWithKoreanNames) {
  const std::string body =
      "preamble\r\n--XyZ\r\n"
      "Content-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
      "tok\r\n--XyZ\r\n"
      "Content-Disposition: form-data; name=\"files\"; filename=\"조직도.pdf\"\r\n"
      "Content-Type: application/pdf\r\n\r\n"
      "%PDF-1.7\r\n\r\nline\r\n--XyZ\r\n"
      "content-disposition: form-data; name=\"files\"; filename=\"x.txt\"; "
      "filename*=UTF-8''%EC%84%A4%EC%B9%98%20%EA%B7%BC%EA%B1%B0.txt\r\n\r\n"
      "--XyZ is not a boundary without CRLF\r\n--XyZ--\r\nepilogue";
  auto parsed = Multipart::parse(body, "XyZ");
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  EXPECT_TRUE(parsed->present());
  EXPECT_EQ(parsed->get("_csrf"), "tok");
  ASSERT_EQ(parsed->files().size(), 2u);
  EXPECT_EQ(parsed->files()[0].field, "files");
  EXPECT_EQ(parsed->files()[0].file_name, "조직도.pdf");
  EXPECT_EQ(parsed->files()[0].content_type, "application/pdf");
  EXPECT_EQ(parsed->files()[0].content, "%PDF-1.7\r\n\r\nline");  // CRLFs inside content are kept
  EXPECT_EQ(parsed->files()[1].file_name, "설치 근거.txt");       // filename* wins over filename
  EXPECT_EQ(parsed->files()[1].content, "--XyZ is not a boundary without CRLF");
}

TEST(Multipart, QuotedParamsKeepSemicolonsAndEscapes) {
  const std::string body =
      "--b\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a;b "
      "\\\"c\\\".txt\"\r\n\r\nx\r\n--b--";
  auto parsed = Multipart::parse(body, "b");
  ASSERT_TRUE(parsed.ok());
  ASSERT_EQ(parsed->files().size(), 1u);
  EXPECT_EQ(parsed->files()[0].file_name, "a;b \"c\".txt");
}

TEST(Multipart, SkipsAnEmptyFileInput) {
  const std::string body =
      "--b\r\nContent-Disposition: form-data; name=\"files\"; filename=\"\"\r\n"
      "Content-Type: application/octet-stream\r\n\r\n\r\n--b--\r\n";
  auto parsed = Multipart::parse(body, "b");
  ASSERT_TRUE(parsed.ok());
  EXPECT_TRUE(parsed->files().empty());
}

TEST(Multipart, RefusesMalformedBodiesInKorean) {
  for (const std::string& body : std::vector<std::string>{
           std::string("no boundary here"),
           std::string("--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nunterminated"),
           std::string("--b\r\nNoColonHeader\r\n\r\nx\r\n--b--"),
           std::string("--b\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\nx\r\n--b--"),
           std::string("--b\r\nContent-Disposition: form-data\r\n\r\nx\r\n--b--"),
           std::string("--bjunk\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nx\r\n--b--"),
           std::string(
               "--b\r\nContent-Disposition: form-data; name=\"f\"; filename*=UTF-8''%ZZ\r\n\r\nx\r\n--b--"),
       }) {
    auto parsed = Multipart::parse(body, "b");
    ASSERT_FALSE(parsed.ok()) << body;
    EXPECT_NE(parsed.error().message.find("올바르지 않습니다"), std::string::npos);
  }
}

TEST(Multipart, DecodesExtValues) {
  EXPECT_EQ(decode_ext_value("UTF-8''%ED%95%9C.pdf"), "한.pdf");
  EXPECT_EQ(decode_ext_value("utf-8'ko'a%20b"), "a b");
  EXPECT_EQ(decode_ext_value("iso-8859-1''caf%E9"), "caf\xC3\xA9");
  EXPECT_FALSE(decode_ext_value("EUC-KR''%C7%D1"));
  EXPECT_FALSE(decode_ext_value("no-quotes"));
}

}  // namespace sotong::http
