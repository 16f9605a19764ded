// Calendar subscriptions (일정 구독): a person makes a secret address for a feed they may see, a calendar
// client (Outlook, Google Calendar) fetches it without signing in, and the person revokes it. Making and
// revoking are recorded in the change history, every fetch in the access log as the owner's.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "platform/calendar/feed_sources.hpp"
#include "platform/calendar/feed_store.hpp"
#include "platform/policy.hpp"
#include "platform/service_context.hpp"
#include "store/database.hpp"

namespace sotong::platform::calendar {

inline constexpr const char* kFeedRecord = "calendar_feed";

/// A feed the person may subscribe to.
struct FeedOffer {
  std::string source;  // the source's code
  std::optional<std::int64_t> subject;
  std::string label;        // "공휴일", "회의 · 도민참여위원회"
  std::string description;  // the source's sentence
};

/// One of the person's live addresses.
struct FeedSummary {
  FeedRecord record;
  std::string label;  // as the source names it now, or as named when made
  /// False when the source is gone or the person may no longer subscribe to it: the address answers 404.
  bool answering = true;
};

struct FeedsOverview {
  std::vector<FeedSummary> feeds;
  std::vector<FeedOffer> offers;
};

/// A new address: its secret is shown once and never stored.
struct IssuedFeed {
  std::int64_t id = 0;
  std::string secret;
};

/// The actor's live addresses and what they may subscribe to.
Result<FeedsOverview> list_calendar_feeds(const ServiceContext& svc);

/// Makes a new address for the actor's feed of `source` (and `subject`). not_found for an unknown source or
/// a subject the actor may not subscribe to (the same answer for both, so nothing is learnt); invalid_input
/// for a subject given to a source without subjects or missing for one with; conflict when the actor holds
/// kMaxLiveFeeds live addresses already.
Result<IssuedFeed> create_calendar_feed(const ServiceContext& svc, std::string_view source,
                                        std::optional<std::int64_t> subject);

/// The actor's own live address `id`; not_found for anyone else's, a revoked one or none.
Result<FeedSummary> get_calendar_feed(const ServiceContext& svc, std::int64_t id);

/// Revokes the actor's own live address `id`: it answers 404 from now on. not_found as get_calendar_feed.
Result<void> revoke_calendar_feed(const ServiceContext& svc, std::int64_t id);

/// A calendar client's fetch of /calendar/feeds/{secret}.ics.
struct FeedFetch {
  std::string_view secret;
  std::string_view origin;          // "https://sotong.jeonbuk.go.kr": makes the events' paths absolute
  std::string_view remote_address;  // the client's, for the access log
  Timestamp now = 0;
};

/// The iCalendar text of the live address with this secret, built as its owner sees the source now, with
/// its use recorded (last_used_at, and an access entry as the owner). One not_found, whatever the reason:
/// an unknown or revoked secret, an owner who is deactivated or may no longer subscribe, a source that is
/// gone or fails.
Result<std::string> fetch_calendar_feed(store::Database& db, const Policy& policy, const FeedFetch& fetch);

}  // namespace sotong::platform::calendar
