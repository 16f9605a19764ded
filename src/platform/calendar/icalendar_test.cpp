// The iCalendar writer: folding at 75 octets between characters (seeded random Korean and ASCII text that
// unfolds back exactly), TEXT escaping of each special character, CRLF everywhere, the Asia/Seoul VTIMEZONE,
// timed, all-day and cancelled events, and an empty feed.
#include "platform/calendar/icalendar.hpp"

#include <gtest/gtest.h>

#include <random>
#include <stdexcept>

#include "core/korean_text.hpp"
#include "platform/calendar/calendar_test_support.hpp"

namespace sotong::platform::calendar {
namespace {

/// RFC 5545 §3.1 unfolding: every CRLF followed by one space or tab is removed.
std::string unfold(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' && i + 2 < text.size() && text[i + 1] == '\n' &&
        (text[i + 2] == ' ' || text[i + 2] == '\t')) {
      i += 2;
      continue;
    }
    out.push_back(text[i]);
  }
  return out;
}

/// The physical lines of folded text (each without its CRLF); the text must end in CRLF.
std::vector<std::string> physical_lines(std::string_view text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t at; (at = text.find("\r\n", start)) != std::string_view::npos; start = at + 2)
    out.emplace_back(text.substr(start, at - start));
  EXPECT_EQ(start, text.size()) << "the text does not end in CRLF";
  return out;
}

/// The content lines of a calendar, unfolded.
std::vector<std::string> content_lines(std::string_view text) {
  return physical_lines(unfold(text));
}

/// The content lines from BEGIN:VEVENT to END:VEVENT of the event with this UID.
std::vector<std::string> event_lines(std::string_view text, const std::string& uid) {
  std::vector<std::string> out;
  std::vector<std::string> current;
  bool inside = false;
  for (const auto& line : content_lines(text)) {
    if (line == "BEGIN:VEVENT") inside = true;
    if (inside) current.push_back(line);
    if (line == "END:VEVENT") {
      for (const auto& l : current)
        if (l == "UID:" + uid) out = current;
      current.clear();
      inside = false;
    }
  }
  return out;
}

bool has_line(const std::vector<std::string>& lines, const std::string& line) {
  return std::find(lines.begin(), lines.end(), line) != lines.end();
}

/// The value of the first line named `name` (with its parameters, up to the colon), or "(none)".
std::string value_of(const std::vector<std::string>& lines, const std::string& name) {
  for (const auto& l : lines)
    if (l.starts_with(name + ":")) return l.substr(name.size() + 1);
  return "(none)";
}

/// RFC 5545 §3.3.11 read back, for checking that escaping loses nothing.
std::string unescape(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\\' || i + 1 == text.size()) {
      out.push_back(text[i]);
      continue;
    }
    const char next = text[++i];
    out.push_back(next == 'n' || next == 'N' ? '\n' : next);
  }
  return out;
}

CalendarEvent meeting() {
  return {.uid = "meeting-42@sotong.jeonbuk",
          .sequence = 2,
          .when = TimedSpan{{date_on("2026-11-25"), 14, 0, 0}, {date_on("2026-11-25"), 15, 30, 0}},
          .summary = "제3차 도민참여위원회 정례회의",
          .description = "안건: 버스 노선 조정; 예산, 보고",
          .location = "도청 4층 회의실",
          .url = "https://sotong.jeonbuk.go.kr/meetings/42",
          .last_modified = 1795492800};  // 2026-11-24T04:00:00Z
}

constexpr Timestamp kStamp = 1795584896;  // 2026-11-25T05:34:56Z

/// A random string of `n` characters drawn from ASCII letters, the characters TEXT escapes, Hangul syllables
/// (3 octets), a Latin letter with an accent (2 octets) and emoji (4 octets).
std::string random_text(std::mt19937& rng, std::size_t n) {
  static const std::vector<std::string> kPieces = {"a", "Z",  "0", " ", ";", ",", "\\", "\n",
                                                   ":", "\"", "é", "ß", "😀", "𝄞", "·",  "…"};
  std::uniform_int_distribution<int> kind(0, 3);
  std::uniform_int_distribution<char32_t> hangul(0xAC00, 0xD7A3);
  std::uniform_int_distribution<std::size_t> piece(0, kPieces.size() - 1);
  std::string out;
  for (std::size_t i = 0; i < n; ++i) {
    if (kind(rng) < 2)
      append_utf8(hangul(rng), out);
    else
      out += kPieces[piece(rng)];
  }
  return out;
}

}  // namespace

