// 건의사항 (suggestions): the module's manifest, listed in src/app/runtime.cpp, and its route table.
#pragma once

#include <vector>

#include "platform/module.hpp"

namespace sotong::suggestions {

/// The key of this module's own setting ([suggestions] page_size in the config file): list rows per page.
inline constexpr const char* kPageSize = "page_size";

/// Everything the module adds to the program: policy rows, menu entry, routes, history labels, search source,
/// dashboard card, indicator, settings, and (embedded) migrations, templates and OpenAPI fragment.
platform::ModuleManifest manifest();

/// The module's pages and JSON operations, each a named handler (suggestions_routes.cpp).
std::vector<platform::RouteSpec> routes();
/// The reply-template pages under /suggestions/templates (suggestion_reply_template_routes.cpp).
std::vector<platform::RouteSpec> reply_template_routes();
/// The JSON operations under /api/v1/suggestions (suggestions_api.cpp).
std::vector<platform::RouteSpec> api_routes();
/// The figures (성과 지표): the page, its downloads and GET /api/v1/suggestions/figures
/// (suggestion_figures_routes.cpp).
std::vector<platform::RouteSpec> figure_routes();
/// The home card with this year's key figures (suggestion_figures_routes.cpp).
platform::DashboardCard figures_card_spec();

/// The pages of 문제해결형 TFT under /suggestions/task-forces and, after them, their JSON operations
/// (suggestion_task_force_routes.cpp, suggestion_task_force_api.cpp).
std::vector<platform::RouteSpec> task_force_routes();
std::vector<platform::RouteSpec> task_force_api_routes();

/// Loads the demo task forces (35사단 임실 이전, 무주-금산 광역상수도); safe to run twice
/// (suggestion_task_force_demo.cpp).
void load_demo_task_forces(store::Database& db);

}  // namespace sotong::suggestions
