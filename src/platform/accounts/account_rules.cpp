#include "platform/accounts/account_rules.hpp"

#include <algorithm>
#include <charconv>

#include "core/korean_text.hpp"

namespace sotong::platform {
namespace {
bool valid_login_id(std::string_view id) {
  if (id.size() < 4 || id.size() > 30) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
  });
}

bool valid_email(std::string_view e) {
  const auto at = e.find('@');
  return at != std::string_view::npos && at > 0 && e.find('.', at) != std::string_view::npos &&
         e.back() != '.' && e.find(' ') == std::string_view::npos && e.size() <= 254;
}
}  // namespace

Result<ValidAccount> validate_account(const AccountInput& in) {
  std::vector<FieldError> errors;
  ValidAccount out;
  if (!clean_line(in.login_id, out.login_id) || !valid_login_id(out.login_id)) {
    errors.push_back(
        {"login_id", "아이디는 영문 소문자, 숫자, 점(.), 밑줄(_), 하이픈(-)으로 4~30자여야 합니다."});
  }
  if (!clean_line(in.display_name, out.display_name) || out.display_name.empty()) {
    errors.push_back({"display_name", "이름을 입력해 주십시오."});
  } else if (char_count(out.display_name) > 30) {
    errors.push_back({"display_name", "이름은 30자 이하로 입력해 주십시오."});
  }
  if (!clean_line(in.email, out.email) || (!out.email.empty() && !valid_email(out.email))) {
    errors.push_back({"email", "전자우편 주소 형식이 올바르지 않습니다(예: hong@korea.kr)."});
  }
  if (!clean_line(in.position, out.position) || char_count(out.position) > 30) {
    errors.push_back({"position", "직위는 30자 이하로 입력해 주십시오."});
  }
  const std::string_view org = trim(in.organization_id);
  auto [p, ec] = std::from_chars(org.data(), org.data() + org.size(), out.organization_id);
  if (org.empty() || ec != std::errc{} || p != org.data() + org.size() || out.organization_id <= 0) {
    errors.push_back({"organization_id", "소속 기관을 선택해 주십시오."});
  }
  for (const auto& code : in.roles) {
    auto role = role_from_code(code);
    if (!role) {
      errors.push_back({"roles", "알 수 없는 역할입니다: " + code});
      continue;
    }
    if (std::find(out.roles.begin(), out.roles.end(), *role) == out.roles.end()) out.roles.push_back(*role);
  }
  if (out.roles.empty() &&
      std::none_of(errors.begin(), errors.end(), [](const auto& e) { return e.field == "roles"; })) {
    errors.push_back({"roles", "역할을 하나 이상 선택해 주십시오."});
  }
  out.active = in.active;
  if (!errors.empty()) return Error::invalid("입력 내용을 확인해 주십시오.", std::move(errors));
  return out;
}

Lockout after_failed_login(std::int64_t failures_before, int threshold, int minutes, Timestamp now) {
  const std::int64_t failures = failures_before + 1;
  if (failures >= threshold) return {0, now + minutes * 60LL};
  return {failures, 0};
}

bool is_locked(Timestamp locked_until, Timestamp now) {
  return locked_until > now;
}

bool sign_in_throttled(std::int64_t failures_from_address, std::int64_t failures_total, int per_address_limit,
                       int total_limit) {
  return failures_from_address >= per_address_limit ||
         (failures_total >= total_limit && failures_from_address > 0);
}

Result<void> check_self_edit(const Actor& actor, std::int64_t account_id, const ValidAccount& change) {
  if (actor.account_id != account_id) return success();
  if (!change.active) return Error::conflict("자기 계정은 비활성화할 수 없습니다.");
  if (actor.has(Role::admin) &&
      std::find(change.roles.begin(), change.roles.end(), Role::admin) == change.roles.end()) {
    return Error::conflict("자기 계정의 시스템 관리자 역할은 뺄 수 없습니다.",
                           {{"roles", "자기 계정의 시스템 관리자 역할은 뺄 수 없습니다."}});
  }
  return success();
}

}  // namespace sotong::platform
