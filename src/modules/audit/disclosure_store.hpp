// The SQL of self-disclosures: portable statements over the module's own table, audit_disclosures. Callers
// pass the connection of their transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "modules/audit/disclosure.hpp"
#include "store/database.hpp"

namespace sotong::audit::disclosure_store {

struct ListQuery {
  DisclosureFilter filter;
  std::int64_t before_id = 0;  // keyset paging: only ids below this; 0 starts from the newest
  std::int64_t limit = 25;
};

/// At most `limit` filings matching the filter, newest first. Only the table's own columns are filled in.
std::vector<Disclosure> list(store::Connection& c, const ListQuery& query);
std::optional<Disclosure> find(store::Connection& c, std::int64_t id);
/// Whether a filing of this title already exists (the demo data's check that it ran before).
bool exists_with_title(store::Connection& c, const std::string& title);
/// Filings waiting for a decision.
std::int64_t count_pending(store::Connection& c);
/// (filed year, decision code or "" while pending, count), by year and decision.
std::vector<std::tuple<int, std::string, std::int64_t>> count_by_year_and_decision(store::Connection& c);

/// Inserts a filing and returns its id.
std::int64_t insert(store::Connection& c, const ValidDisclosure& filing, std::int64_t organization_id,
                    std::int64_t filed_by, Timestamp filed_at, int filed_year);
/// Records the decision on a filing still pending; false when it was decided meanwhile.
bool decide(store::Connection& c, std::int64_t id, const ValidDecision& decision, std::int64_t decided_by,
            Timestamp decided_at);

}  // namespace sotong::audit::disclosure_store
