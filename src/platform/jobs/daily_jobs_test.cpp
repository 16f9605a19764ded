// Daily jobs: when the next run falls, one queued run however often nodes start, and a run that does its work
// and queues the next day's in the same write.
#include "platform/jobs/daily_jobs.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <utility>
#include <vector>

#include "platform/testing/test_database.hpp"

namespace sotong::platform::jobs {
namespace {

constexpr Timestamp kHour = 3600;

TEST(DailyJobs, TheNextRunIsTodaysHourWhileAheadElseTomorrows) {
  const Timestamp dec1 = seoul_day_start({2026, 12, 1});
  EXPECT_EQ(next_daily_run(dec1, 8), dec1 + 8 * kHour);
  EXPECT_EQ(next_daily_run(dec1 + 8 * kHour - 1, 8), dec1 + 8 * kHour);
  // A run that starts on the hour queues the next day's, not itself again.
  EXPECT_EQ(next_daily_run(dec1 + 8 * kHour, 8), dec1 + 32 * kHour);
  EXPECT_EQ(next_daily_run(dec1 + 3 * kHour, 2), dec1 + 26 * kHour);
  // The day is Korea's: 23:30 UTC on 31 December is already 1 January in Seoul.
  const Timestamp jan1 = seoul_day_start({2027, 1, 1});
  EXPECT_EQ(next_daily_run(seoul_day_start({2026, 12, 31}) + 20 * kHour, 8), jan1 + 8 * kHour);
  EXPECT_EQ(next_daily_run(jan1 - kHour / 2, 2), jan1 + 2 * kHour);
}

class DailyJobsStore : public ::testing::Test {
 protected:
  testing::TestDatabase test_db_{{}};
  store::Database& db_ = test_db_.db();

  std::int64_t pending(const char* kind) {
    return db_.read([&](store::Connection& c) { return count_pending(c, kind); });
  }
  // The open jobs of the test's kind (the platform's seed queues jobs of its own).
  std::vector<Job> open_jobs() {
    std::vector<Job> out;
    for (auto& j : db_.read([](store::Connection& c) { return list_open(c); })) {
      if (j.kind == "test.daily") out.push_back(std::move(j));
    }
    return out;
  }
};

TEST_F(DailyJobsStore, NodesStartingAgainQueueOneRun) {
  const Timestamp at = seoul_day_start({2026, 12, 1}) + 9 * kHour;
  for (int node = 0; node < 3; ++node) {
    db_.write([&](store::Connection& c) {
      ensure_daily_scheduled(c, "test.daily", 8, at);
      return true;
    });
  }
  EXPECT_EQ(pending("test.daily"), 1);
  const auto job = open_jobs();
  ASSERT_EQ(job.size(), 1U);
  EXPECT_EQ(job.front().run_at, seoul_day_start({2026, 12, 2}) + 8 * kHour);
}

TEST_F(DailyJobsStore, ARunDoesItsWorkAndQueuesTheNextDayInOneWrite) {
  std::optional<CivilDate> worked_on;
  const Kind kind = daily_kind({"test.daily", "시험 작업", 8, [&](store::Connection& c, CivilDate today) {
                                  worked_on = today;
                                  c.execute(
                                      "INSERT INTO organizations (code, name, kind, path, created_at, "
                                      "updated_at) VALUES ('daily', '일일', 'province', '/9/', 0, 0)");
                                }});
  EXPECT_EQ(kind.name, "test.daily");
  db_.write([](store::Connection& c) { return enqueue(c, "test.daily", "{}", 0); });
  auto job = claim_next(db_, {"test.daily"}, "node", now(), 60);
  ASSERT_TRUE(job);
  const Timestamp before = now();
  jobs::Run run(db_, Settings{}, *job, "node");
  ASSERT_TRUE(kind.handler(run));
  const Timestamp after = now();
  EXPECT_TRUE(run.finished());
  ASSERT_TRUE(worked_on);
  const auto day = [](CivilDate d) { return days_from_civil(d); };
  EXPECT_TRUE(day(*worked_on) == day(seoul_date(before)) || day(*worked_on) == day(seoul_date(after)));
  EXPECT_EQ(db_.read([](store::Connection& c) {
    return c.scalar("SELECT COUNT(*) FROM organizations WHERE code = 'daily'");
  }),
            1);
  const auto open = open_jobs();
  ASSERT_EQ(open.size(), 1U);  // the claimed run is done; only its successor waits
  EXPECT_EQ(open.front().status, "queued");
  EXPECT_TRUE(open.front().run_at == next_daily_run(before, 8) ||
              open.front().run_at == next_daily_run(after, 8));
}

TEST_F(DailyJobsStore, ARunWhoseWorkFailsQueuesNoSuccessor) {
  const Kind kind = daily_kind({"test.daily", "시험 작업", 8, [](store::Connection& c, CivilDate) {
                                  c.execute("INSERT INTO no_such_table VALUES (1)");
                                }});
  db_.write([](store::Connection& c) { return enqueue(c, "test.daily", "{}", 0); });
  auto job = claim_next(db_, {"test.daily"}, "node", now(), 60);
  ASSERT_TRUE(job);
  jobs::Run run(db_, Settings{}, *job, "node");
  EXPECT_ANY_THROW((void)kind.handler(run));
  // Still the one claimed job: the runner records the failure and retries it, which queues the next day's.
  EXPECT_EQ(pending("test.daily"), 1);
}

}  // namespace
}  // namespace sotong::platform::jobs
