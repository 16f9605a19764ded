// The figures (성과 지표) of 회의 (meetings): the page with its downloads and the home card
// (meeting_figures_routes.cpp).
#pragma once

#include <vector>

#include "platform/module.hpp"

namespace sotong::meetings {

std::vector<platform::RouteSpec> figure_routes();
platform::DashboardCard figures_card_spec();

}  // namespace sotong::meetings
