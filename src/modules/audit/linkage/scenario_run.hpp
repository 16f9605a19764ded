// Running a validated scenario over its data sets: which primary rows it flags, with their evidence and
// totals per 시·군.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "modules/audit/linkage/data_set.hpp"
#include "modules/audit/linkage/scenario.hpp"

namespace sotong::audit::linkage {

struct Flag {
  std::uint32_t row = 0;                          // the flagged primary row
  std::int64_t amount = 0;                        // its amount_column value (0 without one, or when empty)
  std::vector<std::uint32_t> primary_evidence;    // duplicate, split: the other rows of its group
  std::vector<std::uint32_t> secondary_evidence;  // match: every secondary row that matched
  std::uint32_t group = 0;  // duplicate, split: its group, numbered from 1 in order of the group's first row
};

struct RegionTotal {
  std::string code;
  std::uint64_t count = 0;
  std::int64_t total = 0;
};

struct RunResult {
  std::vector<Flag> flags;          // ordered by row
  std::vector<RegionTotal> totals;  // per code of region_column with a flag, ordered by code
  std::int64_t total_amount = 0;
  std::string id_column;  // the scenario's, for top_by_amount
};

struct RunOptions {
  /// Threads for a match's scan of the primary rows; the result is the same with one.
  unsigned threads = 2;
};

/// The scenario's flags over the data sets (`secondary` for match), which must have passed validate() with
/// their schemas.
///
/// match: a primary row passing the filters is flagged when some secondary row has equal join keys and
/// meets every condition; all such secondary rows are its evidence. A missing value never equals, and never
/// meets a condition.
///
/// duplicate: the primary rows passing the filters with equal group_by values (none missing) form a group,
/// ordered by date (rows without a date left out when window_days > 0) and row. With window_days > 0 a group
/// is cut into clusters: a cluster starts at a row and takes every following row dated at most window_days
/// after that first row; the next row starts the next cluster. Without a window the group is one cluster. In
/// a cluster of at least min_count rows every row after the first is flagged, the cluster's other rows
/// (first one first) its evidence.
///
/// split: the primary rows passing the filters with a positive amount below threshold form groups by
/// group_by, ordered by date and row (rows without a date left out when window_days > 0). A stretch is a
/// row and every following row of its group dated at most window_days after it (the rest of the group
/// without a window). A stretch of at least min_count rows whose amounts sum to threshold or more flags all
/// its rows; stretches that share rows join into one run, whose other rows are the evidence of each flag.
///
/// Evidence is kept to the first 1,000 rows per flag; the group number leads to the rest.
RunResult run(const Scenario& scenario, const DataSet& primary, const DataSet* secondary,
              const RunOptions& options = {});

/// Positions in result.flags of the n flags with the largest amounts, largest first, equal amounts by the
/// id column's text (the row without one) ascending.
std::vector<std::uint32_t> top_by_amount(const RunResult& result, const DataSet& primary, std::size_t n);

}  // namespace sotong::audit::linkage
