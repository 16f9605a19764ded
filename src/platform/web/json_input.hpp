// Reading a JSON request body into typed fields, with Korean errors for broken JSON and wrong types.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace sotong::platform {

enum class JsonType { string, integer, boolean, string_list, integer_list };

struct JsonField {
  std::string name;
  JsonType type;
  bool nullable = false;
};

/// The fields present in the body, as text ("" for null; lists joined by "\n", integers in decimal; booleans
/// "1"/"0").
/// Unknown fields are refused so that typos do not pass silently.
Result<std::map<std::string, std::string>> read_json_fields(std::string_view body,
                                                            const std::vector<JsonField>& spec);

}  // namespace sotong::platform
