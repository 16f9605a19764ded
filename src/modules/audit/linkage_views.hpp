// What data linkage's pages and API show of its records: won with thousands separators, 시·군 codes by name,
// a flag's evidence tables, and the JSON of each record.
#pragma once

#include <boost/json.hpp>

#include <cstdint>
#include <map>
#include <string>

#include "modules/audit/dataset.hpp"
#include "platform/web/context.hpp"
#include "render/view.hpp"
#include "store/database.hpp"

namespace sotong::audit {

/// Data linkage's front page.
inline constexpr const char* kLinkageHome = "/audit/linkage";

/// A data-linkage page's breadcrumb: 컨설팅 감사 › 전산감사, then `trail` (its last crumb the page itself).
std::vector<platform::Crumb> linkage_crumbs(std::vector<platform::Crumb> trail);

/// "1,234,000": a figure in a column or sentence that already says 원.
std::string amount_text(std::int64_t won);

/// Organisation names by administrative code (52110 → 전주시), for a run's 시·군 column.
std::map<std::string, std::string> region_names(store::Connection& c);
/// The name of `code`, or the code itself when no organisation has it ("" → "미상").
std::string region_name(const std::map<std::string, std::string>& names, const std::string& code);

/// A flag's evidence JSON (made at run time) as two tables for the template: {primary, secondary} each with
/// headers and rows, and the total when more rows matched than were kept.
render::View evidence_view(const std::string& evidence_json);

render::View dataset_view(const DataSetRecord& d);
boost::json::object dataset_json(const DataSetRecord& d);
boost::json::object scenario_json(const ScenarioVersion& s);
boost::json::object run_json(const LinkageRun& r);

}  // namespace sotong::audit
