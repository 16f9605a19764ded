// The notifications' SQL: the inbox (notifications) and each person's delivery choice
// (notification_preferences).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "platform/notifications/notifications.hpp"
#include "store/database.hpp"

namespace sotong::platform::notification_store {

using notifications::Notification;

/// Puts a notification in the person's inbox; returns its id.
std::int64_t insert_notification(store::Connection& c, std::int64_t account_id, std::string_view title,
                                 std::string_view body, std::string_view url, Timestamp created_at);
/// Unread notifications of the person.
std::int64_t count_unread(store::Connection& c, std::int64_t account_id);
/// The person's newest notifications (at most `limit`).
std::vector<Notification> list_inbox(store::Connection& c, std::int64_t account_id, std::size_t limit);
/// True when notification `id` is in the person's inbox.
bool has_notification(store::Connection& c, std::int64_t account_id, std::int64_t id);
/// Marks one notification read at `at`, unless it already is.
void mark_read(store::Connection& c, std::int64_t id, Timestamp at);
/// One of the person's notifications, or nullopt (another person's id included).
std::optional<Notification> find_notification(store::Connection& c, std::int64_t account_id, std::int64_t id);
/// Marks every unread notification of the person read at `at`; returns how many.
std::int64_t mark_all_read(store::Connection& c, std::int64_t account_id, Timestamp at);

/// The person's delivery code ("daily"), or nullopt when they never chose.
std::optional<std::string> find_delivery(store::Connection& c, std::int64_t account_id);
/// Changes the person's delivery code; false when they have no preference row yet.
bool update_delivery(store::Connection& c, std::int64_t account_id, std::string_view delivery);
void insert_preference(store::Connection& c, std::int64_t account_id, std::string_view delivery,
                       Timestamp last_digest_at);

/// A person who chose a digest, and when their last one went out.
struct DigestSubscriber {
  std::int64_t account_id = 0;
  std::string delivery;  // "daily" or "weekly"
  Timestamp last_digest_at = 0;
};
/// Everyone who chose a daily or weekly digest, by account id.
std::vector<DigestSubscriber> list_digest_subscribers(store::Connection& c);
/// The person's unread notifications created in (after, until], oldest first.
std::vector<Notification> list_unread_between(store::Connection& c, std::int64_t account_id, Timestamp after,
                                              Timestamp until);
void set_last_digest(store::Connection& c, std::int64_t account_id, Timestamp at);

}  // namespace sotong::platform::notification_store
