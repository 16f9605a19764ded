#include "http/response.hpp"

namespace sotong::http {

namespace {
Response with_body(std::string content_type, std::string body, int status) {
  Response r;
  r.status = status;
  r.content_type = std::move(content_type);
  r.body = std::move(body);
  return r;
}
}  // namespace

Response Response::html(std::string body, int status) {
  return with_body("text/html; charset=utf-8", std::move(body), status);
}
Response Response::json(std::string body, int status) {
  return with_body("application/json", std::move(body), status);
}
Response Response::text(std::string body, int status) {
  return with_body("text/plain; charset=utf-8", std::move(body), status);
}

Response Response::redirect(std::string location, int status) {
  Response r;
  r.status = status;
  r.headers.emplace_back("Location", std::move(location));
  return r;
}

Response& Response::header(std::string name, std::string value) {
  headers.emplace_back(std::move(name), std::move(value));
  return *this;
}

bool is_local_path(std::string_view target) {
  if (target.empty() || target[0] != '/') return false;
  if (target.size() > 1 && (target[1] == '/' || target[1] == '\\')) return false;
  for (unsigned char ch : target)
    if (ch <= 0x20 || ch == 0x7F || ch == '\\') return false;
  return true;
}

bool headers_safe(const Response& response) {
  const auto clean = [](std::string_view text) {
    return text.find_first_of(std::string_view("\r\n\0", 3)) == std::string_view::npos;
  };
  for (const auto& [name, value] : response.headers)
    if (!clean(name) || !clean(value)) return false;
  return clean(response.content_type);
}

std::string cookie_name(std::string_view name, bool secure) {
  return secure ? "__Host-" + std::string(name) : std::string(name);
}

std::string set_cookie(std::string_view name, std::string_view value, const CookieOptions& o) {
  std::string out;
  out.append(name).append("=").append(value).append("; Path=").append(o.path);
  if (o.max_age >= 0) out.append("; Max-Age=").append(std::to_string(o.max_age));
  if (o.http_only) out.append("; HttpOnly");
  if (o.secure) out.append("; Secure");
  if (!o.same_site.empty()) out.append("; SameSite=").append(o.same_site);
  return out;
}

}  // namespace sotong::http
