// Request fields of self-disclosure → the typed input the rules check; the list's filters from the query.
#pragma once

#include <cstdint>
#include <string>

#include "core/result.hpp"
#include "http/form.hpp"
#include "http/multipart.hpp"
#include "modules/audit/disclosure.hpp"

namespace sotong::audit {

/// The filing form's fields as typed, from its multipart body (or, from a client without files, an
/// urlencoded one). Nothing is checked here (validate_disclosure does that).
DisclosureInput disclosure_input(const http::Form& form, const http::Multipart& multipart);

/// The decision form's fields as typed.
DecisionInput decision_input(const http::Form& form);

/// The list's filters: year (a four-digit year), state (pending, decided) and decision (a decision code),
/// each optional; a Korean field error for a value that is none of these.
Result<DisclosureFilter> read_disclosure_filter(const http::Form& query);

/// The filters as a query string ("year=2026&state=pending"), "" when none.
std::string disclosure_filter_query(const DisclosureFilter& filter);

}  // namespace sotong::audit