TEST(ICalendarFold, RandomKoreanAndAsciiLinesFoldWithinSeventyFiveOctetsAndUnfoldExactly) {
  std::mt19937 rng(20261125);
  std::uniform_int_distribution<std::size_t> length(0, 300);
  for (int round = 0; round < 2000; ++round) {
    const std::string text = random_text(rng, length(rng));
    const std::string line = "DESCRIPTION:" + escape_text(text);
    const std::string folded = fold_line(line);
    const auto pieces = physical_lines(folded);
    ASSERT_FALSE(pieces.empty());
    for (std::size_t i = 0; i < pieces.size(); ++i) {
      EXPECT_LE(pieces[i].size(), 75u) << "round " << round << ", line " << i;
      EXPECT_EQ(pieces[i].find_first_of("\r\n"), std::string::npos) << "a line break left unescaped";
      if (i > 0) {
        EXPECT_EQ(pieces[i][0], ' ') << "a continuation starts with one space";
      }
      // A fold inside a character would leave a piece that is not UTF-8 on its own.
      EXPECT_TRUE(is_valid_utf8(pieces[i]))
          << "round " << round << ", line " << i << " is cut inside a character";
    }
    EXPECT_EQ(unfold(folded), line + "\r\n") << "round " << round;
    EXPECT_EQ(unescape(line.substr(12)), text) << "round " << round;
    // Nothing is folded sooner than it must be: every piece but the last is full to within one character.
    for (std::size_t i = 0; i + 1 < pieces.size(); ++i) EXPECT_GE(pieces[i].size(), 72u);
  }
}

TEST(ICalendarFold, AFoldFallsBeforeAKoreanCharacterNotInsideIt) {
  // "SUMMARY:" is 8 octets; 22 syllables bring the line to 74, and the 23rd would end at 77: the first
  // physical line stops at 74 octets rather than cut 가 after its first byte.
  std::string summary;
  for (int i = 0; i < 40; ++i) summary += "가";
  const auto pieces = physical_lines(fold_line("SUMMARY:" + summary));
  ASSERT_EQ(pieces.size(), 2u);
  EXPECT_EQ(pieces[0].size(), 74u);
  EXPECT_EQ(pieces[0], "SUMMARY:" + summary.substr(0, 66));
  EXPECT_EQ(pieces[1], " " + summary.substr(66));
}

TEST(ICalendarFold, SeventyFiveOctetsStayOnOneLineAndSeventySixAreFolded) {
  const std::string exact = "SUMMARY:" + std::string(67, 'x');
  ASSERT_EQ(exact.size(), 75u);
  EXPECT_EQ(fold_line(exact), exact + "\r\n");
  const std::string longer = exact + "y";
  EXPECT_EQ(fold_line(longer), exact + "\r\n y\r\n");
  // Continuation lines hold 74 octets after their space.
  const std::string many = "X:" + std::string(73 + 74 + 5, 'a');
  const auto pieces = physical_lines(fold_line(many));
  ASSERT_EQ(pieces.size(), 3u);
  EXPECT_EQ(pieces[0].size(), 75u);
  EXPECT_EQ(pieces[1].size(), 75u);
  EXPECT_EQ(pieces[2], " aaaaa");
  EXPECT_EQ(fold_line(""), "\r\n");
}

