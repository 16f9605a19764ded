// A person's inbox (알림) with its unread count, their e-mail delivery choice (즉시, 매일, 매주, 받지 않음),
// and the mail and digest jobs that deliver it through the job queue.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "platform/jobs/jobs.hpp"
#include "store/database.hpp"

namespace sotong::platform::notifications {

enum class Delivery { immediate, daily, weekly, none };

/// "immediate", "daily", "weekly", "none"; parse_delivery answers nullopt for anything else.
std::string_view delivery_code(Delivery d);
std::string_view delivery_label(Delivery d);
std::optional<Delivery> parse_delivery(std::string_view code);
inline constexpr Delivery kAllDeliveries[] = {Delivery::immediate, Delivery::daily, Delivery::weekly,
                                              Delivery::none};

struct Notification {
  std::int64_t id = 0;
  std::int64_t account_id = 0;
  std::string title, body, url;
  Timestamp created_at = 0;
  std::optional<Timestamp> read_at;
};

inline constexpr const char* kMailKind = "mail";
inline constexpr const char* kDigestKind = "digest";

/// Puts a notification in the person's inbox inside the caller's transaction; when they chose immediate
/// delivery and have an e-mail address, also queues one mail job. Returns the notification's id.
std::int64_t notify(store::Connection& c, std::int64_t account_id, std::string_view title,
                    std::string_view body, std::string_view url);

/// Unread notifications of the person (one indexed COUNT).
std::int64_t unread_count(store::Connection& c, std::int64_t account_id);
/// The person's newest notifications (at most `limit`).
std::vector<Notification> inbox(store::Connection& c, std::int64_t account_id, std::size_t limit = 100);
/// Marks one of the person's notifications read; not_found when it is not theirs.
Result<void> mark_read(store::Database& db, std::int64_t account_id, std::int64_t id);
/// Marks all of the person's notifications read; returns how many changed.
std::int64_t mark_all_read(store::Database& db, std::int64_t account_id);
/// Opens one of the person's notifications: marks it read and returns its link (as stored; the caller follows
/// it only when it is a local path). not_found for an id that is not theirs.
Result<std::string> open_notification(store::Database& db, std::int64_t account_id, std::int64_t id);

Delivery preference(store::Connection& c, std::int64_t account_id);
void set_preference(store::Database& db, std::int64_t account_id, Delivery d);

/// Whether a person with `d` whose last digest went out at `last` is due for one at `at`.
bool digest_due(Delivery d, Timestamp last, Timestamp at);
/// The digest job runs daily at 08:00 Korean time, before the working day starts.
inline constexpr int kDigestHour = 8;
/// Queues one mail per daily/weekly person who is due and has unread notifications since their last digest,
/// and moves their last_digest_at to `at` (inside the caller's transaction). Returns the mails queued.
int queue_digests(store::Connection& c, Timestamp at);
/// Makes sure one digest job is queued (start-up seed).
void ensure_digest_scheduled(store::Connection& c, Timestamp at);
/// The mail and digest job kinds, for the manifest.
std::vector<jobs::Kind> job_kinds();

}  // namespace sotong::platform::notifications
