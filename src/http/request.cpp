#include "http/request.hpp"

#include "core/korean_text.hpp"

namespace sotong::http {

std::string_view Request::header(std::string_view name) const {
  for (const auto& [k, v] : headers)
    if (k == name) return v;
  return {};
}

std::string Request::cookie(std::string_view name) const {
  std::string_view all = header("cookie");
  while (!all.empty()) {
    const auto semi = all.find(';');
    std::string_view pair = trim(all.substr(0, semi));
    all = semi == std::string_view::npos ? std::string_view{} : all.substr(semi + 1);
    const auto eq = pair.find('=');
    if (eq != std::string_view::npos && pair.substr(0, eq) == name) return std::string(pair.substr(eq + 1));
  }
  return {};
}

std::string Request::param(const std::string& name) const {
  auto it = path_params.find(name);
  return it == path_params.end() ? std::string{} : it->second;
}

}  // namespace sotong::http
