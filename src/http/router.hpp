// Routes: method + path pattern ("/admin/organizations/{id}") → handler, matched segment by segment.
#pragma once

#include <array>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/request.hpp"
#include "http/response.hpp"

namespace sotong::http {

using Handler = std::function<Response(Request&)>;
/// Looks at a request's start line and headers before its body is read (on the worker pool): a response
/// refuses the request there (not signed in, not allowed), so a large body is never read for nothing.
using Admission = std::function<std::optional<Response>(const Request&)>;

struct Route {
  std::string method;
  std::string pattern;
  Handler handler;
  /// Runs on the I/O thread: only for handlers that never block (health, static files).
  bool on_io_thread = false;
  /// Largest body this route accepts; 0 means the server's default.
  std::size_t max_body = 0;
  /// Checked before a body larger than ServerOptions::early_check_bytes (or of unknown length) is read.
  Admission admit;
};

/// Matches a request to the most specific route: where two patterns both fit a path, the one with a literal
/// segment at the first place they differ wins ("/x/export.csv" over "/x/{id}"), whatever the order they
/// were added in. A trailing slash is a segment of its own ("/admin/" differs from "/admin").
class Router {
 public:
  /// Most segments a pattern may have; a longer path matches nothing.
  static constexpr std::size_t kMaxSegments = 16;

  /// Adds a route. Throws std::invalid_argument for a pattern that does not start with "/" or has too many
  /// segments, and std::logic_error (naming both) when a route with the same method and the same shape
  /// (literals equal, parameters in the same places, whatever their names) is already there.
  void add(Route route);

  struct Match {
    const Route* route = nullptr;
    bool path_known = false;  // the path exists under another method (→ 405)
  };
  /// Finds the route and fills request.path_params and request.route_pattern.
  Match match(Request& request) const;
  /// The route for a method and path without binding parameters (used to size the body limit).
  const Route* peek(std::string_view method, std::string_view path) const;
  /// Marks every request whose path starts with `prefix` ("/calendar/feeds/") as holding a credential,
  /// whether a route matches it or not: a garbled secret address ("/calendar/feeds/../stc_….ics") that
  /// matches nothing must not reach the request log either.
  void add_secret_prefix(std::string prefix);
  /// Every route, in the order they were added.
  const std::vector<Route>& routes() const { return routes_; }

 private:
  struct Segment {
    std::string text;  // the literal, or the parameter's name without braces
    bool parameter = false;
  };
  struct Compiled {
    std::vector<Segment> segments;
  };
  struct Parts {
    std::array<std::string_view, kMaxSegments> items;
    std::size_t size = 0;
    bool too_long = false;
  };
  static Parts split(std::string_view path);
  static bool fits(const Compiled& c, const Parts& parts);
  /// True when `a` should be tried before `b`: a literal beats a parameter at the first place they differ.
  static bool more_specific(const Compiled& a, const Compiled& b);
  /// The index of the best route for `method`, or npos; sets `path_known` when another method fits.
  std::size_t find(std::string_view method, const Parts& parts, bool* path_known) const;

  std::vector<Route> routes_;
  std::vector<std::string> secret_prefixes_;
  std::vector<Compiled> compiled_;
  /// Route indices by segment count, each list ordered most specific first (ties in the order added).
  std::array<std::vector<std::size_t>, kMaxSegments + 1> by_length_;
};

}  // namespace sotong::http
