// The module's route tables, one per part: the coordinator's campaigns and questionnaires, answering, the
// index's report and feedback pages, and the JSON API.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "platform/web/route_table.hpp"

namespace sotong::surveys {

/// The coordinator's home of the index and its breadcrumb label.
inline constexpr const char* kHome = "/surveys";
inline constexpr const char* kHomeLabel = "정책소통협력지수";

/// A campaign's page; its report, print layout and bureaus' feedback lie beneath it.
inline std::string campaign_href(std::int64_t id) {
  return "/surveys/campaigns/" + std::to_string(id);
}

std::vector<platform::RouteSpec> campaign_routes();
std::vector<platform::RouteSpec> answer_routes();
std::vector<platform::RouteSpec> index_routes();
std::vector<platform::RouteSpec> api_routes();

}  // namespace sotong::surveys
