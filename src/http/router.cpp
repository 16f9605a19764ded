#include "http/router.hpp"

#include <algorithm>
#include <stdexcept>

namespace sotong::http {

Router::Parts Router::split(std::string_view path) {
  Parts parts;
  const auto push = [&parts](std::string_view part) {
    if (parts.size == kMaxSegments) {
      parts.too_long = true;
      return;
    }
    parts.items[parts.size++] = part;
  };
  std::size_t start = 0;
  while (start < path.size()) {
    if (path[start] == '/') {
      ++start;
      continue;
    }
    const auto end = path.find('/', start);
    push(path.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) break;
    start = end;
  }
  // A trailing slash is a segment of its own ("/admin/" differs from "/admin").
  if (path.size() > 1 && path.back() == '/') push({});
  return parts;
}

bool Router::fits(const Compiled& c, const Parts& parts) {
  for (std::size_t i = 0; i < parts.size; ++i) {
    const Segment& seg = c.segments[i];
    if (seg.parameter ? parts.items[i].empty() : seg.text != parts.items[i]) return false;
  }
  return true;
}

bool Router::more_specific(const Compiled& a, const Compiled& b) {
  for (std::size_t i = 0; i < a.segments.size() && i < b.segments.size(); ++i) {
    if (a.segments[i].parameter != b.segments[i].parameter) return !a.segments[i].parameter;
  }
  return false;
}

void Router::add(Route route) {
  if (route.pattern.empty() || route.pattern.front() != '/')
    throw std::invalid_argument("bad route " + route.pattern);
  const Parts parts = split(route.pattern);
  if (parts.too_long) throw std::invalid_argument("route with too many segments " + route.pattern);
  Compiled c;
  c.segments.reserve(parts.size);
  for (std::size_t i = 0; i < parts.size; ++i) {
    const std::string_view part = parts.items[i];
    const bool parameter = part.size() > 2 && part.front() == '{' && part.back() == '}';
    c.segments.push_back({std::string(parameter ? part.substr(1, part.size() - 2) : part), parameter});
  }
  auto& bucket = by_length_[parts.size];
  for (const std::size_t other : bucket) {
    if (routes_[other].method != route.method) continue;
    const auto& theirs = compiled_[other].segments;
    const bool same_shape =
        std::equal(theirs.begin(), theirs.end(), c.segments.begin(), [](const Segment& x, const Segment& y) {
          return x.parameter == y.parameter && (x.parameter || x.text == y.text);
        });
    if (same_shape) {
      throw std::logic_error("duplicate route " + route.method + " " + route.pattern + ": same as " +
                             routes_[other].method + " " + routes_[other].pattern);
    }
  }
  const std::size_t index = routes_.size();
  compiled_.push_back(std::move(c));
  routes_.push_back(std::move(route));
  // Before the first route it beats; after every route it does not (so ties keep the order added).
  const auto at = std::find_if(bucket.begin(), bucket.end(), [&](std::size_t other) {
    return more_specific(compiled_[index], compiled_[other]);
  });
  bucket.insert(at, index);
}

std::size_t Router::find(std::string_view method, const Parts& parts, bool* path_known) const {
  if (parts.too_long) return std::string::npos;
  for (const std::size_t i : by_length_[parts.size]) {
    if (!fits(compiled_[i], parts)) continue;
    if (routes_[i].method == method) return i;
    if (path_known) *path_known = true;
  }
  return std::string::npos;
}

void Router::add_secret_prefix(std::string prefix) {
  secret_prefixes_.push_back(std::move(prefix));
}

Router::Match Router::match(Request& request) const {
  for (const auto& prefix : secret_prefixes_)
    if (request.path.starts_with(prefix)) request.secret_in_path = true;
  const Parts parts = split(request.path);
  const std::string_view method =
      request.method == "HEAD" ? std::string_view("GET") : std::string_view(request.method);
  Match m;
  const std::size_t i = find(method, parts, &m.path_known);
  if (i == std::string::npos) return m;
  m.path_known = false;
  request.path_params.clear();
  const auto& segments = compiled_[i].segments;
  for (std::size_t k = 0; k < parts.size; ++k) {
    if (segments[k].parameter) request.path_params[segments[k].text] = std::string(parts.items[k]);
  }
  request.route_pattern = routes_[i].pattern;
  m.route = &routes_[i];
  return m;
}

const Route* Router::peek(std::string_view method, std::string_view path) const {
  const std::size_t i = find(method, split(path), nullptr);
  return i == std::string::npos ? nullptr : &routes_[i];
}

}  // namespace sotong::http
