// The module's route tables, one per part: the coordinator's campaigns and questionnaires, answering, the
// index's report and feedback pages, and the JSON API.
#pragma once

#include <vector>

#include "platform/web/route_table.hpp"

namespace sotong::surveys {

std::vector<platform::RouteSpec> campaign_routes();
std::vector<platform::RouteSpec> answer_routes();
std::vector<platform::RouteSpec> index_routes();
std::vector<platform::RouteSpec> api_routes();

}  // namespace sotong::surveys
