// Request fields of 건의사항 (suggestions) → the typed input the rules check, and the list's paging cursor.
#pragma once

#include <cstdint>

#include "http/form.hpp"
#include "modules/suggestions/suggestion.hpp"

namespace sotong::suggestions {

/// The create form's fields as typed; nothing is checked here (validate_suggestion does that).
SuggestionInput input_from_form(const http::Form& form);

/// The keyset cursor of a list request (?before=ID): only records older than ID. 0 (from the newest) when it
/// is absent or not an id.
std::int64_t read_before(const http::Form& query);

}  // namespace sotong::suggestions
