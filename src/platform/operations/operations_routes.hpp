// Routes for operators and other systems: /healthz, /readyz, /metrics and the OpenAPI document.
#pragma once

#include <string>
#include <vector>

#include "platform/module.hpp"
#include "platform/operations/metrics.hpp"
#include "platform/web/web.hpp"

namespace sotong::platform::operations {

/// Merges the base document with every module's fragment; throws std::runtime_error on invalid JSON.
std::string build_openapi(const std::vector<ModuleManifest>& modules);

void register_routes(Web& web, const Metrics& metrics, std::string openapi_document);

}  // namespace sotong::platform::operations
