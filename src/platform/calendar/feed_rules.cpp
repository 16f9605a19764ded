#include "platform/calendar/feed_rules.hpp"

#include <algorithm>

#include "platform/web/params.hpp"

namespace sotong::platform::calendar {
namespace {

constexpr std::string_view kFeedFilesPrefix = "/calendar/feeds/";
constexpr std::string_view kExtension = ".ics";
/// Characters of base64url without padding for kFeedSecretBytes bytes.
constexpr std::size_t kSecretCharacters = (kFeedSecretBytes * 8 + 5) / 6;
/// 2024-01-01T00:00:00+09:00, where holiday revisions start.
constexpr Timestamp kRevisionEpoch = 1704034800;
constexpr std::size_t kMaxHostLength = 255;

bool base64url(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

bool host_character(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' ||
         c == ':' || c == '[' || c == ']';
}

}  // namespace

bool well_formed_secret(std::string_view secret) {
  if (!secret.starts_with(kFeedSecretPrefix)) return false;
  const std::string_view body = secret.substr(kFeedSecretPrefix.size());
  return body.size() == kSecretCharacters && std::all_of(body.begin(), body.end(), base64url);
}

std::optional<std::string> secret_from_file_name(std::string_view segment) {
  if (!segment.ends_with(kExtension)) return std::nullopt;
  const std::string_view secret = segment.substr(0, segment.size() - kExtension.size());
  if (!well_formed_secret(secret)) return std::nullopt;
  return std::string(secret);
}

std::string feed_path(std::string_view secret) {
  std::string path(kFeedFilesPrefix);
  path += secret;
  path += kExtension;
  return path;
}

std::optional<std::string> origin_of(std::string_view host, bool over_tls) {
  if (host.empty() || host.size() > kMaxHostLength || !std::all_of(host.begin(), host.end(), host_character))
    return std::nullopt;
  return std::string(over_tls ? "https://" : "http://") + std::string(host);
}

void make_urls_absolute(CalendarFeed& feed, std::string_view origin) {
  if (origin.empty()) return;
  for (auto& event : feed.events) {
    if (event.url.starts_with('/') && !event.url.starts_with("//"))
      event.url = std::string(origin) + event.url;
  }
}

Result<std::optional<std::int64_t>> read_subject(std::string_view text) {
  if (text.empty()) return std::optional<std::int64_t>{};
  if (auto id = parse_id(text)) return std::optional<std::int64_t>{*id};
  return Error::invalid("구독할 대상이 올바르지 않습니다.",
                        {{"subject", "구독할 대상을 목록에서 골라 주십시오."}});
}

int revision_at(Timestamp updated_at) {
  if (updated_at <= kRevisionEpoch) return 0;
  return static_cast<int>(std::min<Timestamp>((updated_at - kRevisionEpoch) / 60, INT32_MAX));
}

std::vector<CalendarEvent> holiday_events(const std::vector<HolidayRecord>& records) {
  std::vector<CalendarEvent> events;
  events.reserve(records.size());
  for (const auto& r : records) {
    const Holiday& h = r.holiday;
    const std::string key = std::to_string(h.date.year * 10000LL + h.date.month * 100 + h.date.day);
    events.push_back({.uid = event_uid("holiday", key),
                      .sequence = revision_at(r.updated_at),
                      .when = AllDaySpan{h.date, h.date},
                      .summary = h.name,
                      .description = std::string(holiday_kind_label(h.kind)),
                      .status = r.deleted ? EventStatus::cancelled : EventStatus::confirmed,
                      .busy = false,
                      .last_modified = r.updated_at});
  }
  return events;
}

}  // namespace sotong::platform::calendar
