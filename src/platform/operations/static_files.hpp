// Static files (KRDS, the font, htmx, the app's own CSS and JS), read into memory once at start.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "http/request.hpp"
#include "http/response.hpp"

namespace sotong::platform {

struct StaticMount {
  std::string url_prefix;  // "/static/krds/"
  std::filesystem::path folder;
};

class StaticFiles {
 public:
  /// Loads every servable file (css, js, fonts, images) under the mounts. Missing folders are reported in
  /// missing() rather than failing, so the server still starts without the front-end packages.
  explicit StaticFiles(const std::vector<StaticMount>& mounts);

  /// The file for the request path, with ETag and caching; 304 when the browser already has it.
  std::optional<http::Response> serve(const http::Request& request) const;
  const std::vector<std::string>& missing() const { return missing_; }
  std::size_t count() const { return files_.size(); }

 private:
  struct File {
    std::string body;
    std::string content_type;
    std::string etag;
  };
  std::map<std::string, File, std::less<>> files_;
  std::vector<std::string> missing_;
};

/// The mounts of a standard installation, relative to the web root.
std::vector<StaticMount> standard_mounts(const std::filesystem::path& web_root);

}  // namespace sotong::platform
