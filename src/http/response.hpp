// The project's own response type and cookie helper.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sotong::http {

struct Response {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;

  static Response html(std::string body, int status = 200);
  static Response json(std::string body, int status = 200);
  static Response text(std::string body, int status = 200);
  /// 303 See Other: after a form post the browser fetches the next page with GET.
  static Response redirect(std::string location, int status = 303);

  Response& header(std::string name, std::string value);
};

struct CookieOptions {
  bool http_only = true;
  bool secure = false;
  std::string same_site = "Lax";
  long max_age = -1;  // seconds; -1: a browser-session cookie; 0: delete
  std::string path = "/";
};

/// True for a path on this site that is safe to put in a Location header or a link: it starts with one "/",
/// and holds no byte ≤ 0x20 (controls, TAB, CR, LF, space), no DEL and no backslash, which browsers would
/// strip or read as "/" and so turn "/\t/evil.example" or "/\\evil.example" into another site.
bool is_local_path(std::string_view target);

/// True when no header name or value holds CR, LF or NUL (which would split the response on the wire).
bool headers_safe(const Response& response);

/// A Set-Cookie header value.
std::string set_cookie(std::string_view name, std::string_view value, const CookieOptions& options);

/// The name a cookie goes by: "__Host-" + name when it is Secure (the browser then accepts it only with
/// Secure, Path=/ and no Domain, from this very host, so a sibling subdomain or a plain-HTTP page cannot
/// plant or shadow it), else the name as it is.
std::string cookie_name(std::string_view name, bool secure);

}  // namespace sotong::http
