// Calendar subscriptions on a real database: an address is made for what the person may see and only its
// hash is kept; a fetch builds the feed as the owner sees it now and is recorded as the owner's access; an
// unknown, malformed or revoked secret, a deactivated owner and a subject no longer allowed are one 404;
// nobody revokes another person's address; and the history records making and revoking.
#include "platform/calendar/feed_service.hpp"

#include <gtest/gtest.h>

#include "platform/calendar/calendar_module.hpp"
#include "platform/calendar/feed_rules.hpp"
#include "platform/crypto.hpp"
#include "platform/testing/test_database.hpp"

namespace sotong::platform::calendar {
namespace {

constexpr Timestamp kFetchedAt = 1790000000;  // 2026-09-21T14:13:20Z

/// Whether the test source lets anyone subscribe (a person's membership of a body, in a real module).
bool& test_subjects_open() {
  static bool open = true;
  return open;
}

/// A source with subjects, as the meetings module's bodies will be: subject 1 for everyone, subject 2 for
/// nobody; its events link to a page of this site by path.
CalendarFeedSource subjects_source() {
  return {.code = "test.subjects",
          .label = "시험 일정",
          .description = "시험용",
          .subjects =
              [](const ServiceContext&) {
                return std::vector<CalendarFeedSubject>{{1, "가 위원회"}, {2, "나 위원회"}};
              },
          .may_subscribe =
              [](const ServiceContext&, std::optional<std::int64_t> subject) {
                return test_subjects_open() && subject == 1;
              },
          .feed = [](const ServiceContext& svc, std::optional<std::int64_t> subject) -> Result<CalendarFeed> {
            CalendarEvent e{.uid = event_uid("test", std::to_string(*subject)),
                            .when = TimedSpan{{{2026, 9, 22}, 14, 0, 0}, {{2026, 9, 22}, 15, 0, 0}},
                            .summary = "회의 for " + svc.actor.login_id,
                            .url = "/meetings/7",
                            .last_modified = kFetchedAt};
            return CalendarFeed{.name = "시험", .events = {e}};
          }};
}

class FeedServiceTest : public ::testing::Test {
 protected:
  FeedServiceTest() {
    init_crypto();
    register_feed_source(subjects_source());
    test_subjects_open() = true;
  }

  Result<std::string> fetch(std::string_view secret) {
    return fetch_calendar_feed(db.db(), db.policy(),
                               {secret, "https://sotong.jeonbuk.go.kr", "192.0.2.7", kFetchedAt});
  }

  std::int64_t count(const std::string& sql, const store::Params& params) {
    return db.db().read([&](store::Connection& c) { return c.scalar(sql, params); });
  }

  testing::TestDatabase db{{}};
  Actor jeonju = db.actor("jeonju");
  Actor gunsan = db.actor("gunsan");
};

IssuedFeed issue(const ServiceContext& svc, std::string_view source,
                 std::optional<std::int64_t> subject = {}) {
  auto issued = create_calendar_feed(svc, source, subject);
  EXPECT_TRUE(issued.ok()) << (issued.ok() ? "" : issued.error().message);
  return issued.ok() ? *issued : IssuedFeed{};
}

}  // namespace

TEST_F(FeedServiceTest, TheHolidaysAreOfferedAndAnAddressKeepsOnlyTheHashOfItsSecret) {
  auto overview = list_calendar_feeds(db.service(jeonju));
  ASSERT_TRUE(overview.ok());
  ASSERT_FALSE(overview->offers.empty());
  EXPECT_EQ(overview->offers[0].source, "holidays");
  EXPECT_EQ(overview->offers[0].label, "공휴일");
  EXPECT_TRUE(overview->feeds.empty());

  const auto issued = issue(db.service(jeonju), "holidays");
  EXPECT_TRUE(well_formed_secret(issued.secret));
  EXPECT_EQ(count("SELECT COUNT(*) FROM calendar_feeds WHERE id = ? AND secret_hash = ?",
                  {issued.id, token_hash(issued.secret)}),
            1);
  // The secret itself is nowhere: not in the row, not in the history.
  EXPECT_EQ(count("SELECT COUNT(*) FROM calendar_feeds WHERE secret_hash = ? OR label = ? OR source = ?",
                  {issued.secret, issued.secret, issued.secret}),
            0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM history_entries WHERE before_data LIKE ? OR after_data LIKE ?",
                  {"%" + issued.secret.substr(4) + "%", "%" + issued.secret.substr(4) + "%"}),
            0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM history_entries WHERE kind = 'change' AND record_type = ? AND "
                  "record_id = ? AND action = 'create' AND account_id = ?",
                  {kFeedRecord, issued.id, jeonju.account_id}),
            1);

  overview = list_calendar_feeds(db.service(jeonju));
  ASSERT_EQ(overview->feeds.size(), 1u);
  EXPECT_EQ(overview->feeds[0].record.id, issued.id);
  EXPECT_EQ(overview->feeds[0].label, "공휴일");
  EXPECT_TRUE(overview->feeds[0].answering);
  EXPECT_FALSE(overview->feeds[0].record.last_used_at);
  // Another person sees none of it.
  EXPECT_TRUE(list_calendar_feeds(db.service(gunsan))->feeds.empty());
}

