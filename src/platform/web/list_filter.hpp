// The filters every list page shares: a free-text search (q) and an active/inactive status.
#pragma once

#include <optional>
#include <string>

#include <vector>

#include "core/result.hpp"
#include "http/form.hpp"
#include "render/view.hpp"

namespace sotong::platform {

struct ListFilter {
  std::string status;          // "", "active" or "inactive", as chosen
  std::optional<bool> active;  // nullopt: both
  std::string text;            // the cleaned search text
};

/// Reads `status` and `q` from the query string; broken UTF-8 in q reads as no search.
ListFilter read_list_filter(const http::Form& query);

/// Sets q, status_all, status_active and status_inactive for the filter bar of a list template.
void add_list_filter(render::View& view, const ListFilter& filter);

/// The error of a list query with bad filter fields. A filter bar has no room for a message beside each
/// field, so the page shows one message that says them all, in order.
Error filter_error(std::vector<FieldError> errors);

}  // namespace sotong::platform
