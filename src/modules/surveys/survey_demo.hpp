// Demo data of the cooperation index: the basic questionnaire copied for 2024, 2025 and 2026, a closed
// yearly campaign each year with realistic answers for every bureau (some improving, some slipping, one too
// small in 2024 to be shown), a 2026 pilot, the demo 시·군 officials' invitations and the report's notes.
#pragma once

#include "platform/policy.hpp"
#include "store/database.hpp"

namespace sotong::surveys {

inline constexpr int kDemoFirstYear = 2024;
inline constexpr int kDemoLastYear = 2026;

/// Loads the demo campaigns unless an index campaign already exists.
void load_demo_surveys(store::Database& db, const platform::Policy& policy);

}  // namespace sotong::surveys
