// 회의 (meetings): the module's manifest, listed in src/app/runtime.cpp, and its route table.
#pragma once

#include <vector>

#include "platform/module.hpp"

namespace sotong::meetings {

/// Everything the module adds to the program: policy rows, menu entry, routes, history labels, the seeded
/// bodies, and (embedded) migrations and templates.
platform::ModuleManifest manifest();

/// The module's pages, each a named handler (meetings_routes.cpp).
std::vector<platform::RouteSpec> routes();
/// One meeting's page: agenda, minutes, action items (meeting_agenda_routes.cpp).
std::vector<platform::RouteSpec> agenda_routes();
/// An agenda entry's files: seen by whoever sees the entry, changed by the secretariat and its proposer.
platform::attachments::OwnerType entry_attachment_owner();

}  // namespace sotong::meetings