TEST_F(FeedServiceTest, AFetchBuildsTheFeedAndIsRecordedAsTheOwnersAccess) {
  const auto issued = issue(db.service(jeonju), "holidays");
  auto text = fetch(issued.secret);
  ASSERT_TRUE(text.ok()) << text.error().message;
  EXPECT_TRUE(text->starts_with("BEGIN:VCALENDAR\r\n"));
  EXPECT_NE(text->find("X-WR-CALNAME:공휴일\r\n"), std::string::npos);
  EXPECT_NE(text->find("UID:holiday-20260925@sotong.jeonbuk\r\n"), std::string::npos);
  EXPECT_NE(text->find("SUMMARY:추석\r\n"), std::string::npos);

  auto overview = list_calendar_feeds(db.service(jeonju));
  EXPECT_EQ(overview->feeds[0].record.last_used_at, kFetchedAt);
  EXPECT_EQ(count("SELECT COUNT(*) FROM history_entries WHERE kind = 'access' AND action = 'view' AND "
                  "record_type = ? AND record_id = ? AND account_id = ? AND remote_address = '192.0.2.7'",
                  {kFeedRecord, issued.id, jeonju.account_id}),
            1);
}

TEST_F(FeedServiceTest, UnknownMalformedAndRevokedSecretsAreAllNotFound) {
  const auto issued = issue(db.service(jeonju), "holidays");
  std::string guessed = issued.secret;
  guessed.back() = guessed.back() == 'A' ? 'B' : 'A';
  for (const std::string& secret :
       {guessed, std::string("stc_short"), std::string(""), issued.secret + "x"}) {
    auto refused = fetch(secret);
    ASSERT_FALSE(refused.ok()) << secret;
    EXPECT_EQ(refused.error().code, ErrorCode::not_found);
  }
  ASSERT_TRUE(revoke_calendar_feed(db.service(jeonju), issued.id).ok());
  auto revoked = fetch(issued.secret);
  ASSERT_FALSE(revoked.ok());
  EXPECT_EQ(revoked.error().code, ErrorCode::not_found);
  EXPECT_EQ(revoked.error().message, fetch(guessed).error().message);  // the same answer, whatever the reason
  EXPECT_TRUE(list_calendar_feeds(db.service(jeonju))->feeds.empty());
  EXPECT_EQ(count("SELECT COUNT(*) FROM history_entries WHERE kind = 'change' AND record_type = ? AND "
                  "record_id = ? AND action = 'revoke'",
                  {kFeedRecord, issued.id}),
            1);
  // Revoking twice finds nothing the second time.
  EXPECT_EQ(revoke_calendar_feed(db.service(jeonju), issued.id).error().code, ErrorCode::not_found);
}

TEST_F(FeedServiceTest, NobodyRevokesOrSeesAnotherPersonsAddress) {
  const auto issued = issue(db.service(jeonju), "holidays");
  const Actor admin = db.actor("admin");
  for (const Actor* other : std::vector<const Actor*>{&gunsan, &admin}) {
    EXPECT_EQ(get_calendar_feed(db.service(*other), issued.id).error().code, ErrorCode::not_found);
    EXPECT_EQ(revoke_calendar_feed(db.service(*other), issued.id).error().code, ErrorCode::not_found);
  }
  EXPECT_TRUE(fetch(issued.secret).ok());
  EXPECT_TRUE(get_calendar_feed(db.service(jeonju), issued.id).ok());
}

