#include "platform/attachments/attachment_rules.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "core/korean_text.hpp"

namespace sotong::platform::attachments {
namespace {

enum class Magic { pdf, ole, zip, jpeg, png, gif, utf8_text };

struct Allowed {
  const char* extension;
  Magic magic;
  const char* content_type;
};

constexpr Allowed kAllowed[] = {
    {"pdf", Magic::pdf, "application/pdf"},
    {"hwp", Magic::ole, "application/x-hwp"},
    {"hwpx", Magic::zip, "application/hwp+zip"},
    {"doc", Magic::ole, "application/msword"},
    {"xls", Magic::ole, "application/vnd.ms-excel"},
    {"ppt", Magic::ole, "application/vnd.ms-powerpoint"},
    {"docx", Magic::zip, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
    {"xlsx", Magic::zip, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
    {"pptx", Magic::zip, "application/vnd.openxmlformats-officedocument.presentationml.presentation"},
    {"jpg", Magic::jpeg, "image/jpeg"},
    {"jpeg", Magic::jpeg, "image/jpeg"},
    {"png", Magic::png, "image/png"},
    {"gif", Magic::gif, "image/gif"},
    {"txt", Magic::utf8_text, "text/plain; charset=utf-8"},
    {"csv", Magic::utf8_text, "text/csv; charset=utf-8"},
    {"zip", Magic::zip, "application/zip"},
};

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

bool matches(Magic magic, std::string_view c) {
  using namespace std::string_view_literals;
  switch (magic) {
    case Magic::pdf:
      return starts_with(c, "%PDF-"sv);
    case Magic::ole:
      return starts_with(c, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"sv);
    case Magic::zip:
      return starts_with(c, "PK\x03\x04"sv) || starts_with(c, "PK\x05\x06"sv);
    case Magic::jpeg:
      return starts_with(c, "\xFF\xD8\xFF"sv);
    case Magic::png:
      return starts_with(c, "\x89PNG\r\n\x1A\n"sv);
    case Magic::gif:
      return starts_with(c, "GIF87a"sv) || starts_with(c, "GIF89a"sv);
    case Magic::utf8_text:
      return c.find('\0') == std::string_view::npos && is_valid_utf8(c);
  }
  return false;
}

std::string extension_of(std::string_view name) {
  const auto dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return "";
  std::string ext(name.substr(dot + 1));
  for (auto& ch : ext) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return ext;
}

}  // namespace

std::string accepted_extensions() {
  std::string out;
  for (const auto& a : kAllowed) out += (out.empty() ? "." : ",.") + std::string(a.extension);
  return out;
}

Result<std::string> clean_file_name(std::string_view raw) {
  if (!is_valid_utf8(raw)) return Error::invalid("파일 이름이 올바른 UTF-8 글자가 아닙니다.");
  const auto slash = raw.find_last_of("/\\");
  if (slash != std::string_view::npos) raw = raw.substr(slash + 1);
  std::string name = compose_hangul(trim(raw));
  if (name.empty()) return Error::invalid("파일 이름이 비어 있습니다.");
  if (std::any_of(name.begin(), name.end(),
                  [](char ch) { return static_cast<unsigned char>(ch) < 0x20 || ch == 0x7F; }))
    return Error::invalid("파일 이름에 쓸 수 없는 글자가 있습니다: " + name);
  // Bidirectional controls make "보고서\u202Efdp.exe" read as "보고서exe.pdf": a name is shown as it is.
  for (std::string_view control : {"\u061C", "\u200E", "\u200F", "\u202A", "\u202B", "\u202C", "\u202D",
                                   "\u202E", "\u2066", "\u2067", "\u2068", "\u2069"}) {
    if (name.find(control) != std::string::npos)
      return Error::invalid(
          "파일 이름에 글자 방향을 바꾸는 제어 문자가 있습니다. 이름을 바꾸어 다시 올려 주십시오.");
  }
  if (char_count(name) > 200) return Error::invalid("파일 이름은 200자를 넘을 수 없습니다: " + name);
  return name;
}

Result<std::string> detect_type(std::string_view file_name, std::string_view content) {
  const std::string ext = extension_of(file_name);
  const auto found = std::find_if(std::begin(kAllowed), std::end(kAllowed),
                                  [&](const Allowed& a) { return ext == a.extension; });
  if (found == std::end(kAllowed))
    return Error::invalid(with_particle("‘" + std::string(file_name) + "’", "은/는") +
                          " 올릴 수 없는 형식입니다. 허용 형식: " + accepted_extensions());
  if (!matches(found->magic, content))
    return Error::invalid("‘" + std::string(file_name) + "’의 내용이 ." + ext +
                          " 파일이 아닙니다. 확장자를 바꾼 파일은 올릴 수 없습니다.");
  return std::string(found->content_type);
}

Result<std::vector<CheckedFile>> check_files(const std::vector<http::MultipartFile>& files,
                                             const Limits& limits) {
  if (files.empty())
    return Error::invalid("올릴 파일을 선택해 주십시오.", {{"files", "파일을 선택해 주십시오."}});
  if (files.size() > limits.files_per_request)
    return Error::invalid("한 번에 " + std::to_string(limits.files_per_request) + "개까지 올릴 수 있습니다.");
  std::size_t total = 0;
  std::vector<CheckedFile> out;
  for (const auto& f : files) {
    auto name = clean_file_name(f.file_name);
    if (!name) return name.error();
    if (f.content.size() > limits.per_file)
      return Error{ErrorCode::too_large,
                   "‘" + *name + "’의 크기(" + human_size(static_cast<std::int64_t>(f.content.size())) +
                       ")가 파일당 한도 " + human_size(static_cast<std::int64_t>(limits.per_file)) +
                       "를 넘습니다.",
                   {}};
    total += f.content.size();
    if (total > limits.per_request)
      return Error{ErrorCode::too_large,
                   "올린 파일의 합계가 한 번에 올릴 수 있는 " +
                       human_size(static_cast<std::int64_t>(limits.per_request)) + "를 넘습니다.",
                   {}};
    if (f.content.empty())
      return Error::invalid(with_particle("‘" + *name + "’", "은/는") + " 빈 파일입니다.");
    auto type = detect_type(*name, f.content);
    if (!type) return type.error();
    out.push_back({std::move(*name), std::move(*type), &f.content});
  }
  return out;
}

std::string human_size(std::int64_t bytes) {
  char buf[32];
  if (bytes >= static_cast<std::int64_t>(kMiB)) {
    std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / kMiB);
  } else if (bytes >= 1024) {
    std::snprintf(buf, sizeof buf, "%lld KB", static_cast<long long>((bytes + 1023) / 1024));
  } else {
    std::snprintf(buf, sizeof buf, "%lld B", static_cast<long long>(bytes));
  }
  return buf;
}

}  // namespace sotong::platform::attachments
