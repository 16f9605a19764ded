// Notification mail building (RFC 2047 subject, base64 body, Message-ID), the job queue's backoff rule and
// claim logic on a real SQLite database, and notify's inbox + mail job.
#include <gtest/gtest.h>
#include <sodium.h>

#include <filesystem>

#include "core/korean_text.hpp"

#include "platform/accounts/accounts_module.hpp"
#include "platform/cache/cache_module.hpp"
#include "platform/jobs/daily_jobs.hpp"
#include "platform/jobs/jobs.hpp"
#include "platform/jobs/jobs_module.hpp"
#include "platform/notifications/mail.hpp"
#include "platform/notifications/notifications.hpp"
#include "platform/notifications/notifications_module.hpp"
#include "platform/organizations/organizations_module.hpp"

namespace sotong::platform::notifications {
namespace {

std::string unbase64(std::string_view b64) {
  std::string out(b64.size(), '\0');
  std::size_t len = 0;
  EXPECT_EQ(sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), b64.data(),
                              b64.size(), "\r\n ", &len, nullptr, sodium_base64_VARIANT_ORIGINAL),
            0);
  out.resize(len);
  return out;
}

/// Decodes a header of "=?UTF-8?B?…?=" words separated by folding whitespace.
std::string decode_words(const std::string& header) {
  std::string out;
  std::size_t at = 0;
  while ((at = header.find("=?UTF-8?B?", at)) != std::string::npos) {
    const auto end = header.find("?=", at + 10);
    out += unbase64(header.substr(at + 10, end - at - 10));
    at = end + 2;
  }
  return out;
}

TEST(NotificationsMail, AsciiSubjectStaysPlain) {
  EXPECT_EQ(encode_header_word("Hello"), "Hello");
}

TEST(NotificationsMail, KoreanSubjectIsEncodedWordsWithinSeventyFiveCharacters) {
  const std::string subject =
      "비밀번호가 초기화되었습니다 — 전북특별자치도 소통협력 시스템에서 보낸 알림입니다";
  const std::string h = encode_header_word(subject);
  EXPECT_EQ(h.rfind("=?UTF-8?B?", 0), 0u);
  EXPECT_EQ(decode_words(h), subject);
  std::size_t start = 0;
  while (start < h.size()) {
    auto end = h.find("\r\n ", start);
    if (end == std::string::npos) end = h.size();
    EXPECT_LE(end - start, 75u);
    start = end + 3;
  }
  EXPECT_NE(h.find("\r\n "), std::string::npos);  // long enough to need folding
  EXPECT_EQ(decode_words(encode_header_word("가")), "가");
}

TEST(NotificationsMail, LongRunsOfContinuationBytesAndInvalidUtf8EndInValidBoundedWords) {
  // A run of continuation bytes longer than a word's 45 bytes once made the splitter back off to nothing and
  // loop for ever; invalid bytes went into words as they were.
  const std::string continuation(200, '\x80');
  for (const std::string& subject :
       {continuation, "가" + continuation + "나", std::string("\xC3\x28\xFF\xFE\xE0\x80\x80\xED\xA0\x80"),
        std::string(100, '\xEA') + "알림", std::string("\xF0\x9F\x98") /* cut emoji */}) {
    const std::string h = encode_header_word(subject);
    std::size_t words = 0;
    for (std::size_t at = 0; (at = h.find("=?UTF-8?B?", at)) != std::string::npos; ++at) {
      const auto end = h.find("?=", at + 10);
      ASSERT_NE(end, std::string::npos);
      EXPECT_LE(end + 2 - at, 75u);
      EXPECT_TRUE(is_valid_utf8(unbase64(h.substr(at + 10, end - at - 10))))
          << "each word decodes to whole characters";
      ++words;
    }
    EXPECT_GE(words, 1u);
    const std::string decoded = decode_words(h);
    EXPECT_TRUE(is_valid_utf8(decoded));
    EXPECT_NE(decoded.find("\xEF\xBF\xBD"), std::string::npos) << "invalid bytes became U+FFFD";
    // Folded lines: every line a single word, no bare CR or LF inside one.
    for (std::size_t start = 0;;) {
      const auto fold = h.find("\r\n ", start);
      const std::string line = h.substr(start, fold == std::string::npos ? std::string::npos : fold - start);
      EXPECT_LE(line.size(), 75u);
      EXPECT_EQ(line.find_first_of("\r\n"), std::string::npos);
      if (fold == std::string::npos) break;
      start = fold + 3;
    }
  }
  EXPECT_EQ(decode_words(encode_header_word("가" + continuation + "나")).find("가"), 0u);
}

