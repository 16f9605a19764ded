// Request fields of the standing consultation → the typed inputs the rules check, and the list's filters.
#pragma once

#include <cstdint>

#include "core/result.hpp"
#include "http/form.hpp"
#include "modules/audit/consultation.hpp"
#include "modules/audit/consultation_service.hpp"

namespace sotong::audit {

ConsultationInput consultation_input_from_form(const http::Form& form);
StepInput step_input_from_form(const http::Form& form);
AnswerInput answer_input_from_form(const http::Form& form);
/// The list's filters (state, kind, q, view); an unknown state or kind is a Korean field error.
Result<ConsultationFilter> consultation_filter_from_query(const http::Form& query);
/// The filters again as a query string (no leading "?"), for the next page's link.
std::string consultation_filter_query(const ConsultationFilter& filter);
/// The keyset cursor (?before=ID); 0 when absent or not an id.
std::int64_t consultation_before(const http::Form& query);

}  // namespace sotong::audit
