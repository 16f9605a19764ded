// The project's own request type: what handlers see instead of Beast's message types.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sotong::http {

struct Request {
  std::string method;  // "GET", "POST", …
  std::string target;  // as sent: "/admin/organizations?kind=municipality"
  std::string path;    // percent-decoded path without the query
  std::string query_string;
  std::vector<std::pair<std::string, std::string>> headers;  // names in lower case
  std::string body;
  std::string remote_address;
  std::map<std::string, std::string> path_params;  // {id} segments of the matched route
  std::string route_pattern;                       // "/admin/organizations/{id}", for metrics and logs
  /// Set by a route whose path holds a credential (/calendar/feeds/{secret}.ics): logs write the pattern.
  bool secret_in_path = false;

  /// The first header with this lower-case name, or "".
  std::string_view header(std::string_view name) const;
  /// The value of a cookie, or "".
  std::string cookie(std::string_view name) const;
  /// True for an htmx request that wants only the fragment.
  bool is_htmx() const { return !header("hx-request").empty(); }
  /// The path as logs may write it: the route's pattern when the path holds a credential, and a fixed marker
  /// when such a path matched no route.
  std::string_view loggable_path() const {
    if (!secret_in_path) return path;
    return route_pattern.empty() ? std::string_view("{credential}") : std::string_view(route_pattern);
  }
  /// A path parameter, or "".
  std::string param(const std::string& name) const;
};

}  // namespace sotong::http
