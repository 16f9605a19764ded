// 회의 (meetings): the module's manifest, listed in src/app/runtime.cpp, and its route table.
#pragma once

#include <vector>

#include "platform/module.hpp"

namespace sotong::meetings {

/// The key of this module's own setting ([meetings] page_size in the config file): list rows per page.
inline constexpr const char* kPageSize = "page_size";

/// Everything the module adds to the program: policy rows, menu entry, routes, history labels, search source,
/// dashboard card, indicator, settings, and (embedded) migrations, templates and OpenAPI fragment.
platform::ModuleManifest manifest();

/// The module's pages and JSON operations, each a named handler (meetings_routes.cpp).
std::vector<platform::RouteSpec> routes();

}  // namespace sotong::meetings
