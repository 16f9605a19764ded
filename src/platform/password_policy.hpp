// Password rules of the Korean guides (KISA): ≥ 10 characters of 2 kinds, or ≥ 8 of 3 kinds.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sotong::platform {

/// The Korean reason a password is refused, or nullopt when it is acceptable.
/// Kinds: upper-case letters, lower-case letters, digits, symbols.
std::optional<std::string> password_problem(std::string_view password, std::string_view login_id);

}  // namespace sotong::platform
