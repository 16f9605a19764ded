// Use cases on the history: search and read it (admin, auditor; each reading recorded as a view), export it
// (recorded as a download), verify the hash chain, and prune entries past the retention period.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "core/role.hpp"
#include "platform/exports/table.hpp"
#include "platform/history/history_display.hpp"
#include "platform/history/history_entry.hpp"
#include "platform/policy.hpp"
#include "platform/service_context.hpp"
#include "store/database.hpp"

namespace sotong::platform::history {

inline constexpr const char* kView = "history.view";
inline constexpr int kPageSize = 50;
/// The most entries one export holds (the newest); narrow the filter for older ones.
inline constexpr int kExportLimit = 100000;
/// Retention: the default, and the floor the personal-information rules set for access logs (1 year).
inline constexpr int kDefaultRetentionDays = 730;
inline constexpr int kMinimumRetentionDays = 365;

struct Page {
  std::vector<Entry> entries;
  std::optional<std::int64_t> next_before;  // the keyset position of the next page, when there is one
  RecordNames names;                        // the records the entries name that still exist
};

/// One entry with the records it names that still exist.
struct ShownEntry {
  Entry entry;
  RecordNames names;
};

/// One page (newest first) of the entries matching the filter, with the names of the records they name; the
/// reading is recorded as an access (조회) of
/// the log by the actor, with the filter and the count.
Result<Page> search_history(const ServiceContext& svc, const Filter& filter);
/// One entry; the reading is recorded as an access (조회) of that entry by the actor.
Result<ShownEntry> get_entry(const ServiceContext& svc, std::int64_t id);

/// The matching entries (newest first, at most kExportLimit) as a table for a CSV or XLSX file, recorded as
/// a download by the actor.
Result<exports::Table> export_history(const ServiceContext& svc, const Filter& filter,
                                      exports::Format format);

struct Verification {
  std::int64_t count = 0;       // entries checked
  std::string last_hash;        // the chain's head, to note down elsewhere
  std::optional<Entry> broken;  // the first entry that does not fit, when any
  std::string problem;          // why, in Korean
  bool ok() const { return !broken; }
};

/// Walks the chain from its start (the genesis, or the checkpoint a prune left) and checks every link.
Verification verify(store::Database& db);

/// A Korean reason when `days` cannot be the retention period (below kMinimumRetentionDays).
std::optional<std::string> retention_problem(int days);

struct Pruned {
  std::int64_t count = 0;
  Timestamp cutoff = 0;
  std::optional<std::int64_t> through_id;
};

/// Deletes the entries older than `retention_days` before `at`, in one transaction with a prune entry that
/// holds the last deleted entry's id and hash, so the rest still verifies.
Result<Pruned> prune(store::Database& db, const Actor& actor, int retention_days, Timestamp at);

}  // namespace sotong::platform::history
