// The url()s of a stylesheet pointed at fingerprinted files, so what the CSS loads (fonts, icons) can be
// cached as long as the stylesheet itself.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace sotong::platform {

/// `css`, served at `css_path` ("/static/build/krds.css"), with every url() that names a local file rewritten
/// to what `fingerprinted` answers for the file's absolute path ("/static/fonts/a.woff2" →
/// "/static/fonts/a.woff2?v=…"); a relative url() is resolved against `css_path` first. url()s it answers
/// nothing for, data: and other schemes, and ones with a query are left as written; a #fragment is kept.
std::string fingerprint_css_urls(
    std::string_view css, std::string_view css_path,
    const std::function<std::optional<std::string>(std::string_view)>& fingerprinted);

/// `reference` resolved against the folder of `base_path`: "../img/a.svg" from "/static/krds/css/x.css" is
/// "/static/krds/img/a.svg". An absolute path is only normalised. nullopt when ".." climbs above the root.
std::optional<std::string> resolve_path(std::string_view base_path, std::string_view reference);

}  // namespace sotong::platform
