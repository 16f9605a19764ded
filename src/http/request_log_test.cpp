#include "http/request_log.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <regex>

#include "core/korean_text.hpp"

namespace sotong::http {
namespace {
using namespace std::chrono_literals;

RequestLogEntry entry(std::string path) {
  RequestLogEntry e;
  e.method = "GET";
  e.path = std::move(path);
  e.route = "/n/{id}";
  e.remote_address = "127.0.0.1";
  e.status = 200;
  e.seconds = 0.0015;
  e.bytes = 2;
  e.time = std::chrono::system_clock::now();
  return e;
}

std::string escaped(std::string_view text) {
  std::string out;
  append_json_string(out, text);
  return out;
}

/// Collects the sink's lines, safe to read while the writer runs.
struct Collected {
  std::mutex mutex;
  std::vector<std::string> lines;
  RequestLog::Sink sink() {
    return [this](std::string_view text) {
      std::lock_guard lock(mutex);
      while (!text.empty()) {
        const auto end = text.find('\n');
        lines.emplace_back(text.substr(0, end));
        text.remove_prefix(end + 1);
      }
    };
  }
};
}  // namespace

TEST(RequestLogJson, EscapesQuotesBackslashesAndControlBytes) {
  EXPECT_EQ(escaped(R"(/a"b\c)"), R"(/a\"b\\c)");
  EXPECT_EQ(escaped("\n\t\x01\x1f\x7f"), R"(\u000a\u0009\u0001\u001f\u007f)");
  EXPECT_EQ(escaped(std::string_view("a\0b", 3)), R"(a\u0000b)");
  EXPECT_EQ(escaped("/전주시/민원?"), "/전주시/민원?");
  EXPECT_EQ(escaped("😀"), "😀");
}

TEST(RequestLogJson, ReplacesEveryByteOfMalformedUtf8) {
  EXPECT_EQ(escaped("a\xff"), R"(a\ufffd)");
  EXPECT_EQ(escaped("\xc0\xaf"), R"(\ufffd\ufffd)");                      // overlong '/'
  EXPECT_EQ(escaped("\xed\xa0\x80"), R"(\ufffd\ufffd\ufffd)");            // a UTF-16 surrogate
  EXPECT_EQ(escaped("\xf4\x90\x80\x80"), R"(\ufffd\ufffd\ufffd\ufffd)");  // above U+10FFFF
  EXPECT_EQ(escaped("\xec\xa0"), R"(\ufffd\ufffd)");                      // '전' cut short at the end
  EXPECT_EQ(escaped("\xec\xa0/"), R"(\ufffd\ufffd/)");                    // … and in the middle
  EXPECT_EQ(escaped("\x80전"), "\\ufffd전");                              // a stray continuation byte
}

TEST(RequestLogJson, AnyTargetGivesOneValidLine) {
  RequestLogEntry e = entry(std::string("/x\"y\\z\n\r\x01\xff\xc3(\xe2\x82", 14));
  e.method = "G\"T";
  e.route = "";
  std::string line;
  append_log_line(line, e);
  ASSERT_FALSE(line.empty());
  EXPECT_EQ(line.back(), '\n');
  EXPECT_TRUE(is_valid_utf8(line));
  for (std::size_t i = 0; i + 1 < line.size(); ++i)
    EXPECT_GE(static_cast<unsigned char>(line[i]), 0x20) << "raw control byte at " << i;
  const std::regex shape(
      R"(\{"ts":"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d","level":"info","msg":\{"method":"G\\"T",)"
      R"("path":"/x\\"y\\\\z\\u000a\\u000d\\u0001\\ufffd\\ufffd\(\\ufffd\\ufffd","route":"","status":200,)"
      R"("ms":1\.500,"bytes":2,"ip":"127\.0\.0\.1"\}\}\n)");
  EXPECT_TRUE(std::regex_match(line, shape)) << line;
}

TEST(RequestLog, WritesLinesInOrder) {
  Collected out;
  RequestLog log(out.sink(), {.capacity = 4096, .flush_interval = 5ms});
  for (int i = 0; i < 3000; ++i) ASSERT_TRUE(log.push(entry("/n/" + std::to_string(i))));
  log.stop();
  ASSERT_EQ(out.lines.size(), 3000u);
  for (int i = 0; i < 3000; ++i) {
    EXPECT_NE(out.lines[static_cast<std::size_t>(i)].find("\"path\":\"/n/" + std::to_string(i) + "\""),
              std::string::npos);
  }
  EXPECT_EQ(log.written(), 3000u);
  EXPECT_EQ(log.dropped(), 0u);
}

TEST(RequestLog, DropsAndCountsWithoutBlockingWhenTheWriterIsStuck) {
  std::promise<void> entered, release;
  std::shared_future<void> released = release.get_future().share();
  std::atomic<bool> first{true};
  Collected out;
  RequestLog::Sink collect = out.sink();
  RequestLog log(
      [&](std::string_view text) {
        if (first.exchange(false)) {
          entered.set_value();
          released.wait();  // a sink that cannot keep up (a full pipe, a slow disk)
        }
        collect(text);
      },
      {.capacity = 4, .flush_interval = 1ms});
  ASSERT_TRUE(log.push(entry("/first")));
  ASSERT_EQ(entered.get_future().wait_for(5s), std::future_status::ready);

  const auto start = std::chrono::steady_clock::now();
  int accepted = 0;
  for (int i = 0; i < 1000; ++i) accepted += log.push(entry("/n/" + std::to_string(i))) ? 1 : 0;
  const auto spent = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(accepted, 4);
  EXPECT_EQ(log.dropped(), 996u);
  EXPECT_LT(spent, 1s);  // the writer is still stuck: waiting for it would never return

  release.set_value();
  log.stop();
  ASSERT_EQ(out.lines.size(), 5u);
  EXPECT_NE(out.lines[0].find("/first"), std::string::npos);
  EXPECT_NE(out.lines[4].find("/n/3\""), std::string::npos);
}

TEST(RequestLog, StopWritesWhatIsQueued) {
  Collected out;
  RequestLog log(out.sink(), {.capacity = 1000, .flush_interval = 1h});
  for (int i = 0; i < 100; ++i) ASSERT_TRUE(log.push(entry("/n/" + std::to_string(i))));
  log.stop();
  EXPECT_EQ(out.lines.size(), 100u);
  EXPECT_FALSE(log.push(entry("/late")));
  EXPECT_EQ(log.dropped(), 1u);
  log.stop();
}

TEST(RequestLog, SurvivesAFailingSink) {
  Collected out;
  RequestLog::Sink collect = out.sink();
  std::atomic<int> calls{0};
  RequestLog log(
      [&](std::string_view text) {
        if (calls++ == 0) throw std::runtime_error("disk full");
        collect(text);
      },
      {.capacity = 16, .flush_interval = 1h});
  ASSERT_TRUE(log.push(entry("/lost")));
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(log.push(entry("/n/" + std::to_string(i))));  // 4 = a quarter
  for (int i = 0; i < 50 && calls == 0; ++i) std::this_thread::sleep_for(10ms);
  ASSERT_TRUE(log.push(entry("/kept")));
  log.stop();
  ASSERT_EQ(out.lines.size(), 1u);
  EXPECT_NE(out.lines[0].find("/kept"), std::string::npos);
}

}  // namespace sotong::http
