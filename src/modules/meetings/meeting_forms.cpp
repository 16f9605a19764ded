#include "modules/meetings/meeting_forms.hpp"

#include <charconv>
#include <string>

#include "platform/web/params.hpp"

namespace sotong::meetings {

std::optional<std::int64_t> read_id(const http::Form& form, std::string_view field) {
  return platform::parse_id(form.get(field));
}

int read_year(const http::Form& form, std::string_view field) {
  const std::string text = form.get(field);
  int year = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), year);
  if (ec != std::errc{} || end != text.data() + text.size()) return 0;
  return year;
}

}  // namespace sotong::meetings
