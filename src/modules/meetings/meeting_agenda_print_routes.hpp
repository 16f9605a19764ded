// The printable 회의자료 cover of a meeting's agenda (meeting_agenda_print_routes.cpp).
#pragma once

#include <vector>

#include "platform/web/web.hpp"

namespace sotong::meetings {

/// GET /meetings/{id}/agenda/print.
std::vector<platform::RouteSpec> agenda_print_routes();

}  // namespace sotong::meetings
