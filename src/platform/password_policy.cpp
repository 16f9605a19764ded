#include "platform/password_policy.hpp"

#include <unordered_set>

#include "core/embedded_file.hpp"
#include "core/korean_text.hpp"

namespace sotong::embedded {
std::vector<EmbeddedFile> passwords();
}

namespace sotong::platform {
namespace {

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

/// data/common_passwords.txt, read once: one lower-case password a line, # for notes.
const std::unordered_set<std::string>& common_passwords() {
  static const std::unordered_set<std::string> kCommon = [] {
    std::unordered_set<std::string> out;
    for (const auto& f : embedded::passwords()) {
      std::string_view text = f.text;
      while (!text.empty()) {
        const auto end = text.find('\n');
        const std::string_view line = trim(text.substr(0, end));
        text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
        if (!line.empty() && line.front() != '#') out.insert(lower_ascii(line));
      }
    }
    return out;
  }();
  return kCommon;
}

}  // namespace

bool is_common_password(std::string_view password) {
  return common_passwords().count(lower_ascii(password)) > 0;
}

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
  if (is_common_password(password)) {
    return "많이 쓰여 쉽게 짐작할 수 있는 비밀번호입니다(qwer1234! 같은 자판 순서, 영문 자판으로 친 한글 "
           "낱말 등). "
           "다른 비밀번호를 정해 주십시오.";
  }
  return std::nullopt;
}

}  // namespace sotong::platform
