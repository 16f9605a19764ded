// Use cases of data linkage's scenarios and runs: the scenarios (every save a new version), a run of one
// version over chosen data sets, its totals per 시·군 and flagged rows with their evidence, and a flagged row
// handed to a field audit as a finding. Only the audit office (kLinkage) reaches any of them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "modules/audit/dataset.hpp"
#include "modules/audit/linkage/scenario.hpp"
#include "modules/audit/linkage/shipped_scenarios.hpp"
#include "platform/service_context.hpp"

namespace sotong::audit {

/// A run keeps at most this many flagged rows to read (the largest amounts first); its totals count them all.
inline constexpr std::int64_t kKeptFlags = 10'000;
/// Evidence rows kept per flag from each data set.
inline constexpr std::size_t kEvidenceRows = 20;

/// One version of a scenario with its rule read, and the kinds of data set it takes.
struct ScenarioDetail {
  ScenarioVersion version;
  linkage::Scenario rule;
  std::vector<const linkage::RoleSchema*> roles;  // primary, then secondary for a match
  std::vector<ScenarioVersion> versions;          // every version of its code, newest first
  std::vector<LinkageRun> runs;                   // its recent runs
};

/// What the auditor may change when saving a new version. Empty `rule_json` keeps the rule and applies the
/// simple fields; a given one replaces the rule (its code and roles must stay).
struct ScenarioInput {
  std::string title;
  std::string description;
  std::string window_days;
  std::string threshold;
  std::string min_count;
  std::string rule_json;
  std::string note;
};

struct RunDetail {
  LinkageRun run;
  ScenarioVersion scenario;
  DataSetRecord primary;
  std::optional<DataSetRecord> secondary;
  std::vector<RegionFigure> totals;
  std::vector<LinkageFlag> flags;
  int next_after = 0;  // the seq to continue after; 0 on the last page
};

struct FlagDetail {
  LinkageFlag flag;
  RunDetail run;  // without its flags
};

/// Saves version 1 of each shipped scenario not yet saved (every start).
void seed_shipped_scenarios(store::Connection& c);

Result<std::vector<ScenarioVersion>> list_scenarios(const platform::ServiceContext& svc);
Result<ScenarioDetail> get_scenario(const platform::ServiceContext& svc, std::int64_t id);
/// Saves a new version of the scenario whose version `id` is; returns the new version's id. Field errors for
/// a rule that is not valid against its kinds' columns.
Result<std::int64_t> save_scenario(const platform::ServiceContext& svc, std::int64_t id,
                                   const ScenarioInput& input);

/// Runs the scenario version over the data sets (secondary only for a match) and keeps the result; returns
/// the run's id. Field errors for data sets of the wrong kind; conflict for a disposed one.
Result<std::int64_t> run_scenario(const platform::ServiceContext& svc, std::int64_t scenario_id,
                                  std::int64_t primary_id, std::optional<std::int64_t> secondary_id);

Result<std::vector<LinkageRun>> list_runs(const platform::ServiceContext& svc, std::int64_t limit);
/// The run with `limit` kept flags after position `after` (0 from the first; limit 0 for all of them).
Result<RunDetail> get_run(const platform::ServiceContext& svc, std::int64_t id, int after,
                          std::int64_t limit);
/// One flagged row with its evidence; the look is written in both data sets' access logs.
Result<FlagDetail> get_flag(const platform::ServiceContext& svc, std::int64_t id);

}  // namespace sotong::audit
