#include "modules/audit/field_audit_forms.hpp"

#include "platform/web/params.hpp"

namespace sotong::audit {

FieldAuditInput input_from_form(const http::Form& form) {
  return {form.get("title")};
}

std::int64_t read_before(const http::Form& query) {
  return platform::parse_id(query.get("before")).value_or(0);
}

}  // namespace sotong::audit
