#include "platform/operations/static_files.hpp"

#include <malloc.h>

#include <fstream>
#include <sstream>

#include "core/korean_text.hpp"
#include "http/content_coding.hpp"
#include "platform/crypto.hpp"
#include "platform/operations/css_urls.hpp"

namespace sotong::platform {
namespace {

struct Type {
  std::string_view content_type;
  bool text;  // compresses well; fonts and images are compressed already
};

const std::map<std::string, Type, std::less<>> kTypes = {
    {".css", {"text/css; charset=utf-8", true}},
    {".js", {"text/javascript; charset=utf-8", true}},
    {".svg", {"image/svg+xml", true}},
    {".json", {"application/json", true}},
    {".png", {"image/png", false}},
    {".jpg", {"image/jpeg", false}},
    {".gif", {"image/gif", false}},
    {".ico", {"image/x-icon", false}},
    {".woff2", {"font/woff2", false}},
    {".woff", {"font/woff", false}},
};

// A year: the longest a cache honours. The fingerprint changes with the file, so nothing is kept stale.
constexpr std::string_view kImmutable = "public, max-age=31536000, immutable";
// Any other URL: kept, but asked about (If-None-Match) before each use, so a new release shows at once.
constexpr std::string_view kRevalidate = "no-cache";

bool served(const StaticMount& m, const std::string& relative) {
  if (m.only.empty()) return true;
  for (const auto& entry : m.only) {
    if (entry.ends_with('/') ? relative.starts_with(entry) : relative == entry) return true;
  }
  return false;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

/// True when If-None-Match names `etag` (a list; weak comparison, as RFC 9110 §13.1.2 asks for GET) or is
/// "*".
bool etag_matches(std::string_view if_none_match, std::string_view etag) {
  while (!if_none_match.empty()) {
    const auto comma = if_none_match.find(',');
    auto candidate = trim(if_none_match.substr(0, comma));
    if_none_match = comma == std::string_view::npos ? std::string_view() : if_none_match.substr(comma + 1);
    if (candidate.starts_with("W/")) candidate.remove_prefix(2);
    if (candidate == "*" || candidate == etag) return true;
  }
  return false;
}

}  // namespace

std::vector<StaticMount> standard_mounts(const std::filesystem::path& web_root) {
  const auto modules = web_root / "node_modules";
  return {
      {"/static/app/", web_root / "static"},
      // What scripts/build-web-assets.mjs makes (`make web`): the pruned, minified CSS and JS the layout
      // loads, and the Pretendard GOV slices their @font-face rules name.
      {"/static/build/", web_root / "build"},
      // KRDS's icons (named by its CSS), and the full CSS and script the layout linked before the build, for
      // anything still linking them; not its other bundles or its copy of the font.
      {"/static/krds/",
       modules / "krds-uiux" / "resources",
       {"img/", "css/component/output.css", "css/token/krds_tokens.css", "js/component/ui-script.js"}},
      {"/static/htmx/", modules / "htmx.org" / "dist", {"htmx.min.js"}},
      {"/static/echarts/", modules / "echarts" / "dist", {"echarts.min.js"}},
  };
}

StaticFiles::StaticFiles(const std::vector<StaticMount>& mounts) {
  read(mounts);
  fingerprint();
  compress();
  // The encoders' work buffers are freed, but glibc keeps their pages: hand them back (6 MB of resident
  // memory).
  malloc_trim(0);
}

void StaticFiles::read(const std::vector<StaticMount>& mounts) {
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
      auto type = kTypes.find(it->path().extension().string());
      if (type == kTypes.end()) continue;
      const auto relative = fs::relative(it->path(), m.folder).generic_string();
      if (!served(m, relative)) continue;
      File f;
      f.content_type = type->second.content_type;
      f.compressible = type->second.text;
      f.identity = read_file(it->path());
      files_.emplace(m.url_prefix + relative, std::move(f));
    }
  }
}

void StaticFiles::fingerprint() {
  // Every other file first, then the stylesheets: their url()s are pointed at the others' fingerprinted URLs
  // (so a font or icon is cached as long as the CSS that loads it), and they are fingerprinted as rewritten.
  const auto stylesheet = [](const File& f) { return f.content_type.starts_with("text/css"); };
  for (auto& [path, f] : files_) {
    if (!stylesheet(f)) f.fingerprint = token_hash(f.identity).substr(0, 16);
  }
  for (auto& [path, f] : files_) {
    if (!stylesheet(f)) continue;
    f.identity =
        fingerprint_css_urls(f.identity, path, [this](std::string_view p) -> std::optional<std::string> {
          auto it = files_.find(p);
          if (it == files_.end() || it->second.fingerprint.empty()) return std::nullopt;
          return std::string(p) + "?v=" + it->second.fingerprint;
        });
    f.fingerprint = token_hash(f.identity).substr(0, 16);
  }
}

void StaticFiles::compress() {
  for (auto& [path, f] : files_) {
    if (!f.compressible) continue;
    const std::size_t size = f.identity.size();
    // Each form is kept only when it saves a tenth: a tiny file is not worth a second representation.
    auto gz = http::gzip_compress(f.identity);
    if (gz.size() < size * 9 / 10) f.gzip = std::move(gz);
    // Brotli's best quality runs at about 1 MB/s, plus a millisecond or two to set up: worth it for what
    // pages link (the build's files, 2–200 KB), not for icons of a few hundred bytes, nor for the full KRDS
    // CSS and ECharts (a second of start-up each; quality 5 is 50× faster and 25 % larger).
    auto br = http::brotli_compress(f.identity, size >= 2048 && size <= 256 * 1024 ? 11 : 5);
    if (br.size() < size * 9 / 10) f.br = std::move(br);
  }
}

std::string StaticFiles::url(std::string_view path) const {
  auto it = files_.find(path);
  if (it == files_.end()) return std::string(path);
  return std::string(path) + "?v=" + it->second.fingerprint;
}

std::optional<http::Response> StaticFiles::serve(const http::Request& request) const {
  auto it = files_.find(request.path);
  if (it == files_.end()) return std::nullopt;
  const File& f = it->second;
  const auto coding = http::choose_coding(request.header("accept-encoding"), !f.gzip.empty(), !f.br.empty());
  // Each coding is its own representation: its own ETag, so a cache never answers a gzip request with br.
  std::string etag = "\"" + f.fingerprint;
  if (coding != http::ContentCoding::identity) (etag += '-') += http::coding_name(coding);
  etag += '"';
  // Only the URL with the current fingerprint is immutable: an old page naming last release's file gets
  // today's, to be asked about again next time.
  const bool fingerprinted = request.query_string == "v=" + f.fingerprint;
  http::Response r;
  r.content_type = f.content_type;
  if (etag_matches(request.header("if-none-match"), etag)) {
    r.status = 304;
  } else {
    r.body = coding == http::ContentCoding::br     ? f.br
             : coding == http::ContentCoding::gzip ? f.gzip
                                                   : f.identity;
    if (coding != http::ContentCoding::identity)
      r.header("Content-Encoding", std::string(http::coding_name(coding)));
    r.header("X-Content-Type-Options", "nosniff");
  }
  r.header("ETag", std::move(etag));
  r.header("Cache-Control", std::string(fingerprinted ? kImmutable : kRevalidate));
  if (f.compressible) r.header("Vary", "Accept-Encoding");
  return r;
}

}  // namespace sotong::platform
