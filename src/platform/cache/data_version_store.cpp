#include "platform/cache/data_version.hpp"

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
  // The whole table, one fixed statement: it holds a row per kind of kept data (a handful), and a scan of it
  // costs a fifth of `name IN (?, …)`, for which SQLite builds a temporary table on every run. Every page
  // asks this several times.
  std::vector<std::string> found(names.size());
  c.each("SELECT name, token FROM cache_versions", {}, [&](store::Row&& row) {
    const std::string& name = row.text(0);
    for (std::size_t i = 0; i < names.size(); ++i)
      if (names[i] == name) found[i] = row.text(1);
  });
  std::string out;
  for (const auto& t : found) {
    if (t.empty()) return "";
    out += t;
    out += '/';
  }
  return out;
}

}  // namespace sotong::platform::data_version
