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
