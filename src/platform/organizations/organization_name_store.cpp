#include "platform/organizations/organization_name_store.hpp"

namespace sotong::platform::organization_name_store {

void insert_former_name(store::Connection& c, std::int64_t organization_id, std::string_view name,
                        Timestamp valid_until, std::optional<std::int64_t> changed_by,
                        std::string_view reason) {
  c.execute(
      "INSERT INTO organization_names (organization_id, name, valid_until, changed_by, reason) "
      "VALUES (?, ?, ?, ?, ?)",
      {organization_id, name, valid_until, changed_by, reason});
}

}  // namespace sotong::platform::organization_name_store