TEST(ICalendarEscape, EachSpecialCharacterIsEscaped) {
  EXPECT_EQ(escape_text("a\\b"), "a\\\\b");
  EXPECT_EQ(escape_text("안건;예산"), "안건\\;예산");
  EXPECT_EQ(escape_text("전주,군산"), "전주\\,군산");
  EXPECT_EQ(escape_text("첫 줄\n둘째 줄"), "첫 줄\\n둘째 줄");
  EXPECT_EQ(escape_text("첫 줄\r\n둘째 줄"), "첫 줄\\n둘째 줄");  // CR dropped from CRLF
  EXPECT_EQ(escape_text("첫 줄\r둘째 줄"), "첫 줄\\n둘째 줄");    // a lone CR is a break too
  EXPECT_EQ(escape_text("\n\n"), "\\n\\n");
  EXPECT_EQ(escape_text("가\t나"), "가 나");
  EXPECT_EQ(escape_text(std::string("a\0b\x01\x08\x0B\x1B\x1F\x7F"
                                    "c",
                                    10)),
            "abc");
  EXPECT_EQ(escape_text("\\;,\n"), "\\\\\\;\\,\\n");
  // A colon, a double quote and Korean need no escape in a TEXT value.
  EXPECT_EQ(escape_text("시간: \"오후 2시\""), "시간: \"오후 2시\"");
  // Bytes that are not UTF-8 become U+FFFD, so no client meets a broken character.
  EXPECT_EQ(escape_text("a\xFF"
                        "b\xE0\x80"),
            "a\xEF\xBF\xBD"
            "b\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(escape_text(""), "");
}

TEST(ICalendarEscape, SummaryDescriptionLocationAndTheCalendarNameAreEscapedInTheFeed) {
  auto event = meeting();
  event.summary = "회의; 1부, 2부";
  event.description = "첫 줄\r\n둘째 줄\\끝";
  event.location = "본관,4층";
  const auto text = write_icalendar({.name = "회의, 위원회", .events = {event}}, kStamp);
  const auto lines = event_lines(text, event.uid);
  EXPECT_TRUE(has_line(lines, "SUMMARY:회의\\; 1부\\, 2부"));
  EXPECT_TRUE(has_line(lines, "DESCRIPTION:첫 줄\\n둘째 줄\\\\끝"));
  EXPECT_TRUE(has_line(lines, "LOCATION:본관\\,4층"));
  EXPECT_TRUE(has_line(content_lines(text), "X-WR-CALNAME:회의\\, 위원회"));
}

TEST(ICalendarWrite, ATimedEventIsInKoreanTimeWithItsTimeZone) {
  const auto event = meeting();
  const auto lines = event_lines(write_icalendar({.name = "회의", .events = {event}}, kStamp), event.uid);
  const std::vector<std::string> expected = {"BEGIN:VEVENT",
                                             "UID:meeting-42@sotong.jeonbuk",
                                             "DTSTAMP:20261125T053456Z",
                                             "DTSTART;TZID=Asia/Seoul:20261125T140000",
                                             "DTEND;TZID=Asia/Seoul:20261125T153000",
                                             "SEQUENCE:2",
                                             "STATUS:CONFIRMED",
                                             "LAST-MODIFIED:20261124T040000Z",
                                             "SUMMARY:제3차 도민참여위원회 정례회의",
                                             "DESCRIPTION:안건: 버스 노선 조정\\; 예산\\, 보고",
                                             "LOCATION:도청 4층 회의실",
                                             "URL:https://sotong.jeonbuk.go.kr/meetings/42",
                                             "END:VEVENT"};
  EXPECT_EQ(lines, expected);
}

TEST(ICalendarWrite, SeoulLocalTimeIsNineHoursAheadOfUtc) {
  // 2026-11-25T05:00:00Z is 14:00 in Korea; 2026-12-31T15:30:00Z is already 2027-01-01 00:30.
  const auto afternoon = seoul_local_time(1795582800);
  EXPECT_EQ(afternoon.date.year, 2026);
  EXPECT_EQ(afternoon.date.month, 11);
  EXPECT_EQ(afternoon.date.day, 25);
  EXPECT_EQ(afternoon.hour, 14);
  EXPECT_EQ(afternoon.minute, 0);
  const auto new_year = seoul_local_time(1798731000);
  EXPECT_EQ(new_year.date.year, 2027);
  EXPECT_EQ(new_year.date.month, 1);
  EXPECT_EQ(new_year.date.day, 1);
  EXPECT_EQ(new_year.hour, 0);
  EXPECT_EQ(new_year.minute, 30);
}

TEST(ICalendarWrite, AnEndThatIsNotAfterTheStartIsLeftOut) {
  auto event = meeting();
  event.when = TimedSpan{{date_on("2026-11-25"), 14, 0, 0}, {date_on("2026-11-25"), 14, 0, 0}};
  auto lines = event_lines(write_icalendar({.name = "회의", .events = {event}}, kStamp), event.uid);
  EXPECT_EQ(value_of(lines, "DTSTART;TZID=Asia/Seoul"), "20261125T140000");
  EXPECT_EQ(value_of(lines, "DTEND;TZID=Asia/Seoul"), "(none)");
  event.when = TimedSpan{{date_on("2026-11-25"), 14, 0, 0}, {date_on("2026-11-24"), 15, 0, 0}};
  lines = event_lines(write_icalendar({.name = "회의", .events = {event}}, kStamp), event.uid);
  EXPECT_EQ(value_of(lines, "DTEND;TZID=Asia/Seoul"), "(none)");
  // Past midnight is after, whatever the hour says.
  event.when = TimedSpan{{date_on("2026-11-25"), 22, 0, 0}, {date_on("2026-11-26"), 1, 0, 0}};
  lines = event_lines(write_icalendar({.name = "회의", .events = {event}}, kStamp), event.uid);
  EXPECT_EQ(value_of(lines, "DTEND;TZID=Asia/Seoul"), "20261126T010000");
}

TEST(ICalendarWrite, AllDayEventsAreDatesWithAnExclusiveEnd) {
  const auto event = [](const char* uid, const char* first, const char* last) {
    return CalendarEvent{
        .uid = uid, .when = AllDaySpan{date_on(first), date_on(last)}, .summary = "추석", .busy = false};
  };
  const auto text =
      write_icalendar({.name = "공휴일",
                       .events = {event("holiday-20260924@sotong.jeonbuk", "2026-09-24", "2026-09-26"),
                                  event("holiday-20261225@sotong.jeonbuk", "2026-12-25", "2026-12-25"),
                                  event("span@sotong.jeonbuk", "2026-12-31", "2026-12-31"),
                                  event("backwards@sotong.jeonbuk", "2026-05-05", "2026-05-01")}},
                      kStamp);
  auto lines = event_lines(text, "holiday-20260924@sotong.jeonbuk");
  EXPECT_EQ(value_of(lines, "DTSTART;VALUE=DATE"), "20260924");
  EXPECT_EQ(value_of(lines, "DTEND;VALUE=DATE"), "20260927");  // three days: 24, 25 and 26
  EXPECT_TRUE(has_line(lines, "TRANSP:TRANSPARENT"));          // a holiday does not make anyone busy
  EXPECT_EQ(value_of(lines, "DTSTART;TZID=Asia/Seoul"), "(none)");
  lines = event_lines(text, "holiday-20261225@sotong.jeonbuk");
  EXPECT_EQ(value_of(lines, "DTSTART;VALUE=DATE"), "20261225");
  EXPECT_EQ(value_of(lines, "DTEND;VALUE=DATE"), "20261226");
  lines = event_lines(text, "span@sotong.jeonbuk");
  EXPECT_EQ(value_of(lines, "DTEND;VALUE=DATE"), "20270101");  // across the year's end
  lines = event_lines(text, "backwards@sotong.jeonbuk");
  EXPECT_EQ(value_of(lines, "DTSTART;VALUE=DATE"), "20260505");
  EXPECT_EQ(value_of(lines, "DTEND;VALUE=DATE"), "20260506");  // a last day before the first is one day
  // A timed event that does make the person busy says nothing (OPAQUE is the default).
  EXPECT_EQ(
      value_of(event_lines(write_icalendar({.name = "회의", .events = {meeting()}}, kStamp), meeting().uid),
               "TRANSP"),
      "(none)");
}

TEST(ICalendarWrite, ACancelledEventStaysWithItsStatusAndAHigherSequence) {
  auto published = meeting();
  auto cancelled = published;
  cancelled.status = EventStatus::cancelled;
  cancelled.sequence = published.sequence + 1;
  const auto before =
      event_lines(write_icalendar({.name = "회의", .events = {published}}, kStamp), published.uid);
  const auto after =
      event_lines(write_icalendar({.name = "회의", .events = {cancelled}}, kStamp), cancelled.uid);
  ASSERT_FALSE(after.empty()) << "the cancelled event is still in the feed";
  EXPECT_EQ(value_of(before, "STATUS"), "CONFIRMED");
  EXPECT_EQ(value_of(after, "STATUS"), "CANCELLED");
  EXPECT_EQ(value_of(before, "SEQUENCE"), "2");
  EXPECT_EQ(value_of(after, "SEQUENCE"), "3");
  EXPECT_EQ(value_of(after, "UID"), value_of(before, "UID"));
  auto tentative = published;
  tentative.status = EventStatus::tentative;
  EXPECT_EQ(
      value_of(event_lines(write_icalendar({.name = "회의", .events = {tentative}}, kStamp), tentative.uid),
               "STATUS"),
      "TENTATIVE");
}

TEST(ICalendarWrite, TheCalendarHasOneSeoulTimeZoneBeforeItsEvents) {
  const auto lines = content_lines(write_icalendar({.name = "회의", .events = {meeting()}}, kStamp));
  const std::vector<std::string> zone = {
      "BEGIN:VTIMEZONE",    "TZID:Asia/Seoul",  "BEGIN:STANDARD", "DTSTART:19700101T000000",
      "TZOFFSETFROM:+0900", "TZOFFSETTO:+0900", "TZNAME:KST",     "END:STANDARD",
      "END:VTIMEZONE"};
  const auto begin = std::find(lines.begin(), lines.end(), "BEGIN:VTIMEZONE");
  ASSERT_NE(begin, lines.end());
  EXPECT_EQ(std::vector<std::string>(begin, begin + static_cast<std::ptrdiff_t>(zone.size())), zone);
  EXPECT_EQ(std::count(lines.begin(), lines.end(), "BEGIN:VTIMEZONE"), 1);
  EXPECT_LT(begin, std::find(lines.begin(), lines.end(), "BEGIN:VEVENT"));
}

TEST(ICalendarWrite, EveryLineEndsInCrlfAndNoneIsLongerThanSeventyFiveOctets) {
  auto event = meeting();
  event.description = std::string(500, 'x') + "\n" + "긴 설명입니다. 줄이 바뀌고\r\n또 바뀝니다.\n";
  for (int i = 0; i < 50; ++i) event.description += "전라북도 특별자치도 도민 참여 ";
  const auto text = write_icalendar(
      {.name = "전라북도 도민참여위원회 전체 회의 일정", .events = {event, meeting()}}, kStamp);
  ASSERT_TRUE(text.ends_with("END:VCALENDAR\r\n"));
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      EXPECT_TRUE(i > 0 && text[i - 1] == '\r') << "a bare LF at octet " << i;
    }
    if (text[i] == '\r') {
      EXPECT_TRUE(i + 1 < text.size() && text[i + 1] == '\n') << "a bare CR at octet " << i;
    }
  }
  for (const auto& line : physical_lines(text)) {
    EXPECT_LE(line.size(), 75u) << line;
    EXPECT_TRUE(is_valid_utf8(line)) << line;
  }
}

