#include "platform/cache/data_version.hpp"

#include <map>

#include "platform/crypto.hpp"

namespace sotong::platform::data_version {

void bump(store::Connection& c, std::string_view name) {
  // Random rather than counted: a restored backup or another database in the same process can never show a
  // token this process has already seen for different data.
  c.execute(
      "INSERT INTO cache_versions (name, token) VALUES (?, ?) "
      "ON CONFLICT (name) DO UPDATE SET token = excluded.token",
      {std::string(name), random_token(16)});
}

void mark_if_unmarked(store::Connection& c, std::string_view name) {
  if (c.query("SELECT 1 FROM cache_versions WHERE name = ?", {std::string(name)}).empty()) bump(c, name);
}

std::string token(store::Connection& c, const std::vector<std::string>& names) {
  if (names.empty()) return "";
  std::string sql = "SELECT name, token FROM cache_versions WHERE name IN (";
  store::Params params;
  for (const auto& n : names) {
    sql += params.empty() ? "?" : ", ?";
    params.emplace_back(n);
  }
  sql += ")";
  std::map<std::string, std::string, std::less<>> found;
  for (auto& row : c.query(sql, params)) found[row.text(0)] = row.text(1);
  std::string out;
  for (const auto& n : names) {
    auto it = found.find(n);
    if (it == found.end()) return "";
    out += it->second;
    out += '/';
  }
  return out;
}

}  // namespace sotong::platform::data_version
