// The pure rules of calendar subscriptions: what a secret looks like and where it sits in an address, the
// origin feeds are published at, and the public holidays as all-day events. No I/O.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "platform/calendar/holiday_store.hpp"
#include "platform/calendar/icalendar.hpp"

namespace sotong::platform::calendar {

/// Every secret starts with it, so that a leaked address is easy to recognise in logs and by secret scanners.
inline constexpr std::string_view kFeedSecretPrefix = "stc_";
/// Random bytes in a secret (256 bits), written as 43 characters of URL-safe base64 after the prefix.
inline constexpr std::size_t kFeedSecretBytes = 32;
/// Live subscription addresses one person may hold at once.
inline constexpr std::int64_t kMaxLiveFeeds = 50;

/// True for the shape of a secret the platform issues: the prefix and 43 URL-safe base64 characters.
bool well_formed_secret(std::string_view secret);
/// The secret in the last segment of /calendar/feeds/{secret}.ics, or nullopt when the segment is not a
/// well-formed secret followed by ".ics" (such a request is answered 404 without reading the database).
std::optional<std::string> secret_from_file_name(std::string_view segment);
/// "/calendar/feeds/<secret>.ics".
std::string feed_path(std::string_view secret);

/// "https://sotong.jeonbuk.go.kr" for a request's Host header, or nullopt when the host is empty or holds
/// anything but letters, digits, '.', '-', ':', '[' and ']' (it is shown in a page and written into feeds).
std::optional<std::string> origin_of(std::string_view host, bool over_tls);
/// The events' URLs that are paths on this site ("/meetings/42") made absolute with `origin`; other URLs,
/// and every URL when `origin` is empty, are left as they are.
void make_urls_absolute(CalendarFeed& feed, std::string_view origin);

/// The subject of a subscription form's field: nullopt for "" (a source without subjects), the id for a
/// positive whole number, an invalid_input error otherwise.
Result<std::optional<std::int64_t>> read_subject(std::string_view text);

/// A revision that grows with every change of a row: whole minutes from 2024-01-01 (KST) to `updated_at`,
/// 0 before. Used as SEQUENCE for records that keep only the time of their last change.
int revision_at(Timestamp updated_at);

/// The public holidays as all-day events a person's calendar shows without making them busy: one event per
/// date ("holiday-20260925@sotong.jeonbuk"), its kind (법정공휴일 …) as the description. A deleted holiday
/// stays as a cancelled event, so that calendars that showed it remove it; SEQUENCE follows `updated_at`.
std::vector<CalendarEvent> holiday_events(const std::vector<HolidayRecord>& records);

}  // namespace sotong::platform::calendar
