// The indicators' route table.
#pragma once

#include <vector>

#include "platform/web/route_table.hpp"

namespace sotong::platform::indicators {

std::vector<RouteSpec> routes();

}  // namespace sotong::platform::indicators
