#include "platform/operations/static_files.hpp"

#include <fstream>
#include <sstream>

#include "platform/crypto.hpp"

namespace sotong::platform {
namespace {
const std::map<std::string, std::string, std::less<>> kTypes = {
    {".css", "text/css; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".svg", "image/svg+xml"},
    {".png", "image/png"},
    {".jpg", "image/jpeg"},
    {".gif", "image/gif"},
    {".ico", "image/x-icon"},
    {".woff2", "font/woff2"},
    {".woff", "font/woff"},
    {".json", "application/json"},
};
}  // namespace

std::vector<StaticMount> standard_mounts(const std::filesystem::path& web_root) {
  const auto modules = web_root / "node_modules";
  return {
      {"/static/app/", web_root / "static"},
      {"/static/krds/", modules / "krds-uiux" / "resources"},
      {"/static/htmx/", modules / "htmx.org" / "dist"},
      {"/static/fonts/", modules / "pretendard-gov" / "dist" / "web" / "static" / "woff2-subset"},
      {"/static/echarts/", modules / "echarts" / "dist"},
  };
}

StaticFiles::StaticFiles(const std::vector<StaticMount>& mounts) {
  namespace fs = std::filesystem;
  for (const auto& m : mounts) {
    std::error_code ec;
    if (!fs::is_directory(m.folder, ec)) {
      missing_.push_back(m.folder.string());
      continue;
    }
    for (auto it = fs::recursive_directory_iterator(m.folder, ec); it != fs::recursive_directory_iterator();
         ++it) {
      if (!it->is_regular_file()) continue;
      const auto ext = it->path().extension().string();
      auto type = kTypes.find(ext);
      if (type == kTypes.end()) continue;
      // Large bundles that pages never use (echarts' unminified builds, source maps) stay on disk.
      const auto name = it->path().filename().string();
      if (name.find(".map") != std::string::npos) continue;
      if (m.url_prefix == "/static/echarts/" && name != "echarts.min.js") continue;
      if (m.url_prefix == "/static/htmx/" && name != "htmx.min.js") continue;
      std::ifstream in(it->path(), std::ios::binary);
      std::stringstream buffer;
      buffer << in.rdbuf();
      File f{buffer.str(), type->second, ""};
      f.etag = "\"" + token_hash(f.body).substr(0, 16) + "\"";
      files_.emplace(m.url_prefix + fs::relative(it->path(), m.folder).generic_string(), std::move(f));
    }
  }
}

std::optional<http::Response> StaticFiles::serve(const http::Request& request) const {
  auto it = files_.find(request.path);
  if (it == files_.end()) return std::nullopt;
  const File& f = it->second;
  if (request.header("if-none-match") == f.etag) {
    http::Response r;
    r.status = 304;
    r.header("ETag", f.etag);
    return r;
  }
  http::Response r;
  r.content_type = f.content_type;
  r.body = f.body;
  r.header("ETag", f.etag);
  r.header("Cache-Control", "public, max-age=3600");
  r.header("X-Content-Type-Options", "nosniff");
  return r;
}

}  // namespace sotong::platform
