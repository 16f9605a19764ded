// Request fields of 컨설팅 감사 (audit) → the typed input the rules check, and the list's paging cursor.
#pragma once

#include <cstdint>

#include "http/form.hpp"
#include "modules/audit/field_audit.hpp"

namespace sotong::audit {

/// The create form's fields as typed; nothing is checked here (validate_field_audit does that).
FieldAuditInput input_from_form(const http::Form& form);

/// The keyset cursor of a list request (?before=ID): only records older than ID. 0 (from the newest) when it
/// is absent or not an id.
std::int64_t read_before(const http::Form& query);

}  // namespace sotong::audit
