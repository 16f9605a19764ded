// Mustache templates compiled once at start, with partials inlined so each page renders in one pass.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "render/view.hpp"

namespace sotong::render {

struct TemplateSource {
  std::string name;  // "platform/login", partials start with "_" in their last segment
  std::string text;
};

/// The URL a page should name a static file by (the server's fingerprinted one), given its path.
using AssetUrl = std::function<std::string(std::string_view path)>;

class TemplateSet {
 public:
  /// Compiles every template; throws std::runtime_error naming the template that fails to parse or
  /// names a missing partial. `{{asset /static/…}}` becomes `asset_url(path)` once, here, so a page pays
  /// nothing for it; without `asset_url` it becomes the path itself.
  explicit TemplateSet(const std::vector<TemplateSource>& sources, const AssetUrl& asset_url = {});
  ~TemplateSet();

  /// Renders with HTML escaping on ({{x}} escapes, {{{x}}} does not). Throws if the name is unknown.
  std::string render(std::string_view name, const View& view) const;
  bool has(std::string_view name) const;

 private:
  struct Compiled;
  std::map<std::string, std::unique_ptr<Compiled>, std::less<>> compiled_;
};

/// Replaces each {{asset /path}} with `asset_url(path)` (the path when there is none), HTML-escaped.
std::string resolve_assets(const std::string& text, const AssetUrl& asset_url);

/// Replaces {{> name}} with the partial's text, recursively (a cycle is an error).
std::string inline_partials(const std::string& text, const std::map<std::string, std::string>& partials,
                            int depth = 0);

/// The text without each line's leading spaces and tabs, which HTML collapses anyway: pages are smaller. A
/// template with <pre> or <textarea>, where they would show, is kept as written.
std::string strip_indentation(const std::string& text);

}  // namespace sotong::render
