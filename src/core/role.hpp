// The roles of SPEC.md and the actor: who is making a request, with which organisation and roles.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sotong {

enum class Role {
  admin,
  coordinator,
  bureau,
  municipal,
  auditor,
  budget,
  researcher,
  committee,
  hr,
  expert,
  trainer
};

inline constexpr std::array kAllRoles = {Role::admin,   Role::coordinator, Role::bureau,     Role::municipal,
                                         Role::auditor, Role::budget,      Role::researcher, Role::committee,
                                         Role::hr,      Role::expert,      Role::trainer};

/// The stable code stored in the database and used in the API ("coordinator").
std::string_view role_code(Role role);
/// The Korean name shown on screen ("시·군정책협력담당").
std::string_view role_label(Role role);
std::optional<Role> role_from_code(std::string_view code);
/// Province-wide roles act on every organisation; others only within their own organisation.
bool is_province_wide(Role role);

struct Actor {
  std::int64_t account_id = 0;
  std::string login_id;
  std::string display_name;
  std::int64_t organization_id = 0;
  std::string organization_name;
  /// Materialised path of the organisation ("/1/12/"), used for scope checks.
  std::string organization_path;
  std::vector<Role> roles;
  /// Where the request came from (the client's address); history and the access log record it.
  std::string remote_address;

  bool has(Role role) const;
  bool province_wide() const;
  /// True when `path` (an organisation's materialised path) lies inside the actor's organisation.
  bool within_scope(std::string_view path) const;
};

}  // namespace sotong
