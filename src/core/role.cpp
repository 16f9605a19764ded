#include "core/role.hpp"

#include <algorithm>

namespace sotong {
namespace {
struct RoleInfo {
  Role role;
  std::string_view code;
  std::string_view label;
  bool province_wide;
};

constexpr std::array<RoleInfo, 11> kRoles = {{
    {Role::admin, "admin", "시스템 관리자", true},
    {Role::coordinator, "coordinator", "시·군정책협력담당", true},
    {Role::bureau, "bureau", "도 실국 담당자", false},
    {Role::municipal, "municipal", "시·군 담당자", false},
    {Role::auditor, "auditor", "감사관실", true},
    {Role::budget, "budget", "예산과", false},
    {Role::researcher, "researcher", "전북연구원 연구진", false},
    {Role::committee, "committee", "조정위원회 위원", false},
    {Role::hr, "hr", "인사 담당", false},
    {Role::expert, "expert", "외부 전문가", false},
    {Role::trainer, "trainer", "교육 담당", false},
}};

const RoleInfo& info(Role role) {
  return *std::find_if(kRoles.begin(), kRoles.end(), [&](const RoleInfo& r) { return r.role == role; });
}
}  // namespace

std::string_view role_code(Role role) {
  return info(role).code;
}
std::string_view role_label(Role role) {
  return info(role).label;
}
bool is_province_wide(Role role) {
  return info(role).province_wide;
}

std::optional<Role> role_from_code(std::string_view code) {
  for (const auto& r : kRoles)
    if (r.code == code) return r.role;
  return std::nullopt;
}

bool Actor::has(Role role) const {
  return std::find(roles.begin(), roles.end(), role) != roles.end();
}

bool Actor::province_wide() const {
  return std::any_of(roles.begin(), roles.end(), is_province_wide);
}

bool Actor::within_scope(std::string_view path) const {
  if (province_wide()) return true;
  return !organization_path.empty() && path.substr(0, organization_path.size()) == organization_path;
}

}  // namespace sotong
