#include "platform/operations/css_urls.hpp"

#include <vector>

namespace sotong::platform {

std::optional<std::string> resolve_path(std::string_view base_path, std::string_view reference) {
  std::string joined;
  if (!reference.empty() && reference.front() == '/') {
    joined = reference;
  } else {
    joined = base_path.substr(0, base_path.rfind('/') + 1);
    joined += reference;
  }
  std::vector<std::string_view> segments;
  std::string_view rest = joined;
  while (!rest.empty()) {
    const auto slash = rest.find('/');
    const auto segment = rest.substr(0, slash);
    rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
    if (segment.empty() || segment == ".") continue;
    if (segment == "..") {
      if (segments.empty()) return std::nullopt;
      segments.pop_back();
    } else {
      segments.push_back(segment);
    }
  }
  std::string out;
  for (auto s : segments) (out += '/') += s;
  return out.empty() ? "/" : out;
}

std::string fingerprint_css_urls(
    std::string_view css, std::string_view css_path,
    const std::function<std::optional<std::string>(std::string_view)>& fingerprinted) {
  std::string out;
  out.reserve(css.size() + css.size() / 16);
  std::size_t pos = 0;
  for (;;) {
    const auto open = css.find("url(", pos);
    if (open == std::string_view::npos) break;
    const auto close = css.find(')', open);
    if (close == std::string_view::npos) break;
    out.append(css, pos, open + 4 - pos);
    pos = close;  // from here on: ")" and what follows
    std::string_view inner = css.substr(open + 4, close - open - 4);
    while (!inner.empty() && inner.front() == ' ') inner.remove_prefix(1);
    while (!inner.empty() && inner.back() == ' ') inner.remove_suffix(1);
    std::string_view quote;
    if (inner.size() >= 2 && (inner.front() == '"' || inner.front() == '\'') &&
        inner.back() == inner.front()) {
      quote = inner.substr(0, 1);
      inner = inner.substr(1, inner.size() - 2);
    }
    const auto hash = inner.find('#');
    const auto target = inner.substr(0, hash);
    const auto fragment = hash == std::string_view::npos ? std::string_view() : inner.substr(hash);
    const bool local = !target.empty() && target.find(':') == std::string_view::npos &&
                       target.find('?') == std::string_view::npos && target.substr(0, 2) != "//";
    std::optional<std::string> url;
    if (local) {
      if (auto path = resolve_path(css_path, target)) url = fingerprinted(*path);
    }
    if (!url) {
      out.append(css, open + 4, close - open - 4);
      continue;
    }
    ((out += quote) += *url) += fragment;
    out += quote;
  }
  out.append(css, pos);
  return out;
}

}  // namespace sotong::platform