TEST(NotificationsMail, MessageHasHeadersAndBase64Body) {
  MailMessage m{"소통 <noreply@jeonbuk.go.kr>",
                "kim@example.kr",
                "새 알림",
                "본문입니다.\n둘째 줄",
                message_id_for_job(42, "소통 <noreply@jeonbuk.go.kr>"),
                1700000000};
  const std::string msg = build_message(m);
  EXPECT_NE(msg.find("Date: Tue, 14 Nov 2023 22:13:20 +0000\r\n"), std::string::npos);
  EXPECT_NE(msg.find("Message-ID: <sotong-job-42@jeonbuk.go.kr>\r\n"), std::string::npos);
  EXPECT_NE(msg.find("To: kim@example.kr\r\n"), std::string::npos);
  EXPECT_NE(msg.find("Content-Transfer-Encoding: base64\r\n"), std::string::npos);
  const auto sub = msg.find("Subject: ");
  EXPECT_EQ(decode_words(msg.substr(sub, msg.find("\r\n", sub) - sub)), "새 알림");
  const auto body = msg.substr(msg.find("\r\n\r\n") + 4);
  EXPECT_EQ(unbase64(body), m.body);
  // A header cannot be smuggled through a subject with a line break.
  m.subject = "x\r\nBcc: evil@example.com";
  EXPECT_EQ(build_message(m).find("\r\nBcc:"), std::string::npos);
}

TEST(NotificationsMail, MessageIdIsStablePerJob) {
  EXPECT_EQ(message_id_for_job(7, "a@b.kr"), message_id_for_job(7, "a@b.kr"));
  EXPECT_NE(message_id_for_job(7, "a@b.kr"), message_id_for_job(8, "a@b.kr"));
  EXPECT_EQ(message_id_for_job(7, "nobody"), "sotong-job-7@sotong.localhost");
}

TEST(NotificationsMail, SmtpNeedsTlsUnlessPlaintextIsAllowed) {
  EXPECT_FALSE(smtp_settings_problem("", false, true));                             // no mail at all
  EXPECT_FALSE(smtp_settings_problem("smtps://mail.example.kr:465", false, true));  // TLS from the start
  EXPECT_FALSE(smtp_settings_problem("smtp://mail.example.kr:587", false, true));   // STARTTLS required
  EXPECT_FALSE(smtp_settings_problem("smtp://127.0.0.1:25", true, true));           // plaintext, as asked
  // A URL curl would read some other way, or none.
  for (const char* url :
       {"mail.example.kr:25", "http://mail.example.kr", "SMTP://mail.example.kr", "smtp:/x"}) {
    const auto problem = smtp_settings_problem(url, false, true);
    ASSERT_TRUE(problem) << url;
    EXPECT_NE(problem->find("smtps://"), std::string::npos) << url;
  }
  // Without TLS in libcurl only an explicit allow_plaintext sends (and never smtps://).
  const auto no_tls = smtp_settings_problem("smtp://mail.example.kr:587", false, false);
  ASSERT_TRUE(no_tls);
  EXPECT_NE(no_tls->find("allow_plaintext = true"), std::string::npos);
  EXPECT_FALSE(smtp_settings_problem("smtp://127.0.0.1:25", true, false));
  EXPECT_TRUE(smtp_settings_problem("smtps://mail.example.kr:465", true, false));
  EXPECT_TRUE(curl_speaks_tls()) << "Debian's libcurl4-openssl-dev";
}

TEST(NotificationsRules, BackoffDoublesUpToAnHour) {
  EXPECT_EQ(jobs::backoff_seconds(1), 30);
  EXPECT_EQ(jobs::backoff_seconds(2), 60);
  EXPECT_EQ(jobs::backoff_seconds(3), 120);
  EXPECT_EQ(jobs::backoff_seconds(8), 3600);
  EXPECT_EQ(jobs::backoff_seconds(100), 3600);
}

TEST(NotificationsRules, DigestTimingAndDelivery) {
  // 2026-11-25 10:00 UTC = 19:00 KST → next 08:00 KST = 2026-11-25 23:00 UTC.
  const Timestamp t = 1795600800;  // 2026-11-25T10:00:00Z
  EXPECT_EQ(jobs::next_daily_run(t, kDigestHour), t + 13 * 3600);
  EXPECT_EQ(jobs::next_daily_run(t + 13 * 3600, kDigestHour), t + 13 * 3600 + 86400);
  EXPECT_TRUE(digest_due(Delivery::daily, t - 86400, t));
  EXPECT_FALSE(digest_due(Delivery::daily, t - 3600, t));
  EXPECT_FALSE(digest_due(Delivery::weekly, t - 86400, t));
  EXPECT_TRUE(digest_due(Delivery::weekly, t - 7 * 86400, t));
  EXPECT_FALSE(digest_due(Delivery::none, 0, t));
  EXPECT_EQ(parse_delivery("weekly"), Delivery::weekly);
  EXPECT_FALSE(parse_delivery("hourly"));
}

