#include "platform/attachments/attachment_rules.hpp"

#include <gtest/gtest.h>

namespace sotong::platform::attachments {
namespace {
const std::string kPdf = "%PDF-1.7\n...";
const std::string kOle = std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + "rest";
const std::string kZip = std::string("PK\x03\x04", 4) + "rest";
const std::string kExe = "MZ\x90\x00 this program cannot be run in DOS mode";

http::MultipartFile file(std::string name, std::string content) {
  return {"files", std::move(name), "application/octet-stream", std::move(content)};
}
}  // namespace

TEST(AttachmentRules, DetectsAllowedTypesByNameAndContent) {
  EXPECT_EQ(*detect_type("조직도.pdf", kPdf), "application/pdf");
  EXPECT_EQ(*detect_type("설치 근거.HWP", kOle), "application/x-hwp");
  EXPECT_EQ(*detect_type("a.hwpx", kZip), "application/hwp+zip");
  EXPECT_EQ(*detect_type("a.xls", kOle), "application/vnd.ms-excel");
  EXPECT_EQ(*detect_type("a.docx", kZip),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  EXPECT_EQ(*detect_type("a.zip", std::string("PK\x05\x06", 4)), "application/zip");
  EXPECT_EQ(*detect_type("p.jpg", "\xFF\xD8\xFF\xE0"), "image/jpeg");
  EXPECT_EQ(*detect_type("p.png", "\x89PNG\r\n\x1A\nxx"), "image/png");
  EXPECT_EQ(*detect_type("p.gif", "GIF89a.."), "image/gif");
  EXPECT_EQ(*detect_type("메모.txt", "전주시 예산"), "text/plain; charset=utf-8");
  EXPECT_EQ(*detect_type("표.csv", "\xEF\xBB\xBF이름,값\r\n"), "text/csv; charset=utf-8");
}

TEST(AttachmentRules, RefusesRenamedAndUnknownFilesNamingThem) {
  auto renamed = detect_type("보고서.pdf", kExe);
  ASSERT_FALSE(renamed.ok());
  EXPECT_NE(renamed.error().message.find("보고서.pdf"), std::string::npos);
  EXPECT_NE(renamed.error().message.find("확장자"), std::string::npos);
  EXPECT_FALSE(detect_type("setup.exe", kExe).ok());
  EXPECT_FALSE(detect_type("noext", kPdf).ok());
  EXPECT_FALSE(detect_type("a.hwp", kZip).ok());  // hwp must be OLE, not zip
  EXPECT_FALSE(detect_type("a.docx", kOle).ok());
  EXPECT_FALSE(detect_type("bad.txt", "\xC3\x28").ok());              // invalid UTF-8
  EXPECT_FALSE(detect_type("nul.txt", std::string("a\0b", 3)).ok());  // binary
}

TEST(AttachmentRules, CleansFileNames) {
  EXPECT_EQ(*clean_file_name("C:\\Users\\kim\\조직도.pdf"), "조직도.pdf");
  EXPECT_EQ(*clean_file_name("../../etc/passwd.txt"), "passwd.txt");
  // Decomposed Hangul (macOS) is composed: ᄒ ᅡ ᆫ → 한.
  EXPECT_EQ(*clean_file_name("\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB.txt"), "한.txt");
  EXPECT_FALSE(clean_file_name("").ok());
  EXPECT_FALSE(clean_file_name("a\nb.txt").ok());
  EXPECT_FALSE(clean_file_name("\xFF.txt").ok());
  // U+202E RIGHT-TO-LEFT OVERRIDE: the name would read as "보고서exe.pdf".
  auto reversed = clean_file_name("보고서\u202Efdp.exe");
  ASSERT_FALSE(reversed.ok());
  EXPECT_NE(reversed.error().message.find("방향"), std::string::npos);
  for (const char* control : {"\u200F", "\u2066", "\u202A", "\u061C"})
    EXPECT_FALSE(clean_file_name(std::string("a") + control + "b.txt").ok()) << control;
  EXPECT_FALSE(clean_file_name(std::string(201, 'a') + ".txt").ok());
}

TEST(AttachmentRules, EnforcesPerFileAndPerRequestLimits) {
  Limits limits{100, 150, 3};
  auto ok = check_files({file("a.txt", std::string(100, 'a')), file("b.pdf", kPdf)}, limits);
  ASSERT_TRUE(ok.ok());
  ASSERT_EQ(ok->size(), 2u);
  EXPECT_EQ((*ok)[1].content_type, "application/pdf");

  auto big = check_files({file("큰파일.txt", std::string(101, 'a'))}, limits);
  ASSERT_FALSE(big.ok());
  EXPECT_EQ(big.error().code, ErrorCode::too_large);
  EXPECT_NE(big.error().message.find("큰파일.txt"), std::string::npos);

  auto total =
      check_files({file("a.txt", std::string(90, 'a')), file("b.txt", std::string(90, 'b'))}, limits);
  ASSERT_FALSE(total.ok());
  EXPECT_EQ(total.error().code, ErrorCode::too_large);

  EXPECT_FALSE(check_files({}, limits).ok());
  EXPECT_FALSE(
      check_files({file("a.txt", "1"), file("b.txt", "2"), file("c.txt", "3"), file("d.txt", "4")}, limits)
          .ok());
  EXPECT_FALSE(check_files({file("empty.txt", "")}, limits).ok());
  // One bad file refuses the whole request.
  EXPECT_FALSE(check_files({file("a.txt", "ok"), file("evil.pdf", kExe)}, limits).ok());
}

TEST(AttachmentRules, DefaultsAndSizes) {
  const Limits d;
  EXPECT_EQ(d.per_file, 10u * 1024 * 1024);
  EXPECT_EQ(d.per_request, 20u * 1024 * 1024);
  EXPECT_EQ(human_size(12), "12 B");
  EXPECT_EQ(human_size(2048), "2 KB");
  EXPECT_EQ(human_size(10 * 1024 * 1024), "10.0 MB");
  EXPECT_NE(accepted_extensions().find(".hwpx"), std::string::npos);
}

}  // namespace sotong::platform::attachments
