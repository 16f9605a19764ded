// What the engine's unit tests share: the fixed key they hash resident numbers with, and a shipped scenario
// by its code. Included by tests only.
#pragma once

#include <array>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "modules/audit/linkage/shipped_scenarios.hpp"

namespace sotong::audit::linkage {

inline constexpr std::array<unsigned char, 16> kTestKey{1, 2,  3,  4,  5,  6,  7,  8,
                                                        9, 10, 11, 12, 13, 14, 15, 16};

/// The shipped scenario with this code; throws when there is none (a test naming a scenario that is gone).
inline const ShippedScenario& shipped_scenario(std::string_view code) {
  static const std::vector<ShippedScenario> kAll = shipped_scenarios();
  for (const auto& s : kAll) {
    if (s.scenario.code == code) return s;
  }
  throw std::logic_error("no such shipped scenario");
}

}  // namespace sotong::audit::linkage
