#include "platform/web/list_filter.hpp"

#include <utility>

#include "core/korean_text.hpp"

namespace sotong::platform {

ListFilter read_list_filter(const http::Form& query) {
  ListFilter f;
  f.status = query.get("status");
  if (f.status == "active") f.active = true;
  if (f.status == "inactive") f.active = false;
  if (!clean_line(query.get("q"), f.text)) f.text.clear();
  return f;
}

void add_list_filter(render::View& view, const ListFilter& f) {
  view.set("q", f.text);
  view.set("status_all", f.status != "active" && f.status != "inactive");
  view.set("status_active", f.status == "active");
  view.set("status_inactive", f.status == "inactive");
}

Error filter_error(std::vector<FieldError> errors) {
  std::string message;
  for (const auto& e : errors) message += (message.empty() ? "" : " ") + e.message;
  return Error::invalid(message, std::move(errors));
}

}  // namespace sotong::platform
