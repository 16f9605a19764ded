#include "platform/calendar/icalendar.hpp"

#include <algorithm>
#include <cstdio>
#include <stdexcept>

#include "core/korean_text.hpp"

namespace sotong::platform::calendar {
namespace {

constexpr std::size_t kMaxLineOctets = 75;
constexpr std::int64_t kSeoulOffsetSeconds = 9 * 3600;
constexpr std::int64_t kSecondsPerDay = 86400;
constexpr std::string_view kTimeZone = "Asia/Seoul";

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

/// "20260925".
std::string ical_date(CivilDate date) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d%02d%02d", date.year, date.month, date.day);
  return buf;
}

/// "20260925T140000", a local time without a zone (the TZID parameter names it).
std::string ical_local(const LocalDateTime& t) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "%04d%02d%02dT%02d%02d%02d", t.date.year, t.date.month, t.date.day, t.hour,
                t.minute, t.second);
  return buf;
}

/// "20260925T050000Z".
std::string ical_utc(Timestamp t) {
  const std::int64_t days = floor_div(t, kSecondsPerDay);
  const std::int64_t secs = t - days * kSecondsPerDay;
  return ical_local({civil_from_days(days), static_cast<int>(secs / 3600), static_cast<int>(secs % 3600 / 60),
                     static_cast<int>(secs % 60)}) +
         "Z";
}

/// Seconds of a local time on a common line, for ordering start and end.
std::int64_t local_seconds(const LocalDateTime& t) {
  return days_from_civil(t.date) * kSecondsPerDay + t.hour * 3600 + t.minute * 60 + t.second;
}

/// A URI value: control characters dropped, spaces and bytes beyond ASCII percent-encoded, so that the value
/// can neither end the line nor hold what a URI may not.
std::string uri_value(std::string_view url) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : url) {
    const auto b = static_cast<unsigned char>(c);
    if (b < 0x20 || b == 0x7F) continue;
    if (b == ' ' || b == '"' || b >= 0x80) {
      out.push_back('%');
      out.push_back(kHex[b >> 4]);
      out.push_back(kHex[b & 0xF]);
      continue;
    }
    out.push_back(c);
  }
  return out;
}

class Writer {
 public:
  void line(std::string_view text) { out_ += fold_line(text); }
  void property(std::string_view name, std::string_view value) {
    std::string text(name);
    text += ':';
    text += value;
    line(text);
  }
  void text_property(std::string_view name, std::string_view value) { property(name, escape_text(value)); }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

void write_time_zone(Writer& w) {
  w.line("BEGIN:VTIMEZONE");
  w.property("TZID", kTimeZone);
  w.line("BEGIN:STANDARD");
  w.property("DTSTART", "19700101T000000");
  w.property("TZOFFSETFROM", "+0900");
  w.property("TZOFFSETTO", "+0900");
  w.property("TZNAME", "KST");
  w.line("END:STANDARD");
  w.line("END:VTIMEZONE");
}

void write_span(Writer& w, const TimedSpan& span) {
  const std::string zone = ";TZID=" + std::string(kTimeZone);
  w.property("DTSTART" + zone, ical_local(span.start));
  if (local_seconds(span.end) > local_seconds(span.start)) w.property("DTEND" + zone, ical_local(span.end));
}

void write_span(Writer& w, const AllDaySpan& span) {
  const std::int64_t first = days_from_civil(span.first);
  const std::int64_t last = std::max(first, days_from_civil(span.last));
  w.property("DTSTART;VALUE=DATE", ical_date(civil_from_days(first)));
  w.property("DTEND;VALUE=DATE", ical_date(civil_from_days(last + 1)));
}

void write_event(Writer& w, const CalendarEvent& event, Timestamp stamped_at) {
  if (event.uid.empty()) throw std::invalid_argument("a calendar event needs a UID");
  w.line("BEGIN:VEVENT");
  w.text_property("UID", event.uid);
  w.property("DTSTAMP", ical_utc(stamped_at));
  std::visit([&](const auto& span) { write_span(w, span); }, event.when);
  w.property("SEQUENCE", std::to_string(std::max(event.sequence, 0)));
  w.property("STATUS", event_status_code(event.status));
  if (!event.busy) w.property("TRANSP", "TRANSPARENT");
  w.property("LAST-MODIFIED", ical_utc(event.last_modified));
  w.text_property("SUMMARY", event.summary);
  if (!event.description.empty()) w.text_property("DESCRIPTION", event.description);
  if (!event.location.empty()) w.text_property("LOCATION", event.location);
  if (!event.url.empty()) w.property("URL", uri_value(event.url));
  w.line("END:VEVENT");
}

}  // namespace

