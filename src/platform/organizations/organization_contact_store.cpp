#include "platform/organizations/organization_contact_store.hpp"

namespace sotong::platform::organization_contact_store {

std::optional<OrganizationContact> find(store::Connection& c, std::int64_t organization_id) {
  const auto rows =
      c.query("SELECT phone, address, homepage FROM organization_contacts WHERE organization_id = ?",
              {organization_id});
  if (rows.empty()) return std::nullopt;
  return OrganizationContact{rows[0].text(0), rows[0].text(1), rows[0].text(2)};
}

std::map<std::int64_t, OrganizationContact> all(store::Connection& c) {
  std::map<std::int64_t, OrganizationContact> out;
  for (const auto& r : c.query("SELECT organization_id, phone, address, homepage FROM organization_contacts"))
    out.emplace(r.int64(0), OrganizationContact{r.text(1), r.text(2), r.text(3)});
  return out;
}

void save(store::Connection& c, std::int64_t organization_id, const OrganizationContact& contact,
          Timestamp now) {
  // Delete then insert: the same two statements on both engines, inside the caller's transaction.
  c.execute("DELETE FROM organization_contacts WHERE organization_id = ?", {organization_id});
  c.execute(
      "INSERT INTO organization_contacts (organization_id, phone, address, homepage, updated_at) "
      "VALUES (?, ?, ?, ?, ?)",
      {organization_id, contact.phone, contact.address, contact.homepage, now});
}

}  // namespace sotong::platform::organization_contact_store
