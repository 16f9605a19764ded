// Request fields of field audits and findings → the typed input the rules check, and the lists' filters.
#pragma once

#include <cstdint>
#include <optional>

#include "core/result.hpp"
#include "http/form.hpp"
#include "modules/audit/field_audit.hpp"
#include "modules/audit/field_audit_service.hpp"
#include "modules/audit/finding_service.hpp"

namespace sotong::audit {

/// The plan form's fields as typed; nothing is checked here (validate_plan does that).
AuditPlanInput plan_input_from_form(const http::Form& form);
OpinionInput opinion_input_from_form(const http::Form& form);
FindingInput finding_input_from_form(const http::Form& form);

/// The keyset cursor (?before=ID); 0 when absent or not an id.
std::int64_t read_before(const http::Form& query);

/// ?year=2026; `fallback` when absent; a Korean field error when it is not a year.
Result<std::optional<int>> read_year(const http::Form& query, std::optional<int> fallback);

/// The audit list's filters: year, organisation (organization_id), state; Korean field errors for values
/// that are not ones.
Result<AuditFilter> read_audit_filter(const http::Form& query);

/// ?status=waiting|reported|overdue|done|all (all when absent).
Result<FindingView> read_finding_view(const http::Form& query);

}  // namespace sotong::audit
