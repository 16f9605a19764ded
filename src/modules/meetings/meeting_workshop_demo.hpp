// The demo's workshops: a held workshop meeting's programme and collected opinions, written through the
// module's own services as the secretariat (meeting_workshop_demo.cpp), two opinions turned into suggestions
// through the platform's intake target.
#pragma once

#include "modules/meetings/meeting.hpp"
#include "platform/service_context.hpp"

namespace sotong::meetings {

/// Two sessions, three or four case presentations by members in turn, six opinions of which two become
/// suggestions (when the suggestions module is there to take them); `n` varies the texts between meetings.
void fill_demo_workshop(const platform::ServiceContext& svc, const Body& body, const Meeting& meeting, int n);

}  // namespace sotong::meetings
