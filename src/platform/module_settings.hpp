// A module's own settings: the keys its manifest declares, read from its section of the config file
// ([suggestions] in sotong.toml) and checked at start, so a typo stops the server instead of being ignored.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "platform/extension_points.hpp"

namespace sotong::platform {

class SettingsSection {
 public:
  SettingsSection() = default;

  /// The section of `module` from the file's values (as written: "10", "true", "text"), each declared key
  /// taking its default when absent. Refuses an undeclared key, a value of the wrong type and an integer
  /// outside [min, max], with a Korean message naming the section and the key.
  static Result<SettingsSection> read(std::string_view module, const std::vector<SettingSpec>& specs,
                                      const std::map<std::string, std::string>& values);

  /// The value of a declared key; throws std::logic_error for a key the manifest did not declare.
  std::int64_t integer(std::string_view key) const;
  const std::string& text(std::string_view key) const;
  bool boolean(std::string_view key) const;

 private:
  const std::string& raw(std::string_view key, SettingType type) const;

  std::map<std::string, std::pair<SettingType, std::string>, std::less<>> values_;
};

}  // namespace sotong::platform
