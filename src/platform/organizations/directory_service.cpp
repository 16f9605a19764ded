#include "platform/organizations/directory_service.hpp"

#include <stdexcept>

#include "core/csv.hpp"
#include "platform/history/history.hpp"
#include "platform/organizations/organization_contact_store.hpp"
#include "platform/organizations/organization_service.hpp"

namespace sotong::platform::organizations {
namespace {

history::Fields contact_fields(const OrganizationContact& c) {
  return {{"phone", c.phone}, {"address", c.address}, {"homepage", c.homepage}};
}

}  // namespace

Result<std::vector<DirectoryEntry>> list_directory(const ServiceContext& svc,
                                                   organization_store::Filter filter) {
  if (auto ok = svc.policy.check(svc.actor, kView); !ok) return ok.error();
  filter.active = true;
  return svc.db.read([&](store::Connection& c) {
    const auto contacts = organization_contact_store::all(c);
    std::vector<DirectoryEntry> out;
    for (auto& o : organization_store::list(c, filter)) {
      const auto it = contacts.find(o.id);
      out.push_back({std::move(o), it == contacts.end() ? OrganizationContact{} : it->second, {}});
    }
    return out;
  });
}

Result<DirectoryEntry> get_directory_entry(const ServiceContext& svc, std::int64_t id) {
  if (auto ok = svc.policy.check(svc.actor, kView); !ok) return ok.error();
  const bool manager = svc.policy.allows(svc.actor, kManage);
  return svc.db.read([&](store::Connection& c) -> Result<DirectoryEntry> {
    auto org = organization_store::find(c, id);
    if (!org || (!org->active && !manager)) return Error::not_found(kNotFound);
    DirectoryEntry entry{*org, organization_contact_store::find(c, id).value_or(OrganizationContact{}), {}};
    for (auto& o : organization_store::list(c, {std::nullopt, true, ""}))
      if (o.parent_id == id) entry.children.push_back(std::move(o));
    return entry;
  });
}

Result<void> update_organization_contact(const ServiceContext& svc, std::int64_t id,
                                         const OrganizationContact& typed) {
  if (auto ok = svc.policy.check(svc.actor, kManage); !ok) return ok.error();
  auto valid = validate_contact(typed);
  if (!valid) return valid.error();
  return svc.db.write([&](store::Connection& c) -> Result<void> {
    if (!organization_store::find(c, id)) return Error::not_found(kNotFound);
    const auto before = organization_contact_store::find(c, id).value_or(OrganizationContact{});
    organization_contact_store::save(c, id, *valid, now());
    history::record_change(c, svc.actor,
                           {"organization", id, "update_contact", history::to_json(contact_fields(before)),
                            history::to_json(contact_fields(*valid))});
    index_for_search(c, id);
    return success();
  });
}

void import_contacts_csv(store::Database& db, std::string_view csv) {
  const auto rows = parse_csv(csv);
  if (rows.empty() || rows[0].size() < 4 || rows[0][0] != "code")
    throw std::runtime_error("기관 연락처 자료의 머리글이 code,phone,address,homepage가 아닙니다.");
  db.write([&](store::Connection& c) {
    for (std::size_t i = 1; i < rows.size(); ++i) {
      if (rows[i].size() < 4) continue;
      const auto org = organization_store::find_by_code(c, rows[i][0]);
      if (!org) continue;
      auto valid = validate_contact({rows[i][1], rows[i][2], rows[i][3]});
      if (!valid)
        throw std::runtime_error("기관 연락처 자료 " + rows[i][0] + ": " +
                                 valid.error().fields.front().message);
      organization_contact_store::save(c, org->id, *valid, now());
      index_for_search(c, org->id);
    }
    return 0;
  });
}

}  // namespace sotong::platform::organizations
