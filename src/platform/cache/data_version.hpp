// Tokens that tell a process when data it keeps in memory has changed (the cache_versions table). A store
// that writes data somebody caches calls `bump` in the same transaction; `VersionedCache` reads the tokens.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "store/database.hpp"

namespace sotong::platform::data_version {

/// Marks `name`'s data changed: a new random token, in the caller's transaction (so it is rolled back with
/// the change, and a reader never sees the change without the new token).
void bump(store::Connection& c, std::string_view name);

/// Bumps `name` when it has no token yet: for data written before its writers bumped it (an older database),
/// called where the data is seeded at start.
void mark_if_unmarked(store::Connection& c, std::string_view name);

/// The tokens of `names` as this transaction sees them, joined in the order given; empty when any of them was
/// never marked (such data is then never kept: a fresh database has no tokens to tell two apart).
std::string token(store::Connection& c, const std::vector<std::string>& names);

}  // namespace sotong::platform::data_version
