// multipart/form-data bodies (RFC 7578): text fields and uploaded files, parsed from the whole body.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.hpp"

namespace sotong::http {

struct MultipartFile {
  std::string field;         // the form field's name ("files")
  std::string file_name;     // as sent: filename*= (RFC 5987) when present, else filename (UTF-8)
  std::string content_type;  // as the browser declared it (never trusted)
  std::string content;
};

class Multipart {
 public:
  /// The boundary of a `multipart/form-data; boundary=…` content type, or nullopt.
  static std::optional<std::string> boundary_of(std::string_view content_type);
  /// Parses a body with this boundary; a Korean error when the body is malformed.
  static Result<Multipart> parse(std::string_view body, std::string_view boundary);

  /// The first text field with this name, or "".
  std::string get(std::string_view name) const;
  const std::vector<std::pair<std::string, std::string>>& fields() const { return fields_; }
  const std::vector<MultipartFile>& files() const { return files_; }
  /// Moves the uploaded files out (their bytes are not copied); files() is empty afterwards.
  std::vector<MultipartFile> take_files() { return std::exchange(files_, {}); }
  /// Whether a multipart body was read at all.
  bool present() const { return present_; }

 private:
  std::vector<std::pair<std::string, std::string>> fields_;
  std::vector<MultipartFile> files_;
  bool present_ = false;
};

/// Decodes an RFC 5987 ext-value ("UTF-8''%ED%95%9C.pdf"); nullopt when malformed or not UTF-8/ISO-8859-1.
std::optional<std::string> decode_ext_value(std::string_view value);

}  // namespace sotong::http
