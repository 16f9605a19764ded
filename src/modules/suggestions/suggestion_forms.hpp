// Request fields of 건의사항 (suggestions) → the typed inputs the rules check: the filing form, the decision
// forms, the list's filters and paging cursor, and the same from a JSON body. Nothing is judged here beyond
// the shape of a value; the rules decide.
#pragma once

#include <map>
#include <string>

#include "core/result.hpp"
#include "http/form.hpp"
#include "modules/suggestions/suggestion.hpp"
#include "modules/suggestions/suggestion_handling_rules.hpp"
#include "modules/suggestions/suggestion_service.hpp"

namespace sotong::suggestions {

SuggestionInput input_from_form(const http::Form& form);
DecisionInput decision_from_form(const http::Form& form);
/// The same inputs from an API body read by platform::read_json_fields (lists arrive joined by "\n").
SuggestionInput input_from_json(const std::map<std::string, std::string>& fields);
DecisionInput decision_from_json(const std::map<std::string, std::string>& fields);

/// The list's filters from the query: state, lead, municipality, domain, q, view (open, overdue, week), sort
/// and cursor. A value that is not one of the choices is a Korean field error naming the parameter.
Result<ListFilter> read_filter(const http::Form& query);
/// The query string that asks for `filter` again (without the cursor), for links and exports.
std::string filter_query(const ListFilter& filter);
/// The cursor parameter of the page after `cursor` ("123" or "2026-10-08.123").
std::string cursor_text(const suggestion_store::Cursor& cursor);

}  // namespace sotong::suggestions
