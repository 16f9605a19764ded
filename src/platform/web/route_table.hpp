// A module's routes as a table of named handlers: method, path pattern, the policy action checked before the
// handler runs, and the handler itself (a plain function, so every route has a name and no captures).
#pragma once

#include <cstddef>
#include <string>

#include "http/response.hpp"

namespace sotong::platform {

class Web;
struct Context;

/// A handler: parse the request → call a service → render HTML or JSON.
using RouteHandler = http::Response (*)(Web& web, Context& ctx);

enum class RouteKind {
  page,  // HTML for browsers: session cookie, CSRF on writes, errors as pages
  api,   // JSON under /api/v1: Bearer token (or the session for reads), errors as JSON
};

struct RouteSpec {
  std::string method;   // "GET", "POST", "PATCH", "DELETE"
  std::string pattern;  // "/admin/organizations/{id}"
  std::string action;   // policy action, kPublic or kSignedIn
  RouteHandler handler = nullptr;
  RouteKind kind = RouteKind::page;
  std::size_t max_body = 0;  // 0: the server's default limit
  /// The path holds a credential (a calendar feed's secret): logs name the route's pattern instead.
  bool secret_in_path = false;
  /// Refused with 404, not 403, to those the policy does not grant the action: the route's records must not
  /// be known to exist outside the roles that hold it (an audit office's self-disclosures).
  bool hidden = false;
};

}  // namespace sotong::platform
