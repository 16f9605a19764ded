#include "modules/audit/consultation_forms.hpp"

#include "core/korean_text.hpp"
#include "platform/web/list_filter.hpp"
#include "platform/web/params.hpp"

namespace sotong::audit {

ConsultationInput consultation_input_from_form(const http::Form& form) {
  return {form.get("kind"), form.get("title"), form.get("question"), form.get("law")};
}

StepInput step_input_from_form(const http::Form& form) {
  return {form.get("to"), form.get("note")};
}

AnswerInput answer_input_from_form(const http::Form& form) {
  return {form.get("legal_basis"), form.get("answer"), form.get("share_opinions") == "1"};
}

Result<ConsultationFilter> consultation_filter_from_query(const http::Form& query) {
  ConsultationFilter f;
  std::vector<FieldError> errors;
  if (const auto s = trim(query.get("state")); !s.empty()) {
    f.state = from_code<ConsultationState>(kConsultationStates, s);
    if (!f.state) errors.push_back({"state", "단계를 목록에서 골라 주십시오."});
  }
  if (const auto k = trim(query.get("kind")); !k.empty()) {
    f.kind = from_code<ConsultationKind>(kConsultationKinds, k);
    if (!f.kind) errors.push_back({"kind", "요청 유형을 목록에서 골라 주십시오."});
  }
  const auto view = trim(query.get("view"));
  if (view == "open" || view == "overdue") f.view = std::string(view);
  f.text = platform::read_list_filter(query).text;
  if (!errors.empty()) return platform::filter_error(std::move(errors));
  return f;
}

std::string consultation_filter_query(const ConsultationFilter& f) {
  std::string out;
  auto add = [&](std::string_view key, std::string_view value) { http::append_query(out, key, value); };
  if (f.state) add("state", code_of<ConsultationState>(kConsultationStates, *f.state));
  if (f.kind) add("kind", code_of<ConsultationKind>(kConsultationKinds, *f.kind));
  add("view", f.view);
  add("q", f.text);
  return out;
}

std::int64_t consultation_before(const http::Form& query) {
  return platform::parse_id(query.get("before")).value_or(0);
}

}  // namespace sotong::audit
