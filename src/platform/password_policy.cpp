#include "platform/password_policy.hpp"

#include "core/korean_text.hpp"

namespace sotong::platform {

std::optional<std::string> password_problem(std::string_view password, std::string_view login_id) {
  if (!is_valid_utf8(password)) return "비밀번호에 올바르지 않은 문자가 있습니다.";
  const std::size_t length = char_count(password);
  if (length > 64) return "비밀번호는 64자 이하로 정해 주십시오.";
  bool upper = false, lower = false, digit = false, symbol = false;
  for (const char c : password) {
    if (c >= 'A' && c <= 'Z') {
      upper = true;
    } else if (c >= 'a' && c <= 'z') {
      lower = true;
    } else if (c >= '0' && c <= '9') {
      digit = true;
    } else if (c == ' ' || (c > ' ' && c < 0x7F)) {
      symbol = true;
    } else {
      return "비밀번호에는 영문 대소문자, 숫자, 특수문자만 쓸 수 있습니다.";
    }
  }
  const int kinds = upper + lower + digit + symbol;
  if (!((length >= 10 && kinds >= 2) || (length >= 8 && kinds >= 3))) {
    return "비밀번호는 영문 대문자·소문자·숫자·특수문자 중 2종류 이상으로 10자 이상, 또는 3종류 이상으로 8자 "
           "이상이어야 "
           "합니다.";
  }
  if (!login_id.empty() && password.find(login_id) != std::string_view::npos) {
    return "비밀번호에 아이디를 넣을 수 없습니다.";
  }
  return std::nullopt;
}

}  // namespace sotong::platform
