// The contacts' SQL (organization_contacts): one row per organisation that has any.
#pragma once

#include <map>
#include <optional>

#include "core/clock.hpp"
#include "platform/organizations/organization_contact.hpp"
#include "store/database.hpp"

namespace sotong::platform::organization_contact_store {

std::optional<OrganizationContact> find(store::Connection& c, std::int64_t organization_id);
/// Every recorded contact, by organisation id (the directory lists them all at once).
std::map<std::int64_t, OrganizationContact> all(store::Connection& c);
/// Inserts or replaces the organisation's contact.
void save(store::Connection& c, std::int64_t organization_id, const OrganizationContact& contact,
          Timestamp now);

}  // namespace sotong::platform::organization_contact_store
