// The organisation directory (기관 안내): who the province's organisations are and how to reach them, for
// every signed-in person; and the administrator's edit of a contact.
#pragma once

#include <vector>

#include "core/result.hpp"
#include "platform/organizations/organization_contact.hpp"
#include "platform/organizations/organization_store.hpp"
#include "platform/service_context.hpp"

namespace sotong::platform::organizations {

struct DirectoryEntry {
  Organization organization;
  OrganizationContact contact;
  std::vector<Organization> children;  // active ones, for the detail page
};

/// Active organisations matching the filter (its `active` is ignored), each with its contact.
Result<std::vector<DirectoryEntry>> list_directory(const ServiceContext& svc,
                                                   organization_store::Filter filter);
/// One organisation with its contact and active sub-organisations; an inactive one is 404 except for
/// administrators (who manage it).
Result<DirectoryEntry> get_directory_entry(const ServiceContext& svc, std::int64_t id);
/// Saves a contact (administrators): validated, recorded in the history, re-indexed for search.
Result<void> update_organization_contact(const ServiceContext& svc, std::int64_t id,
                                         const OrganizationContact& typed);
/// Loads contacts from CSV text (code,phone,address,homepage) for organisations that exist: the demo data.
void import_contacts_csv(store::Database& db, std::string_view csv);

}  // namespace sotong::platform::organizations
