// Static files (KRDS, the font, htmx, the app's own CSS and JS), read into memory, fingerprinted and
// compressed once at start.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/request.hpp"
#include "http/response.hpp"

namespace sotong::platform {

struct StaticMount {
  std::string url_prefix;  // "/static/krds/"
  std::filesystem::path folder;
  /// What of the folder is served, as relative paths: a file ("htmx.min.js") or a folder ("img/"). Empty:
  /// everything. Bundles no page uses stay on disk (and out of memory and the start-up compression).
  std::vector<std::string> only = {};
};

class StaticFiles {
 public:
  /// Loads every servable file (css, js, fonts, images) under the mounts. Missing folders are reported in
  /// missing() rather than failing, so the server still starts without the front-end packages.
  explicit StaticFiles(const std::vector<StaticMount>& mounts);

  /// The file for the request path, in the coding the browser accepts best (br, gzip or as it is), with its
  /// ETag; 304 when the browser already has it. Asked for by its fingerprinted URL (url()), it may be kept
  /// for a year without asking again; by any other URL, the browser revalidates it every time.
  std::optional<http::Response> serve(const http::Request& request) const;
  /// The URL a page names `path` by: "/static/build/krds.css?v=<fingerprint>", which changes whenever the
  /// file does. The path as given when there is no such file.
  std::string url(std::string_view path) const;

  const std::vector<std::string>& missing() const { return missing_; }
  std::size_t count() const { return files_.size(); }

 private:
  struct File {
    std::string content_type;
    bool compressible = false;  // text; fonts and images are compressed already
    std::string fingerprint;    // of the content as served: in the URL (?v=) and the ETag
    std::string identity;
    std::string gzip;  // empty when the type does not compress (fonts, images) or gains too little
    std::string br;
  };
  void read(const std::vector<StaticMount>& mounts);
  void fingerprint();
  void compress();

  std::map<std::string, File, std::less<>> files_;
  std::vector<std::string> missing_;
};

/// The mounts of a standard installation, relative to the web root.
std::vector<StaticMount> standard_mounts(const std::filesystem::path& web_root);

}  // namespace sotong::platform
