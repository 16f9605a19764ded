#include "platform/calendar/feed_store.hpp"

namespace sotong::platform::calendar::feed_store {
namespace {
constexpr const char* kColumns =
    "SELECT id, account_id, source, subject_id, label, created_at, revoked_at, last_used_at FROM "
    "calendar_feeds ";

FeedRecord from_row(const store::Row& r) {
  return {r.int64(0), r.int64(1), r.text(2),           r.optional_int64(3),
          r.text(4),  r.int64(5), r.optional_int64(6), r.optional_int64(7)};
}

std::optional<FeedRecord> first(const store::Rows& rows) {
  if (rows.empty()) return std::nullopt;
  return from_row(rows.front());
}
}  // namespace

std::int64_t insert(store::Connection& c, std::int64_t account_id, std::string_view source,
                    std::optional<std::int64_t> subject_id, std::string_view label,
                    std::string_view secret_hash, Timestamp now) {
  return c
      .query(
          "INSERT INTO calendar_feeds (account_id, source, subject_id, label, secret_hash, created_at) "
          "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
          {account_id, source, subject_id, label, secret_hash, now})
      .front()
      .int64(0);
}

std::optional<FeedRecord> find(store::Connection& c, std::int64_t id) {
  return first(c.query(std::string(kColumns) + "WHERE id = ?", {id}));
}

std::optional<FeedRecord> find_live_by_hash(store::Connection& c, std::string_view secret_hash) {
  return first(
      c.query(std::string(kColumns) + "WHERE secret_hash = ? AND revoked_at IS NULL", {secret_hash}));
}

std::vector<FeedRecord> live_for(store::Connection& c, std::int64_t account_id) {
  std::vector<FeedRecord> out;
  for (const auto& r :
       c.query(std::string(kColumns) + "WHERE account_id = ? AND revoked_at IS NULL ORDER BY id DESC",
               {account_id}))
    out.push_back(from_row(r));
  return out;
}

std::int64_t count_live_for(store::Connection& c, std::int64_t account_id) {
  return c.scalar("SELECT COUNT(*) FROM calendar_feeds WHERE account_id = ? AND revoked_at IS NULL",
                  {account_id});
}

bool revoke(store::Connection& c, std::int64_t id, Timestamp now) {
  return c.execute("UPDATE calendar_feeds SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                   {now, id}) > 0;
}

void touch(store::Connection& c, std::int64_t id, Timestamp now) {
  c.execute("UPDATE calendar_feeds SET last_used_at = ? WHERE id = ?", {now, id});
}

}  // namespace sotong::platform::calendar::feed_store
