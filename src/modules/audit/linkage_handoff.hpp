// A flagged row of a data-linkage run handed to a field audit as a finding: the finding carries the row's
// amount, its type of wrongdoing by scenario and where it came from, and the row remembers the finding.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "modules/audit/field_audit.hpp"
#include "platform/service_context.hpp"

namespace sotong::audit {

/// What the auditor adds when handing a row over.
struct HandOffInput {
  std::string field_audit_id;
  std::string recommendation;
  std::string action;  // a kRequiredActions code
  std::string due_date;
};

/// The field audits a finding may go to (agreed or done, the audit office sees them all), newest first.
Result<std::vector<FieldAudit>> hand_off_targets(const platform::ServiceContext& svc);

/// Records the flagged row as a finding of the chosen audit (create_finding's rules and errors; field errors
/// beside field_audit_id too) and marks the row; returns the finding's id. conflict when the row was handed
/// over already.
Result<std::int64_t> hand_off_flag(const platform::ServiceContext& svc, std::int64_t flag_id,
                                   const HandOffInput& input);

}  // namespace sotong::audit
