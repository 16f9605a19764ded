// A workshop meeting's sessions, case presentations and collected opinions on its page, and their routes
// (meeting_workshop_routes.cpp).
#pragma once

#include <cstdint>
#include <vector>

#include "platform/attachments/attachments.hpp"
#include "platform/web/web.hpp"

namespace sotong::meetings {

/// Sets `workshop` on a meeting's page view (sessions, presentations with their attachments, opinions and the
/// forms the actor may use now) when the meeting's body is a workshop; nothing otherwise.
void add_workshop_view(platform::Web& web, platform::Context& ctx, std::int64_t meeting_id, render::View& v);

/// The routes: sessions, presentations, opinions and the turning of an opinion into a suggestion.
std::vector<platform::RouteSpec> workshop_routes();

/// The attachments owner "meeting_presentation": a presentation's files, seen by whoever sees it.
platform::attachments::OwnerType presentation_attachment_owner();

}  // namespace sotong::meetings
