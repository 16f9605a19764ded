// application/x-www-form-urlencoded bodies and query strings, decoded into an ordered multimap.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sotong::http {

/// Decodes %XX and '+' (as space); false when an escape is malformed.
bool percent_decode(std::string_view in, std::string& out, bool plus_is_space);
std::string percent_encode(std::string_view in);
/// Appends `name=value` (the value percent-encoded) to a query string, after an '&' when it holds some: an
/// empty value adds nothing, so a link carries only the filters that are set.
void append_query(std::string& query, std::string_view name, std::string_view value);
/// True when `text` holds NUL, DEL or another control character (TAB, CR and LF are ordinary text). Both
/// engines must store the same text: PostgreSQL cuts a string at NUL, SQLite keeps it.
bool has_control_characters(std::string_view text);

class Form {
 public:
  /// Parses "a=1&b=%ED%95%9C"; malformed pairs are dropped and remembered in malformed().
  static Form parse(std::string_view encoded);

  /// The first value for `name`, or "" when absent.
  std::string get(std::string_view name) const;
  std::optional<std::string> find(std::string_view name) const;
  std::vector<std::string> all(std::string_view name) const;
  bool has(std::string_view name) const { return find(name).has_value(); }
  bool malformed() const { return malformed_; }
  const std::vector<std::pair<std::string, std::string>>& fields() const { return fields_; }

 private:
  std::vector<std::pair<std::string, std::string>> fields_;
  bool malformed_ = false;
};

}  // namespace sotong::http
