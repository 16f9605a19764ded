// 컨설팅 감사 (audit): the module's manifest, listed in src/app/runtime.cpp, and the route tables of its
// parts.
#pragma once

#include <vector>

#include "platform/module.hpp"

namespace sotong::audit {

/// The key of this module's own setting ([audit] page_size in the config file): list rows per page.
inline constexpr const char* kPageSize = "page_size";
/// Where the key that hashes resident registration numbers is kept ([audit] linkage_key_file): a file outside
/// the database (linkage_key.hpp).
inline constexpr const char* kLinkageKeyFile = "linkage_key_file";

/// Everything the module adds to the program: policy rows, menu entries, routes, history labels, search
/// sources, dashboard cards, indicators, settings, and (embedded) migrations, templates and OpenAPI
/// fragments.
platform::ModuleManifest manifest();

/// The module's front page, /audit: each part the person may use, and what waits for them
/// (audit_overview.cpp).
std::vector<platform::RouteSpec> overview_routes();
/// Field audits with their pre-audit consultation, and the audit calendar (field_audit_routes.cpp).
std::vector<platform::RouteSpec> field_audit_routes();
/// Standing consultation: requests, their steps, experts' opinions and answers (consultation_routes.cpp).
std::vector<platform::RouteSpec> consultation_routes();
/// The audit-case library (audit_case_routes.cpp).
std::vector<platform::RouteSpec> audit_case_routes();
/// The findings of field audits, their follow-up and the year's figures (finding_routes.cpp).
std::vector<platform::RouteSpec> finding_routes();
/// Data linkage: data sets, uploads and their mapping (linkage_routes.cpp).
std::vector<platform::RouteSpec> linkage_dataset_routes();
/// Data linkage: scenarios, runs and flagged rows (linkage_run_routes.cpp).
std::vector<platform::RouteSpec> linkage_run_routes();
/// Self-disclosures: filing with a one-time receipt, the audit office's list and decisions, and the
/// province-wide figures (disclosure_routes.cpp).
std::vector<platform::RouteSpec> disclosure_routes();

}  // namespace sotong::audit
