// Use cases on organisations: check permission, validate, apply the rules, write.
#pragma once

#include <vector>

#include "core/result.hpp"
#include "core/role.hpp"
#include "platform/extension_points.hpp"
#include "platform/organizations/organization_store.hpp"
#include "platform/policy.hpp"
#include "platform/service_context.hpp"
#include "store/database.hpp"

namespace sotong::platform::organizations {

inline constexpr const char* kView = "organization.view";
inline constexpr const char* kManage = "organization.manage";
inline constexpr const char* kNotFound = "기관을 찾을 수 없습니다.";

/// Records of other modules that keep an organisation in use ("사용 중인 계정 3").
struct Usage {
  std::string label;
  std::string unit;
  std::int64_t count = 0;
};

struct Detail {
  Organization organization;
  std::vector<FormerName> former_names;
  std::vector<Organization> children;
  std::vector<Usage> usage;
};

/// Registers what keeps an organisation in use (from the manifests, at start): deactivation is refused while
/// any count is above zero.
void register_usage(const OrganizationUsage& usage);

Result<std::vector<Organization>> list_organizations(const ServiceContext& svc,
                                                     const organization_store::Filter& filter);
Result<Detail> get_organization(const ServiceContext& svc, std::int64_t id);
/// Creates an organisation; field errors for bad input, a conflict for a code already in use.
Result<std::int64_t> create_organization(const ServiceContext& svc, const OrganizationInput& input);
/// Edits an organisation; a new name keeps the old one in the history.
Result<void> update_organization(const ServiceContext& svc, std::int64_t id, const OrganizationInput& input);
/// Deactivates, refused while active sub-organisations or records that use it remain. Nothing is deleted.
Result<void> deactivate_organization(const ServiceContext& svc, std::int64_t id);
/// Reactivates, refused while its parent is inactive.
Result<void> activate_organization(const ServiceContext& svc, std::int64_t id);

/// Writes the organisation's search document (platform/search) on the caller's connection, so in the same
/// transaction as the change: name, code, kind, parent and former names, for administrators.
void index_for_search(store::Connection& c, std::int64_t id);
/// Indexes every organisation: the "organizations" search source's rebuild.
void reindex_search(store::Connection& c);

}  // namespace sotong::platform::organizations
