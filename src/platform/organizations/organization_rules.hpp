// Pure rules for organisations: field validation and which kinds may sit under which parents.
#pragma once

#include <optional>
#include <vector>

#include "core/result.hpp"
#include "platform/organizations/organization.hpp"

namespace sotong::platform {

/// The kinds a parent of this kind may have; empty means the kind has no parent (the province).
std::vector<OrganizationKind> allowed_parent_kinds(OrganizationKind kind);

/// A validated organisation, ready to store.
struct ValidOrganization {
  std::string code;
  std::string name;
  OrganizationKind kind;
  std::optional<std::int64_t> parent_id;
  std::int64_t sort_order = 0;
  std::string rename_reason;
};

/// Checks the fields one by one; every problem is reported with its field and a Korean message.
Result<ValidOrganization> validate_organization(const OrganizationInput& input);

/// Checks the parent against the kind, and that an organisation is not moved under itself.
Result<void> check_parent(OrganizationKind kind, const std::optional<Organization>& parent,
                          const std::optional<Organization>& self);

}  // namespace sotong::platform
