// The calendar pages of 회의 (meetings): month, week and list views (meeting_calendar_routes.cpp).
#pragma once

#include <vector>

#include "platform/module.hpp"

namespace sotong::meetings {

std::vector<platform::RouteSpec> calendar_routes();

}  // namespace sotong::meetings
