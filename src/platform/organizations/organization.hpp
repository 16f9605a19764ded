// Organisations: the province, its bureaus and divisions, the 시·군 and their departments, partner agencies.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"

namespace sotong::platform {

enum class OrganizationKind { province, bureau, division, municipality, department, agency };

inline constexpr OrganizationKind kAllOrganizationKinds[] = {
    OrganizationKind::province,     OrganizationKind::bureau,     OrganizationKind::division,
    OrganizationKind::municipality, OrganizationKind::department, OrganizationKind::agency};

std::string_view kind_code(OrganizationKind kind);
/// 도, 실국, 과, 시·군, 시·군 부서, 유관기관
std::string_view kind_label(OrganizationKind kind);
std::optional<OrganizationKind> kind_from_code(std::string_view code);

struct Organization {
  std::int64_t id = 0;
  std::string code;  // administrative code: 52110 for 전주시
  std::string name;
  OrganizationKind kind = OrganizationKind::agency;
  std::optional<std::int64_t> parent_id;
  std::string parent_name;
  std::string path;  // "/1/12/": ids from the root, for scope checks
  std::int64_t sort_order = 0;
  bool active = true;
  Timestamp created_at = 0;
  Timestamp updated_at = 0;
};

/// A former name, kept when an organisation is renamed (전라북도 → 전북특별자치도).
struct FormerName {
  std::string name;
  Timestamp until = 0;
  std::string reason;
  std::int64_t changed_by_id = 0;  // 0: the shipped data
  std::string changed_by;          // the account's display name, filled by the service
};

/// What an administrator submits to create or edit an organisation.
struct OrganizationInput {
  std::string code;
  std::string name;
  std::string kind;
  std::string parent_id;  // as typed; empty for none
  std::string sort_order;
  std::string rename_reason;
};

}  // namespace sotong::platform
