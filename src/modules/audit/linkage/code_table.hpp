// A growing dictionary of short codes (시·군 codes, payment items) in the order first seen, for import.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sotong::audit::linkage {

class CodeTable {
 public:
  /// The code's id, adding it when new: ids count up from 0 in the order codes are first seen.
  std::uint32_t id(std::string_view code);

  const std::vector<std::string>& values() const { return values_; }
  /// The dictionary, leaving the table empty.
  std::vector<std::string> take_values();

 private:
  void grow();

  std::vector<std::string> values_;
  std::vector<std::uint64_t> hashes_;  // per id
  std::vector<std::uint32_t> slots_;   // id + 1; 0 is an empty slot
  std::uint32_t last_ = 0;             // the last id returned: columns often repeat a code row after row
};

}  // namespace sotong::audit::linkage
