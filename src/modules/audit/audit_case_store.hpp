// The SQL of the audit-case library: portable statements over the part's own table, audit_cases.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "modules/audit/audit_case.hpp"
#include "store/database.hpp"

namespace sotong::audit::audit_case_store {

struct ListQuery {
  std::optional<CaseType> case_type;
  std::optional<CaseArea> area;
  std::string text;  // part of the title, summary, prevention advice or legal basis
  std::int64_t before_id = 0;
  std::int64_t limit = 25;
};

/// At most `limit` entries, newest first.
std::vector<AuditCase> list(store::Connection& c, const ListQuery& query);
std::int64_t count(store::Connection& c, const ListQuery& query);
std::optional<AuditCase> find(store::Connection& c, std::int64_t id);
std::int64_t insert(store::Connection& c, const ValidAuditCase& v,
                    std::optional<std::int64_t> consultation_id, std::int64_t created_by, Timestamp at);
void update(store::Connection& c, std::int64_t id, const ValidAuditCase& v, Timestamp at);

}  // namespace sotong::audit::audit_case_store
