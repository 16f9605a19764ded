// 건의사항 as a platform intake target: another module (a workshop's collected opinions) asks for a
// suggestion to be opened, and it is filed exactly as the coordinator records one raised at a meeting (the
// meetings module includes nothing of this one).
#pragma once

#include "platform/intake_targets.hpp"

namespace sotong::suggestions {

/// The "suggestions" target: opens a received suggestion through file_suggestion, on behalf of the first
/// 시·군 among the request's organisations (the other 시·군 are concerned), or refuses with the module's own
/// Korean error.
platform::IntakeTarget intake_target();

}  // namespace sotong::suggestions
