// The calendar subscriptions' SQL (table calendar_feeds): portable statements for both engines. Only the
// secret's hash is ever written or compared.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "store/database.hpp"

namespace sotong::platform::calendar {

/// One subscription address, without its secret.
struct FeedRecord {
  std::int64_t id = 0;
  std::int64_t account_id = 0;  // the owner, as whom the feed is built
  std::string source;           // the source's code ("holidays")
  std::optional<std::int64_t> subject_id;
  std::string label;  // what was subscribed to, as named when the address was made
  Timestamp created_at = 0;
  std::optional<Timestamp> revoked_at;
  std::optional<Timestamp> last_used_at;

  bool live() const { return !revoked_at.has_value(); }
};

namespace feed_store {

/// Adds a live address for `account_id` and returns its id.
std::int64_t insert(store::Connection& c, std::int64_t account_id, std::string_view source,
                    std::optional<std::int64_t> subject_id, std::string_view label,
                    std::string_view secret_hash, Timestamp now);
/// The address with this id, live or revoked.
std::optional<FeedRecord> find(store::Connection& c, std::int64_t id);
/// The live address whose secret has this hash.
std::optional<FeedRecord> find_live_by_hash(store::Connection& c, std::string_view secret_hash);
/// The person's live addresses, newest first.
std::vector<FeedRecord> live_for(store::Connection& c, std::int64_t account_id);
/// How many live addresses the person holds.
std::int64_t count_live_for(store::Connection& c, std::int64_t account_id);
/// Revokes a live address; false when it was revoked already (or does not exist).
bool revoke(store::Connection& c, std::int64_t id, Timestamp now);
/// Records that a calendar client fetched the address.
void touch(store::Connection& c, std::int64_t id, Timestamp now);

}  // namespace feed_store
}  // namespace sotong::platform::calendar
