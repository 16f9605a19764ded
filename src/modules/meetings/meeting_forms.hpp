// Request fields of 회의 (meetings) → typed values; nothing is checked here (the services and rules do).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "http/form.hpp"

namespace sotong::meetings {

/// A positive id in `field`, or nullopt when it is absent or not one.
std::optional<std::int64_t> read_id(const http::Form& form, std::string_view field);
/// A year in `field`; 0 when it is absent or not a number.
int read_year(const http::Form& form, std::string_view field);

}  // namespace sotong::meetings
