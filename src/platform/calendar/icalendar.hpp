// Calendar feeds as iCalendar text (RFC 5545) that Outlook and Google Calendar subscribe to: events in Korean
// time (Asia/Seoul) or all day, folded and escaped as the RFC asks. Pure: no I/O, no clock.
#pragma once

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/clock.hpp"

namespace sotong::platform::calendar {

/// A wall-clock time in Korea (Asia/Seoul, UTC+9 all year), to the second.
struct LocalDateTime {
  CivilDate date{};
  int hour = 0;
  int minute = 0;
  int second = 0;
};

/// The Korean wall-clock time of an instant: how a module turns a stored UTC time into an event's start.
LocalDateTime seoul_local_time(Timestamp t);

/// An event at a time of day, from `start` up to (not including) `end`, both in Korean time. An `end` that is
/// not after `start` is left out (the event is an instant).
struct TimedSpan {
  LocalDateTime start;
  LocalDateTime end;
};

/// An event of whole days, from `first` to `last` inclusive (a one-day event has first == last; a `last`
/// before `first` counts as first). Written as DTEND the day after `last` (iCalendar's end is exclusive).
struct AllDaySpan {
  CivilDate first{};
  CivilDate last{};
};

enum class EventStatus { confirmed, tentative, cancelled };

/// "CONFIRMED", "TENTATIVE", "CANCELLED".
std::string_view event_status_code(EventStatus status);

/// The domain that ends every event UID.
inline constexpr std::string_view kUidDomain = "sotong.jeonbuk";

/// One event as its module sees it.
///
/// The UID names the record, not the feed or the fetch, and never changes: "<type>-<key>@sotong.jeonbuk",
/// as event_uid makes it ("meeting-42@sotong.jeonbuk", "holiday-20260925@sotong.jeonbuk"). Clients match
/// updates by it, so the same record in two feeds (a person's and a body's) carries the same UID.
///
/// SEQUENCE counts the changes a client must notice (time, place, cancellation): the module keeps it with the
/// record and raises it with each such change. A cancelled event stays in the feed with STATUS:CANCELLED and
/// a SEQUENCE above the one it was last published with: that is how a subscribed client learns of the
/// cancellation (an event that simply vanishes may linger in some clients).
struct CalendarEvent {
  std::string uid;
  int sequence = 0;
  std::variant<TimedSpan, AllDaySpan> when = TimedSpan{};
  std::string summary;
  std::string description;  // "" for none
  std::string location;     // "" for none
  std::string url;          // the record's page, an absolute http(s) address; "" for none
  EventStatus status = EventStatus::confirmed;
  /// False for events that should not show the person as busy (holidays): TRANSP:TRANSPARENT.
  bool busy = true;
  Timestamp last_modified = 0;
};

struct CalendarFeed {
  std::string name;  // the calendar's name in the client (X-WR-CALNAME): "공휴일", "김전북의 회의"
  std::vector<CalendarEvent> events;
  /// How often a client should fetch the feed again (REFRESH-INTERVAL, X-PUBLISHED-TTL), in minutes.
  int refresh_minutes = 60;
};

/// "<record_type>-<key>@sotong.jeonbuk": event_uid("meeting", "42") is "meeting-42@sotong.jeonbuk".
std::string event_uid(std::string_view record_type, std::string_view key);

/// The feed as an iCalendar object (METHOD:PUBLISH) with one VTIMEZONE for Asia/Seoul and a VEVENT per event,
/// in the order given. `stamped_at` is the instant the text is made (every event's DTSTAMP). Every line ends
/// in CRLF and is folded at 75 octets between characters; text values are escaped (escape_text). Throws
/// std::invalid_argument for an event with an empty UID, which would break every client's matching.
std::string write_icalendar(const CalendarFeed& feed, Timestamp stamped_at);

/// A TEXT value as RFC 5545 §3.3.11 writes it: backslash, semicolon and comma escaped with a backslash, a
/// line break (LF, CRLF or a lone CR) as "\n", a tab as a space, other control characters (U+0000–U+001F,
/// U+007F) removed, and bytes that are not UTF-8 replaced by U+FFFD.
std::string escape_text(std::string_view text);

/// One content line folded as RFC 5545 §3.1 asks: pieces of at most 75 octets, each after the first starting
/// with one space, joined and ended by CRLF. A fold never falls inside a UTF-8 character. `line` holds no CR
/// or LF (values are escaped first).
std::string fold_line(std::string_view line);

}  // namespace sotong::platform::calendar
