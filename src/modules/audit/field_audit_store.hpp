// The SQL of 컨설팅 감사 (audit): portable statements with ? placeholders over the module's own table, audit.
// No other file of the module writes SQL; callers pass the connection of their transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "core/clock.hpp"
#include "modules/audit/field_audit.hpp"
#include "store/database.hpp"

namespace sotong::audit::field_audit_store {

/// Which organisations' records: nullopt for every organisation, else only these (an organisation subtree).
using Organizations = std::optional<std::vector<std::int64_t>>;

struct ListQuery {
  Organizations organizations;
  std::int64_t before_id = 0;  // keyset paging: only ids below this; 0 starts from the newest
  std::int64_t limit = 25;
};

/// At most `limit` records, newest first; the next page starts before the last id returned. Only the
/// module's own columns are filled in (organisation and author names come from the platform's stores).
std::vector<FieldAudit> list(store::Connection& c, const ListQuery& query);
std::optional<FieldAudit> find(store::Connection& c, std::int64_t id);
/// How many records the organisations hold.
std::int64_t count(store::Connection& c, const Organizations& organizations);
/// (organization_id, records created in [from, to)), in organisation id order.
std::vector<std::pair<std::int64_t, std::int64_t>> count_created_per_organization(store::Connection& c,
                                                                                  Timestamp from,
                                                                                  Timestamp to);
/// Inserts a record and returns its id.
std::int64_t insert(store::Connection& c, const ValidFieldAudit& record, std::int64_t organization_id,
                    std::int64_t created_by, Timestamp created_at);

}  // namespace sotong::audit::field_audit_store
