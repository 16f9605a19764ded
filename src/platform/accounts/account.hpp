// Accounts: who can sign in, in which organisation, with which roles.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/role.hpp"

namespace sotong::platform {

struct Account {
  std::int64_t id = 0;
  std::string login_id;
  std::string display_name;
  std::string email;
  std::string position;  // 직위: 주무관, 사무관 …
  std::int64_t organization_id = 0;
  std::string organization_name;
  std::string organization_path;  // the organisation's materialised path ("/1/19/"), for scope checks
  std::vector<Role> roles;
  bool active = true;
  bool must_change_password = false;
  std::int64_t failed_logins = 0;
  Timestamp locked_until = 0;
  std::optional<Timestamp> last_login_at;
  Timestamp created_at = 0;
  Timestamp updated_at = 0;
};

/// What an administrator submits for an account.
struct AccountInput {
  std::string login_id;
  std::string display_name;
  std::string email;
  std::string position;
  std::string organization_id;
  std::vector<std::string> roles;
  bool active = true;
};

}  // namespace sotong::platform
