// The organisations' SQL: portable statements over organizations and organization_names.
#pragma once

#include <optional>
#include <vector>

#include "platform/organizations/organization.hpp"
#include "platform/organizations/organization_rules.hpp"
#include "store/database.hpp"

namespace sotong::platform::organization_store {

/// The organisations' data version (platform/cache): every write here bumps it, so a directory kept in memory
/// (VersionedCache) is read again after any change.
inline constexpr const char* kDataVersion = "organizations";

struct Filter {
  std::optional<OrganizationKind> kind;
  std::optional<bool> active;
  std::string text;  // part of the name or code
};

std::vector<Organization> list(store::Connection& c, const Filter& filter);
std::optional<Organization> find(store::Connection& c, std::int64_t id);
std::optional<Organization> find_by_code(store::Connection& c, std::string_view code);
std::vector<FormerName> former_names(store::Connection& c, std::int64_t id);
std::int64_t count_active_children(store::Connection& c, std::int64_t id);

/// Inserts and sets the materialised path; throws ConstraintViolation on a duplicate code.
std::int64_t insert(store::Connection& c, const ValidOrganization& v, const std::string& parent_path,
                    Timestamp now);
/// Updates fields, keeps the former name when the name changes, and moves the subtree's paths with the
/// parent.
void update(store::Connection& c, const Organization& before, const ValidOrganization& v,
            const std::string& parent_path, std::int64_t actor_id, Timestamp now);
void set_active(store::Connection& c, std::int64_t id, bool active, Timestamp now);

}  // namespace sotong::platform::organization_store
