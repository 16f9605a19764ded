// The pure rules of calendar subscriptions: the secret's shape and its place in the address, the origin taken
// from a Host header, paths made absolute, the subject field, and the holidays as all-day events.
#include "platform/calendar/feed_rules.hpp"

#include <gtest/gtest.h>

#include "platform/crypto.hpp"

namespace sotong::platform::calendar {
namespace {

std::string issued_secret() {
  init_crypto();
  return std::string(kFeedSecretPrefix) + random_token(kFeedSecretBytes);
}

HolidayRecord record(const char* date, const char* name, HolidayKind kind, bool deleted,
                     Timestamp updated_at) {
  return {{*parse_date(date), name, kind}, kSourceShipped, deleted, updated_at, 0, ""};
}

}  // namespace

TEST(FeedRules, AnIssuedSecretIsWellFormedAndNothingElseIs) {
  const std::string secret = issued_secret();
  EXPECT_EQ(secret.size(), 4u + 43u);
  EXPECT_TRUE(well_formed_secret(secret));
  EXPECT_NE(issued_secret(), secret);
  EXPECT_FALSE(well_formed_secret(""));
  EXPECT_FALSE(well_formed_secret("stc_"));
  EXPECT_FALSE(well_formed_secret(secret.substr(0, secret.size() - 1)));  // one character short
  EXPECT_FALSE(well_formed_secret(secret + "A"));                         // one too many
  EXPECT_FALSE(well_formed_secret("stg_" + secret.substr(4)));            // an API token's prefix
  EXPECT_FALSE(well_formed_secret("stc_" + std::string(42, 'A') + "/"));
  EXPECT_FALSE(well_formed_secret("stc_" + std::string(42, 'A') + "="));
  EXPECT_FALSE(well_formed_secret("stc_" + std::string(42, 'A') + "."));
  EXPECT_FALSE(well_formed_secret("stc_" + std::string(40, 'A') + "가"));  // 43 bytes, not 43 characters
}

TEST(FeedRules, TheSecretIsTheFileNameWithoutItsExtension) {
  const std::string secret = issued_secret();
  EXPECT_EQ(feed_path(secret), "/calendar/feeds/" + secret + ".ics");
  EXPECT_EQ(secret_from_file_name(secret + ".ics"), secret);
  EXPECT_FALSE(secret_from_file_name(secret));
  EXPECT_FALSE(secret_from_file_name(secret + ".ICS"));
  EXPECT_FALSE(secret_from_file_name(secret + ".ics.ics"));
  EXPECT_FALSE(secret_from_file_name(".ics"));
  EXPECT_FALSE(secret_from_file_name("../" + secret + ".ics"));
  EXPECT_FALSE(secret_from_file_name("42"));
}

TEST(FeedRules, TheOriginComesFromAPlainHost) {
  EXPECT_EQ(origin_of("sotong.jeonbuk.go.kr", true), "https://sotong.jeonbuk.go.kr");
  EXPECT_EQ(origin_of("127.0.0.1:8080", false), "http://127.0.0.1:8080");
  EXPECT_EQ(origin_of("[::1]:8080", false), "http://[::1]:8080");
  EXPECT_FALSE(origin_of("", false));
  EXPECT_FALSE(origin_of("evil.example/path", true));
  EXPECT_FALSE(origin_of("evil.example\r\nX-A: b", true));
  EXPECT_FALSE(origin_of("a b", true));
  EXPECT_FALSE(origin_of("user@evil.example", true));
  EXPECT_FALSE(origin_of("\"><script>", true));
  EXPECT_FALSE(origin_of(std::string(256, 'a'), true));
}

TEST(FeedRules, PathsOnThisSiteBecomeAbsoluteAndOtherAddressesStay) {
  CalendarFeed feed{.name = "회의",
                    .events = {{.uid = "a@x", .url = "/meetings/42"},
                               {.uid = "b@x", .url = "//evil.example/x"},
                               {.uid = "c@x", .url = "https://other.example/y"},
                               {.uid = "d@x", .url = ""}}};
  make_urls_absolute(feed, "https://sotong.jeonbuk.go.kr");
  EXPECT_EQ(feed.events[0].url, "https://sotong.jeonbuk.go.kr/meetings/42");
  EXPECT_EQ(feed.events[1].url, "//evil.example/x");
  EXPECT_EQ(feed.events[2].url, "https://other.example/y");
  EXPECT_EQ(feed.events[3].url, "");
  CalendarFeed unknown{.name = "회의", .events = {{.uid = "a@x", .url = "/meetings/42"}}};
  make_urls_absolute(unknown, "");
  EXPECT_EQ(unknown.events[0].url, "/meetings/42");
}

TEST(FeedRules, TheSubjectFieldIsEmptyOrAPositiveId) {
  auto none = read_subject("");
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());
  auto body = read_subject("42");
  ASSERT_TRUE(body.ok());
  EXPECT_EQ(**body, 42);
  for (const char* bad : {"0", "-1", "x", "1.5", " 1", "99999999999999999999"}) {
    auto refused = read_subject(bad);
    ASSERT_FALSE(refused.ok()) << bad;
    EXPECT_EQ(refused.error().code, ErrorCode::invalid_input) << bad;
    ASSERT_EQ(refused.error().fields.size(), 1u);
    EXPECT_EQ(refused.error().fields[0].field, "subject");
  }
}

