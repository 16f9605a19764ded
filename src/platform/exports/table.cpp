#include "platform/exports/table.hpp"

namespace sotong::platform::exports {

std::optional<Format> format_from_code(std::string_view code) {
  if (code == "csv") return Format::csv;
  if (code == "xlsx") return Format::xlsx;
  return std::nullopt;
}

std::string_view format_code(Format format) {
  return format == Format::csv ? "csv" : "xlsx";
}

std::string_view format_label(Format format) {
  return format == Format::csv ? "CSV" : "엑셀";
}

}  // namespace sotong::platform::exports
