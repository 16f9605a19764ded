// The rules of an upload: size limits, the allow-list of file types checked by name AND content, file names.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "http/multipart.hpp"

namespace sotong::platform::attachments {

inline constexpr std::size_t kMiB = 1024 * 1024;

struct Limits {
  std::size_t per_file = 10 * kMiB;
  std::size_t per_request = 20 * kMiB;  // also the upload route's max_body
  std::size_t files_per_request = 20;
};

/// A file that passed every rule: its cleaned name and the content type detected from its bytes.
struct CheckedFile {
  std::string file_name;  // NFC, without any directory part
  std::string content_type;
  const std::string* content = nullptr;  // points into the uploaded file
};

/// The allowed extensions, for the upload form's `accept` and its help text (".pdf,.hwp,…").
std::string accepted_extensions();

/// The file name as stored: the last path segment (a browser on Windows may send "C:\…\a.pdf"), Hangul
/// composed (NFC), trimmed; a Korean error when empty, not UTF-8, longer than 200 characters or holding
/// control characters.
Result<std::string> clean_file_name(std::string_view raw);

/// The content type of an allowed file, when its extension is on the allow-list AND its bytes look like
/// that type (magic bytes; valid UTF-8 for .txt/.csv). A Korean error naming the file otherwise.
Result<std::string> detect_type(std::string_view file_name, std::string_view content);

/// Checks every file of one request: count, per-file and total size (ErrorCode::too_large), name and type.
/// Fails on the first refused file, so a caller stores nothing unless every file passed.
Result<std::vector<CheckedFile>> check_files(const std::vector<http::MultipartFile>& files,
                                             const Limits& limits = {});

/// "1.2 MB", "340 KB", "12 B" for lists.
std::string human_size(std::int64_t bytes);

}  // namespace sotong::platform::attachments