TEST(FeedRules, RevisionsGrowWithTheTimeOfTheLastChange) {
  const Timestamp epoch = seoul_day_start({2024, 1, 1});
  EXPECT_EQ(revision_at(0), 0);
  EXPECT_EQ(revision_at(epoch), 0);
  EXPECT_EQ(revision_at(epoch + 59), 0);
  EXPECT_EQ(revision_at(epoch + 60), 1);
  EXPECT_LT(revision_at(seoul_day_start({2026, 9, 25})), revision_at(seoul_day_start({2026, 9, 25}) + 60));
  EXPECT_GT(revision_at(seoul_day_start({2100, 1, 1})), 0);  // still an int, still growing
}

TEST(FeedRules, HolidaysAreAllDayEventsThatDoNotMakeAnyoneBusy) {
  const Timestamp seeded = seoul_day_start({2025, 12, 1});
  const Timestamp deleted_at = seoul_day_start({2026, 3, 10});
  const auto events =
      holiday_events({record("2026-09-25", "추석", HolidayKind::statutory, false, seeded),
                      record("2026-10-05", "대체공휴일(개천절)", HolidayKind::substitute, false, seeded),
                      record("2026-05-01", "노동절", HolidayKind::temporary, true, deleted_at)});
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events[0].uid, "holiday-20260925@sotong.jeonbuk");
  EXPECT_EQ(events[0].summary, "추석");
  EXPECT_EQ(events[0].description, "법정공휴일");
  EXPECT_EQ(events[1].description, "대체공휴일");
  EXPECT_FALSE(events[0].busy);
  EXPECT_EQ(events[0].status, EventStatus::confirmed);
  EXPECT_EQ(events[0].last_modified, seeded);
  const auto* span = std::get_if<AllDaySpan>(&events[0].when);
  ASSERT_NE(span, nullptr);
  EXPECT_EQ(format_date(span->first), "2026-09-25");
  EXPECT_EQ(format_date(span->last), "2026-09-25");
  // A deleted holiday stays, cancelled, with a revision above the one it was published with.
  EXPECT_EQ(events[2].status, EventStatus::cancelled);
  EXPECT_EQ(events[2].uid, "holiday-20260501@sotong.jeonbuk");
  EXPECT_GT(events[2].sequence, events[0].sequence);

  const std::string text = write_icalendar({.name = "공휴일", .events = events}, deleted_at);
  EXPECT_NE(text.find("DTSTART;VALUE=DATE:20260925\r\nDTEND;VALUE=DATE:20260926\r\n"), std::string::npos);
  EXPECT_NE(text.find("STATUS:CANCELLED\r\n"), std::string::npos);
  EXPECT_NE(text.find("TRANSP:TRANSPARENT\r\n"), std::string::npos);
}

}  // namespace sotong::platform::calendar
