#include "platform/accounts/account_permissions.hpp"

#include <algorithm>

namespace sotong::platform::accounts {

std::vector<Permission> permissions() {
  return {
      {kManage, {Role::admin}, Scope::everywhere, "계정 등록·수정·비밀번호 초기화·잠금 해제"},
      {kAdminArea, {Role::admin}, Scope::everywhere, "관리 화면 보기"},
      {kViewPeople, std::vector<Role>(kAllRoles.begin(), kAllRoles.end()), Scope::own_organization,
       "직원 찾기: 소속 기관(도 전체 역할은 전체)의 직원 이름·직위·소속·전자우편 보기"},
  };
}

bool can_view_account(const Policy& policy, const Actor& actor, const Account& account) {
  if (account.organization_path.empty()) return false;
  if (!policy.allows_in(actor, kViewPeople, account.organization_path)) return false;
  return account.active || policy.allows(actor, kManage);
}

std::optional<std::string> people_scope(const Policy& policy, const Actor& actor) {
  if (!policy.allows(actor, kViewPeople)) return std::nullopt;
  const auto it = policy.permissions().find(kViewPeople);
  if (it == policy.permissions().end()) return std::nullopt;
  const auto& granted = it->second.roles;
  const bool everywhere =
      it->second.scope == Scope::everywhere ||
      std::any_of(actor.roles.begin(), actor.roles.end(), [&](Role r) {
        return is_province_wide(r) && std::find(granted.begin(), granted.end(), r) != granted.end();
      });
  if (everywhere) return std::string{};
  if (actor.organization_path.empty()) return std::nullopt;
  return actor.organization_path;
}

}  // namespace sotong::platform::accounts
