// An audit scenario: a declared rule over one or two data sets, saved and versioned by the module as JSON.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.hpp"
#include "modules/audit/linkage/data_set.hpp"

namespace sotong::audit::linkage {

/// match: primary rows that have a secondary row with the same keys satisfying the conditions;
/// duplicate: primary rows repeating an earlier row's values; split: small primary rows that together reach
/// a threshold.
enum class ScenarioKind : std::uint8_t { match, duplicate, split };
enum class Compare : std::uint8_t { lt, le, eq, ne, ge, gt };

/// match: primary_column OP secondary_column.
struct ColumnCondition {
  std::string primary_column;
  Compare op = Compare::eq;
  std::string secondary_column;
};

/// Which primary rows take part: column OP value, the value read per the column's kind.
struct ValueFilter {
  std::string column;
  Compare op = Compare::eq;
  std::string value;
};

struct Scenario {
  std::string code;  // "refund_after_death"
  std::string title;
  std::string description;
  ScenarioKind kind = ScenarioKind::match;
  std::string primary_role;                                    // "refunds"
  std::string secondary_role;                                  // "deaths"; match only
  std::vector<std::pair<std::string, std::string>> join_keys;  // match: primary column = secondary column
  std::vector<ColumnCondition> conditions;  // match: all hold for at least one secondary row with the keys
  std::vector<ValueFilter> filters;         // every kind
  std::vector<std::string> group_by;        // duplicate, split
  std::string date_column;                  // duplicate, split: orders a group's rows and measures the window
  int window_days = 0;         // duplicate, split: 0 = no limit on the days between rows of a group
  std::string amount_column;   // the amount each flag carries; split: what is summed
  std::int64_t threshold = 0;  // split: each row below it, the run's sum at or above it
  int min_count = 2;           // duplicate, split
  std::string region_column;   // a code column of the primary set: totals per 시·군
  std::string id_column;       // a text column naming the primary row in results (refund_id)
};

/// The scenario's symbol in JSON ("match", "duplicate", "split") and back.
std::string_view kind_name(ScenarioKind kind);
std::optional<ScenarioKind> scenario_kind_from_name(std::string_view name);
/// "lt", "le", "eq", "ne", "ge", "gt" and back.
std::string_view compare_name(Compare op);
std::optional<Compare> compare_from_name(std::string_view name);

/// Success when the scenario can run on data sets of these schemas (`secondary` for match only). Otherwise
/// invalid_input with a Korean message per field: an unknown column, kinds that cannot be compared (a date
/// with an amount), an order comparison of codes, a missing threshold, group or date column, a filter value
/// that is not a date or amount of its column.
Result<void> validate(const Scenario& scenario, const Schema& primary, const Schema* secondary);

/// The scenario as a JSON object with a "version" member.
std::string to_json(const Scenario& scenario);
/// The scenario from to_json's JSON; invalid_input when it is not JSON, not an object of that shape, or of
/// another version. It is not validated against any data set.
Result<Scenario> scenario_from_json(std::string_view json);

}  // namespace sotong::audit::linkage
