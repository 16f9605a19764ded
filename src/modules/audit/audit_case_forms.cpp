#include "modules/audit/audit_case_forms.hpp"

#include "core/korean_text.hpp"
#include "platform/web/list_filter.hpp"

namespace sotong::audit {

AuditCaseInput case_input_from_form(const http::Form& form) {
  return {form.get("title"),   form.get("case_type"),  form.get("area"), form.get("legal_basis"),
          form.get("summary"), form.get("prevention"), form.get("year")};
}

Result<AuditCaseFilter> case_filter_from_query(const http::Form& query) {
  AuditCaseFilter f;
  std::vector<FieldError> errors;
  if (const auto t = trim(query.get("type")); !t.empty()) {
    f.case_type = from_code<CaseType>(kCaseTypes, t);
    if (!f.case_type) errors.push_back({"type", "비리유형을 목록에서 골라 주십시오."});
  }
  if (const auto a = trim(query.get("area")); !a.empty()) {
    f.area = from_code<CaseArea>(kCaseAreas, a);
    if (!f.area) errors.push_back({"area", "분야를 목록에서 골라 주십시오."});
  }
  f.text = platform::read_list_filter(query).text;
  if (!errors.empty()) return platform::filter_error(std::move(errors));
  return f;
}

std::string case_filter_query(const AuditCaseFilter& f) {
  std::string out;
  auto add = [&](std::string_view key, std::string_view value) { http::append_query(out, key, value); };
  if (f.case_type) add("type", code_of<CaseType>(kCaseTypes, *f.case_type));
  if (f.area) add("area", code_of<CaseArea>(kCaseAreas, *f.area));
  add("q", f.text);
  return out;
}

}  // namespace sotong::audit
