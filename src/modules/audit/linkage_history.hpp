// What the change history calls data linkage's records: data sets (never their rows), scenario versions and
// runs, each linked to its page for the audit office.
#pragma once

#include <vector>

#include "platform/extension_points.hpp"

namespace sotong::audit {

std::vector<platform::HistoryVocabulary> linkage_history();

}  // namespace sotong::audit
