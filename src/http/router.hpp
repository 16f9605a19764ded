// Routes: method + path pattern ("/admin/organizations/{id}") → handler, matched segment by segment.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "http/request.hpp"
#include "http/response.hpp"

namespace sotong::http {

using Handler = std::function<Response(Request&)>;

struct Route {
  std::string method;
  std::string pattern;
  Handler handler;
  /// Runs on the I/O thread: only for handlers that never block (health, static files).
  bool on_io_thread = false;
  /// Largest body this route accepts; 0 means the server's default.
  std::size_t max_body = 0;
};

class Router {
 public:
  void add(Route route);

  struct Match {
    const Route* route = nullptr;
    bool path_known = false;  // the path exists under another method (→ 405)
  };
  /// Finds the route and fills request.path_params and request.route_pattern.
  Match match(Request& request) const;
  /// The route for a method and path without binding parameters (used to size the body limit).
  const Route* peek(std::string_view method, std::string_view path) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  struct Compiled {
    std::vector<std::string> segments;  // "{name}" marks a parameter
  };
  static std::vector<std::string_view> split(std::string_view path);
  bool matches(const Compiled& c, const std::vector<std::string_view>& parts, Request* bind) const;

  std::vector<Route> routes_;
  std::vector<Compiled> compiled_;
};

}  // namespace sotong::http