LocalDateTime seoul_local_time(Timestamp t) {
  const std::int64_t local = t + kSeoulOffsetSeconds;
  const std::int64_t days = floor_div(local, kSecondsPerDay);
  const std::int64_t secs = local - days * kSecondsPerDay;
  return {civil_from_days(days), static_cast<int>(secs / 3600), static_cast<int>(secs % 3600 / 60),
          static_cast<int>(secs % 60)};
}

std::string_view event_status_code(EventStatus status) {
  switch (status) {
    case EventStatus::confirmed:
      return "CONFIRMED";
    case EventStatus::tentative:
      return "TENTATIVE";
    case EventStatus::cancelled:
      return "CANCELLED";
  }
  return "CONFIRMED";
}

std::string event_uid(std::string_view record_type, std::string_view key) {
  std::string uid(record_type);
  uid += '-';
  uid += key;
  uid += '@';
  uid += kUidDomain;
  return uid;
}

std::string escape_text(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    const auto b = static_cast<unsigned char>(c);
    if (b >= 0x80) {
      const std::size_t length = utf8_sequence_length(text, i);
      if (length == 0) {
        out += "\xEF\xBF\xBD";  // U+FFFD for a byte that starts no character
        ++i;
      } else {
        out.append(text.substr(i, length));
        i += length;
      }
      continue;
    }
    ++i;
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case ';':
        out += "\\;";
        break;
      case ',':
        out += "\\,";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':  // CRLF is one break; a lone CR is one too
        if (i < text.size() && text[i] == '\n') ++i;
        out += "\\n";
        break;
      case '\t':
        out += ' ';
        break;
      default:
        if (b >= 0x20 && b != 0x7F) out.push_back(c);
        break;
    }
  }
  return out;
}

std::string fold_line(std::string_view line) {
  std::string out;
  out.reserve(line.size() + line.size() / 24 + 2);
  std::size_t piece = 0;  // octets on the current physical line, the leading space included
  for (std::size_t i = 0; i < line.size();) {
    std::size_t length = utf8_sequence_length(line, i);
    if (length == 0) length = 1;  // not UTF-8: kept as it is, one byte at a time
    if (piece + length > kMaxLineOctets) {
      out += "\r\n ";
      piece = 1;
    }
    out.append(line.substr(i, length));
    piece += length;
    i += length;
  }
  out += "\r\n";
  return out;
}

std::string write_icalendar(const CalendarFeed& feed, Timestamp stamped_at) {
  Writer w;
  w.line("BEGIN:VCALENDAR");
  w.property("VERSION", "2.0");
  w.property("PRODID", "-//Sotong//Sotong Calendar 1.0//KO");
  w.property("CALSCALE", "GREGORIAN");
  w.property("METHOD", "PUBLISH");
  w.text_property("X-WR-CALNAME", feed.name);
  w.property("X-WR-TIMEZONE", kTimeZone);
  const std::string refresh = "PT" + std::to_string(std::max(feed.refresh_minutes, 1)) + "M";
  w.property("REFRESH-INTERVAL;VALUE=DURATION", refresh);
  w.property("X-PUBLISHED-TTL", refresh);
  write_time_zone(w);
  for (const auto& event : feed.events) write_event(w, event, stamped_at);
  w.line("END:VCALENDAR");
  return w.take();
}

}  // namespace sotong::platform::calendar
