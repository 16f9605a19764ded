#include "platform/module_settings.hpp"

#include <algorithm>
#include <charconv>
#include <stdexcept>

#include "core/korean_text.hpp"

namespace sotong::platform {
namespace {

std::optional<std::int64_t> parse_integer(std::string_view text) {
  std::int64_t v = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc{} || p != text.data() + text.size() || text.empty()) return std::nullopt;
  return v;
}

std::string check_value(const SettingSpec& spec, const std::string& value) {
  switch (spec.type) {
    case SettingType::integer: {
      auto v = parse_integer(value);
      if (!v) return "정수여야 합니다";
      if (*v < spec.min || *v > spec.max)
        return std::to_string(spec.min) + " 이상 " + std::to_string(spec.max) + " 이하여야 합니다";
      return "";
    }
    case SettingType::boolean:
      return value == "true" || value == "false" ? "" : "true 또는 false여야 합니다";
    case SettingType::text:
      return "";
  }
  return "";
}

}  // namespace

Result<SettingsSection> SettingsSection::read(std::string_view module, const std::vector<SettingSpec>& specs,
                                              const std::map<std::string, std::string>& values) {
  SettingsSection s;
  for (const auto& spec : specs) {
    if (auto problem = check_value(spec, spec.default_value); !problem.empty())
      throw std::logic_error("default of [" + std::string(module) + "] " + spec.key + ": " + problem);
    s.values_[spec.key] = {spec.type, spec.default_value};
  }
  for (const auto& entry : values) {
    const std::string& key = entry.first;  // named, not bound: clang 14 lambdas cannot capture bindings
    const std::string& value = entry.second;
    const auto spec =
        std::find_if(specs.begin(), specs.end(), [&](const auto& candidate) { return candidate.key == key; });
    if (spec == specs.end())
      return Error::invalid("설정 파일의 [" + std::string(module) + "]에 알 수 없는 항목 " +
                            with_particle(key, "이/가") + " 있습니다.");
    if (auto problem = check_value(*spec, value); !problem.empty())
      return Error::invalid("설정 파일의 [" + std::string(module) + "] " + key + " 값은 " + problem + ".");
    s.values_[key].second = value;
  }
  return s;
}

const std::string& SettingsSection::raw(std::string_view key, SettingType type) const {
  auto it = values_.find(key);
  if (it == values_.end() || it->second.first != type)
    throw std::logic_error("setting not declared with this type: " + std::string(key));
  return it->second.second;
}

std::int64_t SettingsSection::integer(std::string_view key) const {
  return *parse_integer(raw(key, SettingType::integer));
}

const std::string& SettingsSection::text(std::string_view key) const {
  return raw(key, SettingType::text);
}

bool SettingsSection::boolean(std::string_view key) const {
  return raw(key, SettingType::boolean) == "true";
}

}  // namespace sotong::platform
