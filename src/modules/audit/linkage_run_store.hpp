// The SQL of data linkage's scenarios (every saved version) and runs (totals per 시·군 and the kept flags).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "modules/audit/dataset.hpp"
#include "store/database.hpp"

namespace sotong::audit::linkage_run_store {

/// Saves a version; returns its id. The caller gives the next version number of its code.
std::int64_t insert_scenario(store::Connection& c, const ScenarioVersion& version);
/// The newest version of each scenario, by code.
std::vector<ScenarioVersion> latest_scenarios(store::Connection& c);
/// Every version of one scenario, newest first.
std::vector<ScenarioVersion> versions(store::Connection& c, const std::string& code);
std::optional<ScenarioVersion> find_scenario(store::Connection& c, std::int64_t id);
/// The highest version number saved under `code`, 0 when none.
int last_version(store::Connection& c, const std::string& code);

std::int64_t insert_run(store::Connection& c, const LinkageRun& run);
void insert_total(store::Connection& c, std::int64_t run_id, const RegionFigure& total);
void insert_flag(store::Connection& c, const LinkageFlag& flag);
/// Runs, newest first, at most `limit`; of one scenario's versions when `code` is given.
std::vector<LinkageRun> runs(store::Connection& c, const std::optional<std::string>& code,
                             std::int64_t limit);
std::optional<LinkageRun> find_run(store::Connection& c, std::int64_t id);
std::vector<RegionFigure> totals(store::Connection& c, std::int64_t run_id);
/// A run's kept flags in order, `limit` from position `after_seq` (exclusive); limit 0 for all.
std::vector<LinkageFlag> flags(store::Connection& c, std::int64_t run_id, int after_seq, std::int64_t limit);
std::optional<LinkageFlag> find_flag(store::Connection& c, std::int64_t id);
/// Marks the flag as handed off to `finding_id`; false when it already was (a hand-off racing another).
bool set_flag_finding(store::Connection& c, std::int64_t flag_id, std::int64_t finding_id);

}  // namespace sotong::audit::linkage_run_store
