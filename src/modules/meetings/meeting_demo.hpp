// The demo's year of meetings: every seeded body's meetings of this year from its cadence, and each one
// already held carried through as the secretariat would — agenda (a matter due for review from the
// suggestions where the body reviews them), publication, attendance, minutes, action items, 확정 — through
// the module's own services as the demo coordinator (a workshop also with its sessions, case presentations
// and collected opinions, two of them turned into suggestions), so that history, notifications and the
// decisions written back to the suggestions are those of real use.
#pragma once

#include "platform/policy.hpp"
#include "store/database.hpp"

namespace sotong::meetings {

/// Loads the year; skips a body whose meetings were already carried through (safe to run twice).
void load_demo_meetings(store::Database& db, const platform::Policy& policy);

}  // namespace sotong::meetings
