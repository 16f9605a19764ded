#include "platform/notifications/notification_store.hpp"

namespace sotong::platform::notification_store {
namespace {

Notification to_notification(const store::Row& r) {
  return {r.int64(0), r.int64(1), r.text(2), r.text(3), r.text(4), r.int64(5), r.optional_int64(6)};
}

}  // namespace

std::int64_t insert_notification(store::Connection& c, std::int64_t account_id, std::string_view title,
                                 std::string_view body, std::string_view url, Timestamp created_at) {
  return c
      .query(
          "INSERT INTO notifications (account_id, title, body, url, created_at) VALUES (?, ?, ?, ?, ?) "
          "RETURNING id",
          {account_id, std::string(title), std::string(body), std::string(url), created_at})
      .at(0)
      .int64(0);
}

std::int64_t count_unread(store::Connection& c, std::int64_t account_id) {
  return c.scalar("SELECT COUNT(*) FROM notifications WHERE account_id = ? AND read_at IS NULL",
                  {account_id});
}

std::vector<Notification> list_inbox(store::Connection& c, std::int64_t account_id, std::size_t limit) {
  std::vector<Notification> out;
  for (const auto& r :
       c.query("SELECT id, account_id, title, body, url, created_at, read_at FROM notifications "
               "WHERE account_id = ? ORDER BY id DESC LIMIT ?",
               {account_id, static_cast<std::int64_t>(limit)}))
    out.push_back(to_notification(r));
  return out;
}

bool has_notification(store::Connection& c, std::int64_t account_id, std::int64_t id) {
  return c.scalar("SELECT COUNT(*) FROM notifications WHERE id = ? AND account_id = ?", {id, account_id}) > 0;
}

std::optional<Notification> find_notification(store::Connection& c, std::int64_t account_id,
                                              std::int64_t id) {
  const auto rows = c.query(
      "SELECT id, account_id, title, body, url, created_at, read_at FROM notifications "
      "WHERE id = ? AND account_id = ?",
      {id, account_id});
  if (rows.empty()) return std::nullopt;
  return to_notification(rows.front());
}

void mark_read(store::Connection& c, std::int64_t id, Timestamp at) {
  c.execute("UPDATE notifications SET read_at = ? WHERE id = ? AND read_at IS NULL", {at, id});
}

std::int64_t mark_all_read(store::Connection& c, std::int64_t account_id, Timestamp at) {
  return c.execute("UPDATE notifications SET read_at = ? WHERE account_id = ? AND read_at IS NULL",
                   {at, account_id});
}

std::optional<std::string> find_delivery(store::Connection& c, std::int64_t account_id) {
  auto rows = c.query("SELECT delivery FROM notification_preferences WHERE account_id = ?", {account_id});
  if (rows.empty()) return std::nullopt;
  return rows[0].text(0);
}

bool update_delivery(store::Connection& c, std::int64_t account_id, std::string_view delivery) {
  return c.execute("UPDATE notification_preferences SET delivery = ? WHERE account_id = ?",
                   {std::string(delivery), account_id}) > 0;
}

void insert_preference(store::Connection& c, std::int64_t account_id, std::string_view delivery,
                       Timestamp last_digest_at) {
  c.execute("INSERT INTO notification_preferences (account_id, delivery, last_digest_at) VALUES (?, ?, ?)",
            {account_id, std::string(delivery), last_digest_at});
}

std::vector<DigestSubscriber> list_digest_subscribers(store::Connection& c) {
  std::vector<DigestSubscriber> out;
  for (const auto& r : c.query("SELECT account_id, delivery, last_digest_at FROM notification_preferences "
                               "WHERE delivery IN ('daily', 'weekly') ORDER BY account_id"))
    out.push_back({r.int64(0), r.text(1), r.int64(2)});
  return out;
}

std::vector<Notification> list_unread_between(store::Connection& c, std::int64_t account_id, Timestamp after,
                                              Timestamp until) {
  std::vector<Notification> out;
  for (const auto& r :
       c.query("SELECT id, account_id, title, body, url, created_at, read_at FROM notifications "
               "WHERE account_id = ? AND read_at IS NULL AND created_at > ? AND created_at <= ? ORDER BY id",
               {account_id, after, until}))
    out.push_back(to_notification(r));
  return out;
}

void set_last_digest(store::Connection& c, std::int64_t account_id, Timestamp at) {
  c.execute("UPDATE notification_preferences SET last_digest_at = ? WHERE account_id = ?", {at, account_id});
}

}  // namespace sotong::platform::notification_store
