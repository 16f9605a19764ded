#include "http/router.hpp"

#include <stdexcept>

namespace sotong::http {

std::vector<std::string_view> Router::split(std::string_view path) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (start < path.size()) {
    if (path[start] == '/') {
      ++start;
      continue;
    }
    const auto end = path.find('/', start);
    parts.push_back(path.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) break;
    start = end;
  }
  // A trailing slash is a segment of its own ("/admin/" differs from "/admin").
  if (path.size() > 1 && path.back() == '/') parts.emplace_back();
  return parts;
}

void Router::add(Route route) {
  if (route.pattern.empty() || route.pattern.front() != '/')
    throw std::invalid_argument("bad route " + route.pattern);
  Compiled c;
  for (auto part : split(route.pattern)) c.segments.emplace_back(part);
  compiled_.push_back(std::move(c));
  routes_.push_back(std::move(route));
}

bool Router::matches(const Compiled& c, const std::vector<std::string_view>& parts, Request* bind) const {
  if (c.segments.size() != parts.size()) return false;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const std::string& seg = c.segments[i];
    const bool param = seg.size() > 2 && seg.front() == '{' && seg.back() == '}';
    if (param) {
      if (parts[i].empty()) return false;
      if (bind) bind->path_params[seg.substr(1, seg.size() - 2)] = std::string(parts[i]);
    } else if (seg != parts[i]) {
      return false;
    }
  }
  return true;
}

Router::Match Router::match(Request& request) const {
  const auto parts = split(request.path);
  const std::string_view method =
      request.method == "HEAD" ? std::string_view("GET") : std::string_view(request.method);
  Match m;
  for (std::size_t i = 0; i < routes_.size(); ++i) {
    if (!matches(compiled_[i], parts, nullptr)) continue;
    if (routes_[i].method != method) {
      m.path_known = true;
      continue;
    }
    request.path_params.clear();
    matches(compiled_[i], parts, &request);
    request.route_pattern = routes_[i].pattern;
    m.route = &routes_[i];
    return m;
  }
  return m;
}

const Route* Router::peek(std::string_view method, std::string_view path) const {
  const auto parts = split(path);
  for (std::size_t i = 0; i < routes_.size(); ++i)
    if (routes_[i].method == method && matches(compiled_[i], parts, nullptr)) return &routes_[i];
  return nullptr;
}

}  // namespace sotong::http
