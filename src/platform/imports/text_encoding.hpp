// The text of an uploaded CSV file as UTF-8: Korean offices save CSV either as UTF-8 (with or without a BOM)
// or, from older Excel and HWP, as EUC-KR; CP949 is the superset of EUC-KR Windows writes.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sotong::platform::imports {

/// UTF-8 text as it is (a leading BOM removed); otherwise the bytes read as CP949 and converted to UTF-8.
/// nullopt when they are neither, or hold a NUL byte (a binary file, or UTF-16 text).
std::optional<std::string> text_as_utf8(std::string_view bytes);

}  // namespace sotong::platform::imports
