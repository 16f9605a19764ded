// Use cases on organisations: check permission, validate, apply the rules, write.
#pragma once

#include <vector>

#include "core/result.hpp"
#include "core/role.hpp"
#include "platform/organizations/organization_store.hpp"
#include "platform/policy.hpp"
#include "store/database.hpp"

namespace sotong::platform::organizations {

inline constexpr const char* kView = "organization.view";
inline constexpr const char* kManage = "organization.manage";

struct Detail {
  Organization organization;
  std::vector<FormerName> former_names;
  std::vector<Organization> children;
  std::int64_t active_accounts = 0;
};

Result<std::vector<Organization>> list(store::Database& db, const Policy& policy, const Actor& actor,
                                       const organization_store::Filter& filter);
Result<Detail> get(store::Database& db, const Policy& policy, const Actor& actor, std::int64_t id);
/// Creates an organisation; field errors for bad input, a conflict for a code already in use.
Result<std::int64_t> create(store::Database& db, const Policy& policy, const Actor& actor,
                            const OrganizationInput& input);
/// Edits an organisation; a new name keeps the old one in the history.
Result<void> update(store::Database& db, const Policy& policy, const Actor& actor, std::int64_t id,
                    const OrganizationInput& input);
/// Deactivates (refused while active sub-organisations remain) or reactivates. Nothing is ever deleted.
Result<void> set_active(store::Database& db, const Policy& policy, const Actor& actor, std::int64_t id,
                        bool active);

/// Writes the organisation's search document (platform/search) on the caller's connection, so in the same
/// transaction as the change: name, code, kind, parent and former names, for administrators.
void index_for_search(store::Connection& c, std::int64_t id);
/// Indexes every organisation: the "organizations" search source's rebuild.
void reindex_search(store::Connection& c);

}  // namespace sotong::platform::organizations