TEST_F(FeedServiceTest, ADeactivatedOwnersAddressIsNotFound) {
  const auto issued = issue(db.service(jeonju), "holidays");
  ASSERT_TRUE(fetch(issued.secret).ok());
  db.db().write([&](store::Connection& c) {
    return c.execute("UPDATE accounts SET active = 0 WHERE id = ?", {jeonju.account_id});
  });
  EXPECT_EQ(fetch(issued.secret).error().code, ErrorCode::not_found);
  db.db().write([&](store::Connection& c) {
    return c.execute("UPDATE accounts SET active = 1 WHERE id = ?", {jeonju.account_id});
  });
  EXPECT_TRUE(fetch(issued.secret).ok());
}

TEST_F(FeedServiceTest, SubjectsAreCheckedWhenTheAddressIsMadeAndAtEveryFetch) {
  auto overview = list_calendar_feeds(db.service(jeonju));
  const auto offer = std::find_if(overview->offers.begin(), overview->offers.end(),
                                  [](const FeedOffer& o) { return o.source == "test.subjects"; });
  ASSERT_NE(offer, overview->offers.end());
  EXPECT_EQ(offer->subject, 1);
  EXPECT_EQ(offer->label, "시험 일정 · 가 위원회");
  EXPECT_EQ(std::count_if(overview->offers.begin(), overview->offers.end(),
                          [](const FeedOffer& o) { return o.source == "test.subjects"; }),
            1);  // 나 위원회 is not offered

  EXPECT_EQ(create_calendar_feed(db.service(jeonju), "test.subjects", 2).error().code, ErrorCode::not_found);
  EXPECT_EQ(create_calendar_feed(db.service(jeonju), "test.subjects", 3).error().code, ErrorCode::not_found);
  EXPECT_EQ(create_calendar_feed(db.service(jeonju), "test.subjects", std::nullopt).error().code,
            ErrorCode::invalid_input);
  EXPECT_EQ(create_calendar_feed(db.service(jeonju), "holidays", 1).error().code, ErrorCode::invalid_input);
  EXPECT_EQ(create_calendar_feed(db.service(jeonju), "no.such.source", std::nullopt).error().code,
            ErrorCode::not_found);

  const auto issued = issue(db.service(jeonju), "test.subjects", 1);
  auto text = fetch(issued.secret);
  ASSERT_TRUE(text.ok());
  EXPECT_NE(text->find("SUMMARY:회의 for jeonju\r\n"), std::string::npos);  // built as the owner
  EXPECT_NE(text->find("URL:https://sotong.jeonbuk.go.kr/meetings/7\r\n"), std::string::npos);

  test_subjects_open() = false;  // the owner left the body
  EXPECT_EQ(fetch(issued.secret).error().code, ErrorCode::not_found);
  overview = list_calendar_feeds(db.service(jeonju));
  ASSERT_EQ(overview->feeds.size(), 1u);
  EXPECT_FALSE(overview->feeds[0].answering);
  EXPECT_EQ(overview->feeds[0].label, "시험 일정 · 가 위원회");  // as named when made
  test_subjects_open() = true;
  EXPECT_TRUE(fetch(issued.secret).ok());
}

TEST_F(FeedServiceTest, OnePersonHoldsAtMostFiftyLiveAddresses) {
  std::int64_t first = 0;
  for (int i = 0; i < kMaxLiveFeeds; ++i) {
    const auto issued = issue(db.service(jeonju), "holidays");
    if (i == 0) first = issued.id;
  }
  auto refused = create_calendar_feed(db.service(jeonju), "holidays", std::nullopt);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::conflict);
  EXPECT_TRUE(create_calendar_feed(db.service(gunsan), "holidays", std::nullopt).ok());  // per person
  ASSERT_TRUE(revoke_calendar_feed(db.service(jeonju), first).ok());
  EXPECT_TRUE(create_calendar_feed(db.service(jeonju), "holidays", std::nullopt).ok());
}

TEST(FeedSources, ASourceNeedsItsCodeLabelAndFunctions) {
  EXPECT_THROW(register_feed_source({.code = "", .label = "x", .may_subscribe = {}, .feed = {}}),
               std::logic_error);
  auto source = holiday_feed_source();
  source.feed = nullptr;
  EXPECT_THROW(register_feed_source(source), std::logic_error);
  EXPECT_FALSE(feed_source("no.such.source"));
}

}  // namespace sotong::platform::calendar
