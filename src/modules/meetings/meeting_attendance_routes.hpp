// A meeting's attendance on its page and its routes (meeting_attendance_routes.cpp).
#pragma once

#include <cstdint>
#include <vector>

#include "platform/web/web.hpp"

namespace sotong::meetings {

/// Sets the attendance section's fields of a meeting's page (invitations, the actor's answer forms, the
/// secretariat's attendance and cancellation forms); nothing when the actor may not see them.
void add_attendance_view(platform::Web& web, platform::Context& ctx, std::int64_t meeting_id,
                         render::View& v);

/// The routes: POST /meetings/{id}/rsvp, /attendance, /cancel.
std::vector<platform::RouteSpec> attendance_routes();

}  // namespace sotong::meetings
