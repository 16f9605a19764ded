// The history's SQL: appending to the hash chain under its lock, searching, walking and pruning.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "platform/history/history_entry.hpp"
#include "store/database.hpp"

namespace sotong::platform::history_store {

using history::Entry;
using history::Filter;

/// The advisory lock that serialises appends across nodes (PostgreSQL; SQLite's write lock does it there).
inline constexpr std::int64_t kChainLock = 727002;

/// Appends `entry` (its fields as given, occurred_at included) after the current last entry: takes the
/// chain lock, links to the last hash, computes its own. Must run inside a write transaction.
/// Returns the new entry with its id and hashes.
Entry append(store::Connection& c, Entry entry);

/// Failed sign-in entries (login_failed, login_locked) since `since`: {from this address, in all}. Served by
/// a partial index over those entries' time, so the count stays small and quick.
std::pair<std::int64_t, std::int64_t> count_sign_in_failures(store::Connection& c,
                                                             std::string_view remote_address,
                                                             Timestamp since);

/// Newest first, `limit` entries matching the filter (keyset: filter.before_id).
std::vector<Entry> search(store::Connection& c, const Filter& filter, int limit);
std::optional<Entry> find(store::Connection& c, std::int64_t id);
/// Up to `limit` entries with an id above `after_id`, oldest first (the verify walk).
std::vector<Entry> walk(store::Connection& c, std::int64_t after_id, int limit);
std::int64_t count(store::Connection& c);
/// The after-data of every prune entry: the checkpoints a pruned chain may start from.
std::vector<std::string> prune_checkpoints(store::Connection& c);

/// The first entry at or after `cutoff`; nullopt when every entry is older.
std::optional<std::int64_t> first_id_since(store::Connection& c, Timestamp cutoff);
/// The newest entry with an id below `id` (any entry when `id` is nullopt).
std::optional<Entry> last_before(store::Connection& c, std::optional<std::int64_t> id);
std::int64_t count_through(store::Connection& c, std::int64_t id);
/// Deletes every entry up to and including `id` (retention only).
std::int64_t delete_through(store::Connection& c, std::int64_t id);

}  // namespace sotong::platform::history_store
