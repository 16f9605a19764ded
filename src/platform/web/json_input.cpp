#include "platform/web/json_input.hpp"

#include <algorithm>
#include <boost/json.hpp>

#include "core/korean_text.hpp"
#include "http/form.hpp"

namespace sotong::platform {

Result<std::map<std::string, std::string>> read_json_fields(std::string_view body,
                                                            const std::vector<JsonField>& spec) {
  if (!is_valid_utf8(body)) return Error::invalid("요청 본문이 올바른 UTF-8이 아닙니다.");
  boost::system::error_code ec;
  boost::json::value parsed = boost::json::parse(body, ec);
  if (ec || !parsed.is_object()) return Error::invalid("요청 본문은 JSON 객체여야 합니다.");
  std::map<std::string, std::string> out;
  std::vector<FieldError> errors;
  for (const auto& [key, value] : parsed.as_object()) {
    const std::string name(key);
    auto it = std::find_if(spec.begin(), spec.end(), [&](const JsonField& f) { return f.name == name; });
    if (it == spec.end()) {
      errors.push_back({name, "알 수 없는 항목입니다."});
      continue;
    }
    if (value.is_null()) {
      if (it->nullable) {
        out[name] = "";
      } else {
        errors.push_back({name, "값이 있어야 합니다."});
      }
      continue;
    }
    switch (it->type) {
      case JsonType::string:
        if (value.is_string() && http::has_control_characters(value.as_string())) {
          errors.push_back({name, "제어 문자(NUL 등)는 쓸 수 없습니다."});
        } else if (value.is_string()) {
          out[name] = std::string(value.as_string());
        } else {
          errors.push_back({name, "문자열이어야 합니다."});
        }
        break;
      case JsonType::integer:
        if (value.is_int64()) {
          out[name] = std::to_string(value.as_int64());
        } else if (value.is_uint64()) {
          errors.push_back({name, "값이 너무 큽니다."});
        } else {
          errors.push_back({name, "정수여야 합니다."});
        }
        break;
      case JsonType::boolean:
        if (value.is_bool()) {
          out[name] = value.as_bool() ? "1" : "0";
        } else {
          errors.push_back({name, "true 또는 false여야 합니다."});
        }
        break;
      case JsonType::string_list:
        if (value.is_array()) {
          std::string joined;
          bool ok = true;
          for (const auto& item : value.as_array()) {
            if (!item.is_string() || http::has_control_characters(item.as_string()))
              ok = false;
            else
              joined += (joined.empty() ? "" : "\n") + std::string(item.as_string());
          }
          if (ok)
            out[name] = joined;
          else
            errors.push_back({name, "문자열 목록이어야 합니다."});
        } else {
          errors.push_back({name, "문자열 목록이어야 합니다."});
        }
        break;
      case JsonType::integer_list: {
        // Ids picked from a list ([12, 14]): each an integer, joined by "\n" as string lists are.
        std::string joined;
        bool ok = value.is_array();
        if (ok)
          for (const auto& item : value.as_array()) {
            if (!item.is_int64()) {
              ok = false;
              break;
            }
            joined += (joined.empty() ? "" : "\n") + std::to_string(item.as_int64());
          }
        if (ok)
          out[name] = joined;
        else
          errors.push_back({name, "정수 목록이어야 합니다."});
        break;
      }
    }
  }
  if (!errors.empty()) return Error::invalid("요청 본문의 항목을 확인해 주십시오.", std::move(errors));
  return out;
}

}  // namespace sotong::platform
