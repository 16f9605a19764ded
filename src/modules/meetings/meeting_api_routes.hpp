// The JSON API of 회의 (meetings) under /api/v1/meetings… (meeting_api_routes.cpp; openapi.json).
#pragma once

#include <vector>

#include "platform/module.hpp"

namespace sotong::meetings {

std::vector<platform::RouteSpec> api_routes();

}  // namespace sotong::meetings
