// Data linkage (전산감사): the module's records of data sets, uploads, scenarios and runs as plain values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"

namespace sotong::audit {

/// An imported data set as the module keeps it: the linkage engine's columns are stored apart, in chunks.
struct DataSetRecord {
  std::int64_t id = 0;
  std::string title;
  std::string kind;  // a data-set kind's code ("refunds"): which columns it has, what scenarios it feeds
  std::string purpose;
  std::string legal_basis;
  std::string retention_until;  // YYYY-MM-DD: the day after which a job deletes its rows
  std::string file_name;
  std::int64_t row_count = 0;
  std::int64_t byte_size = 0;
  std::string columns;  // "환급번호 ← refund_id, …": the mapping it was imported with, for the record
  std::int64_t owner_id = 0;
  std::string owner_name;
  Timestamp created_at = 0;
  std::optional<Timestamp> disposed_at;
};

/// What the uploader types beside the mapping, as typed.
struct DataSetInput {
  std::string title;
  std::string purpose;
  std::string legal_basis;
  std::string retention_until;
  /// The file's header chosen for each of the kind's columns, by column name.
  std::vector<std::pair<std::string, std::string>> mapping;
};

/// A file between its upload and its import, sealed with the uploader's session.
struct Upload {
  std::int64_t id = 0;
  std::string kind;
  std::string file_name;
  std::string sealed;
  std::int64_t uploaded_by = 0;
  Timestamp uploaded_at = 0;
};

/// One line of a data set's access log.
struct DataSetAccess {
  std::string action;  // import, run, evidence, export, dispose
  std::string detail;
  std::int64_t account_id = 0;
  std::string account_name;
  std::string remote_address;
  Timestamp at = 0;
};

/// One saved version of a scenario.
struct ScenarioVersion {
  std::int64_t id = 0;
  std::string code;
  int version = 0;
  std::string title;
  std::string rule;  // the engine's JSON of the scenario
  bool shipped = false;
  std::string note;  // why this version was saved
  std::int64_t created_by = 0;
  std::string created_by_name;
  Timestamp created_at = 0;
};

struct LinkageRun {
  std::int64_t id = 0;
  std::int64_t scenario_id = 0;
  std::int64_t primary_dataset_id = 0;
  std::optional<std::int64_t> secondary_dataset_id;
  std::int64_t flagged = 0;  // every flagged row
  std::int64_t kept = 0;     // the flagged rows kept to read (the largest amounts first)
  std::int64_t total_amount = 0;
  std::int64_t milliseconds = 0;
  std::int64_t run_by = 0;
  std::string run_by_name;
  Timestamp run_at = 0;
};

struct RegionFigure {
  std::string region;
  std::int64_t flagged = 0;
  std::int64_t total_amount = 0;
};

/// A kept flagged row: its evidence is display text made at run time (people as their hash's short label).
struct LinkageFlag {
  std::int64_t id = 0;
  std::int64_t run_id = 0;
  int seq = 0;
  std::int64_t row_number = 0;  // the row as a spreadsheet shows it (the header is row 1)
  std::string label;
  std::string region;
  std::int64_t amount = 0;
  std::string evidence;  // JSON: {"primary": {"headers": […], "rows": [[…]]}, "secondary": {…}}
  std::optional<std::int64_t> finding_id;
};

}  // namespace sotong::audit