TEST(ICalendarWrite, AnEmptyFeedIsStillACalendar) {
  const auto text = write_icalendar({.name = "공휴일"}, kStamp);
  EXPECT_EQ(text,
            "BEGIN:VCALENDAR\r\n"
            "VERSION:2.0\r\n"
            "PRODID:-//Sotong//Sotong Calendar 1.0//KO\r\n"
            "CALSCALE:GREGORIAN\r\n"
            "METHOD:PUBLISH\r\n"
            "X-WR-CALNAME:공휴일\r\n"
            "X-WR-TIMEZONE:Asia/Seoul\r\n"
            "REFRESH-INTERVAL;VALUE=DURATION:PT60M\r\n"
            "X-PUBLISHED-TTL:PT60M\r\n"
            "BEGIN:VTIMEZONE\r\n"
            "TZID:Asia/Seoul\r\n"
            "BEGIN:STANDARD\r\n"
            "DTSTART:19700101T000000\r\n"
            "TZOFFSETFROM:+0900\r\n"
            "TZOFFSETTO:+0900\r\n"
            "TZNAME:KST\r\n"
            "END:STANDARD\r\n"
            "END:VTIMEZONE\r\n"
            "END:VCALENDAR\r\n");
}

TEST(ICalendarWrite, OptionalPropertiesAreLeftOutWhenEmptyAndTheUrlIsKeptOnOneLine) {
  auto event = meeting();
  event.description.clear();
  event.location.clear();
  event.url.clear();
  auto lines = event_lines(write_icalendar({.name = "회의", .events = {event}}, kStamp), event.uid);
  EXPECT_EQ(value_of(lines, "DESCRIPTION"), "(none)");
  EXPECT_EQ(value_of(lines, "LOCATION"), "(none)");
  EXPECT_EQ(value_of(lines, "URL"), "(none)");
  EXPECT_EQ(value_of(lines, "SUMMARY"), "제3차 도민참여위원회 정례회의");
  // A URL cannot end its line or carry spaces and Korean as they are.
  event.url = "https://sotong.jeonbuk.go.kr/meetings/42?q=회의 안건\r\nX-EVIL:1";
  lines = event_lines(write_icalendar({.name = "회의", .events = {event}}, kStamp), event.uid);
  EXPECT_EQ(value_of(lines, "URL"),
            "https://sotong.jeonbuk.go.kr/meetings/42?q=%ED%9A%8C%EC%9D%98%20%EC%95%88%EA%B1%B4X-EVIL:1");
  EXPECT_EQ(value_of(lines, "X-EVIL"), "(none)");
}

TEST(ICalendarWrite, UidsFollowTheConventionAndAnEmptyOneIsRefused) {
  EXPECT_EQ(event_uid("meeting", "42"), "meeting-42@sotong.jeonbuk");
  EXPECT_EQ(event_uid("holiday", "20260925"), "holiday-20260925@sotong.jeonbuk");
  auto event = meeting();
  event.uid.clear();
  EXPECT_THROW(write_icalendar({.name = "회의", .events = {event}}, kStamp), std::invalid_argument);
}

}  // namespace sotong::platform::calendar
