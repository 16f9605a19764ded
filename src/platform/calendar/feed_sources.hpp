// What a module offers as a calendar feed (its manifest's `calendar_feeds`): the platform keeps the
// subscriptions behind secret addresses (/calendar/feeds/{secret}.ics) and asks the source for the events,
// as the subscribing person sees them at the moment a calendar client fetches them.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "platform/calendar/icalendar.hpp"
#include "platform/service_context.hpp"

namespace sotong::platform::calendar {

/// One thing a person may subscribe to within a source (a body whose meetings they attend).
struct CalendarFeedSubject {
  std::int64_t id = 0;
  std::string label;  // "도민참여위원회"
};

/// A kind of calendar feed. Every function is called with the service context of the feed's owner: on the
/// page with the signed-in person, and on every fetch with the owner as the platform loads them then (their
/// roles and organisation now, not when the address was made).
struct CalendarFeedSource {
  std::string code;         // "holidays", "meetings.person", "meetings.body": stored with each subscription
  std::string label;        // "공휴일": Korean, as the page lists it
  std::string description;  // one sentence on what the calendar holds
  /// The subjects this person may subscribe to, in the order to list them. Empty (no function) for a source
  /// without subjects, whose one feed belongs to the person (the holidays, "my meetings").
  std::function<std::vector<CalendarFeedSubject>(const ServiceContext&)> subjects = {};
  /// Whether this person may subscribe to `subject` (nullopt for a source without subjects). Asked when the
  /// address is made and again at every fetch: a person who may no longer see a subject's events gets a
  /// plain 404, like a revoked address.
  std::function<bool(const ServiceContext&, std::optional<std::int64_t> subject)> may_subscribe;
  /// The feed as this person sees it now. An event's `url` may be a path ("/meetings/42"): the platform makes
  /// it absolute with the address the feed was fetched at. An error answers the fetch with 404.
  std::function<Result<CalendarFeed>(const ServiceContext&, std::optional<std::int64_t> subject)> feed;
};

/// Registers a source (from a manifest); registering a code again replaces it. Throws std::logic_error for
/// a source without a code, a label, `may_subscribe` or `feed`.
void register_feed_source(CalendarFeedSource source);
/// Every registered source, in the order registered.
std::vector<CalendarFeedSource> feed_sources();
/// The source with this code, or nullopt.
std::optional<CalendarFeedSource> feed_source(std::string_view code);

}  // namespace sotong::platform::calendar
