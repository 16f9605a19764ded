// Small helpers for route parameters.
#pragma once

#include <charconv>
#include <cstdint>
#include <optional>
#include <string_view>

namespace sotong::platform {

/// A positive database id from a path segment, or nullopt ("12a", "-1", "" are not ids).
inline std::optional<std::int64_t> parse_id(std::string_view text) {
  std::int64_t v = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc{} || p != text.data() + text.size() || v <= 0) return std::nullopt;
  return v;
}

}  // namespace sotong::platform
