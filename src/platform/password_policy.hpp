// Password rules of the Korean guides (KISA): ≥ 10 characters of 2 kinds, or ≥ 8 of 3 kinds, and none of the
// commonly used passwords.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sotong::platform {

/// The Korean reason a password is refused, or nullopt when it is acceptable.
/// Kinds: upper-case letters, lower-case letters, digits, symbols. A password on the common list is refused
/// even when it has the length and the kinds.
std::optional<std::string> password_problem(std::string_view password, std::string_view login_id);

/// On the list of common passwords shipped with the program (data/common_passwords.txt), whatever the case.
bool is_common_password(std::string_view password);

}  // namespace sotong::platform
