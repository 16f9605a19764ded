// Request fields of the audit-case library → the typed input the rules check, and the list's filters.
#pragma once

#include "core/result.hpp"
#include "http/form.hpp"
#include "modules/audit/audit_case.hpp"
#include "modules/audit/audit_case_service.hpp"

namespace sotong::audit {

AuditCaseInput case_input_from_form(const http::Form& form);
/// The list's filters (type, area, q); an unknown type or area is a Korean field error.
Result<AuditCaseFilter> case_filter_from_query(const http::Form& query);
/// The filters again as a query string (no leading "?").
std::string case_filter_query(const AuditCaseFilter& filter);

}  // namespace sotong::audit
