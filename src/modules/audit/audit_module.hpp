// 컨설팅 감사 (audit): the module's manifest, listed in src/app/runtime.cpp, and the route tables of its
// parts.
#pragma once

#include <vector>

#include "platform/module.hpp"

namespace sotong::audit {

/// The key of this module's own setting ([audit] page_size in the config file): list rows per page.
inline constexpr const char* kPageSize = "page_size";

/// Everything the module adds to the program: policy rows, menu entries, routes, history labels, search
/// sources, dashboard cards, indicators, settings, and (embedded) migrations, templates and OpenAPI
/// fragments.
platform::ModuleManifest manifest();

/// The module's front page, /audit: each part the person may use, and what waits for them
/// (audit_overview.cpp).
std::vector<platform::RouteSpec> overview_routes();
/// Field audits with their pre-audit consultation and findings (field_audit_routes.cpp).
std::vector<platform::RouteSpec> field_audit_routes();
/// Standing consultation: requests, their steps, experts' opinions and answers (consultation_routes.cpp).
std::vector<platform::RouteSpec> consultation_routes();
/// The audit-case library (audit_case_routes.cpp).
std::vector<platform::RouteSpec> audit_case_routes();

}  // namespace sotong::audit