class NotificationsStore : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() /
            ("sotong_notifications_" +
             std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) + ".db");
    std::filesystem::remove(path_);
    db_ = store::Database::open("sqlite:" + path_.string(), 2);
    std::vector<store::Migration> migrations;
    for (const auto& m :
         {cache::manifest(), organizations::manifest(), accounts::manifest(), jobs::manifest(), manifest()})
      migrations.insert(migrations.end(), m.migrations.begin(), m.migrations.end());
    store::apply_migrations(*db_, migrations);
    db_->write([](store::Connection& c) {
      c.execute(
          "INSERT INTO organizations (code, name, kind, path, created_at, updated_at) "
          "VALUES ('t', '시험', 'province', '/1/', 0, 0)");
      c.execute(
          "INSERT INTO accounts (login_id, display_name, email, organization_id, password_hash, "
          "password_changed_at, created_at, updated_at) VALUES ('kim', '김', 'kim@example.kr', 1, 'x', 0, 0, "
          "0)");
      c.execute(
          "INSERT INTO accounts (login_id, display_name, email, organization_id, password_hash, "
          "password_changed_at, created_at, updated_at) VALUES ('lee', '이', '', 1, 'x', 0, 0, 0)");
      return true;
    });
  }
  void TearDown() override {
    db_.reset();
    std::filesystem::remove(path_);
  }
  std::int64_t count(const std::string& sql) {
    return db_->read([&](store::Connection& c) { return c.scalar(sql); });
  }
  std::filesystem::path path_;
  std::unique_ptr<store::Database> db_;
};

TEST_F(NotificationsStore, ClaimTakesOneDueJobAndNeverTwice) {
  const Timestamp t = 1000000;
  db_->write([&](store::Connection& c) {
    jobs::enqueue(c, "mail", "{}", t + 100);  // not due yet
    jobs::enqueue(c, "mail", "{}", t - 10);
    return jobs::enqueue(c, "other", "{}", t - 20);  // a kind this node does not run
  });
  auto a = jobs::claim_next(*db_, {"mail"}, "node-a", t, 60);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->id, 2);
  EXPECT_EQ(a->status, "running");
  EXPECT_EQ(a->attempts, 1);
  EXPECT_EQ(a->locked_until, t + 60);
  EXPECT_FALSE(jobs::claim_next(*db_, {"mail"}, "node-b", t, 60));  // the only due mail job is taken
  // node-a dies: after the lease, node-b gets the same job back.
  auto b = jobs::claim_next(*db_, {"mail"}, "node-b", t + 61, 60);
  ASSERT_TRUE(b);
  EXPECT_EQ(b->id, 2);
  EXPECT_EQ(b->attempts, 2);
  // node-a's late finish is refused; node-b's counts.
  jobs::Run late(*db_, Settings{}, *a, "node-a");
  EXPECT_FALSE(late.finish());
  jobs::Run run(*db_, Settings{}, *b, "node-b");
  EXPECT_TRUE(run.finish());
  EXPECT_EQ(count("SELECT COUNT(*) FROM jobs WHERE status = 'done'"), 1);
}

TEST_F(NotificationsStore, FailureRetriesWithBackoffThenFails) {
  db_->write([&](store::Connection& c) { return jobs::enqueue(c, "mail", "{}", 0, 2); });
  auto j = jobs::claim_next(*db_, {"mail"}, "n", 100, 60);
  ASSERT_TRUE(j);
  jobs::record_failure(*db_, *j, "n", "연결 실패", 100);
  EXPECT_FALSE(jobs::claim_next(*db_, {"mail"}, "n", 129, 60));
  j = jobs::claim_next(*db_, {"mail"}, "n", 130, 60);
  ASSERT_TRUE(j);
  jobs::record_failure(*db_, *j, "n", "연결 실패", 130);
  EXPECT_EQ(count("SELECT COUNT(*) FROM jobs WHERE status = 'failed'"), 1);
  EXPECT_FALSE(jobs::retry(*db_, 99, 200));
  EXPECT_TRUE(jobs::retry(*db_, j->id, 200));
  EXPECT_TRUE(jobs::claim_next(*db_, {"mail"}, "n", 200, 60));
}

TEST_F(NotificationsStore, NotifyFillsInboxAndQueuesMailOnlyForImmediateWithEmail) {
  db_->write([](store::Connection& c) {
    notify(c, 1, "비밀번호 초기화", "본문", "/password");
    return notify(c, 2, "주소 없음", "", "");
  });
  EXPECT_EQ(db_->read([](store::Connection& c) { return unread_count(c, 1); }), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM jobs WHERE kind = 'mail'"), 1);
  set_preference(*db_, 1, Delivery::daily);
  db_->write([](store::Connection& c) { return notify(c, 1, "모아 받기", "", ""); });
  EXPECT_EQ(count("SELECT COUNT(*) FROM jobs WHERE kind = 'mail'"), 1);
  // The digest: due a day after the preference was set; one mail with the unread notification since then.
  const Timestamp later = now() + 86400;
  EXPECT_EQ(db_->write([&](store::Connection& c) { return queue_digests(c, later); }), 1);
  EXPECT_EQ(db_->write([&](store::Connection& c) { return queue_digests(c, later + 60); }), 0);
  EXPECT_TRUE(mark_read(*db_, 1, 1));
  EXPECT_FALSE(mark_read(*db_, 2, 1));  // not theirs
  EXPECT_EQ(mark_all_read(*db_, 1), 1);
  EXPECT_EQ(db_->read([](store::Connection& c) { return unread_count(c, 1); }), 0);
}

}  // namespace
}  // namespace sotong::platform::notifications
