// The daily reminder job on a real database: a suggestion adopted through the services, then the job run on
// chosen days around its due date — each reminder reaches the right people once, however often it runs.
#include "modules/suggestions/suggestion_reminder_job.hpp"

#include <gtest/gtest.h>

#include "modules/suggestions/suggestion_handling.hpp"
#include "modules/suggestions/suggestion_service.hpp"
#include "modules/suggestions/suggestions_module.hpp"
#include "platform/calendar/calendar_service.hpp"
#include "platform/calendar/holiday.hpp"
#include "platform/testing/test_database.hpp"

namespace sotong::suggestions {
namespace {

class SuggestionReminderJob : public ::testing::Test {
 protected:
  platform::testing::TestDatabase test{{manifest()}};

  /// Files a suggestion as 전주시 and has the coordinator adopt it with 기획조정실 leading; returns its id.
  std::int64_t adopted(int working_days) {
    const Actor jeonju = test.actor("jeonju");
    const Actor coordinator = test.actor("coordinator");
    auto id = file_suggestion(test.service(jeonju), {"환승주차장 확충", "내용", "budget", {}, "", "", "", ""},
                              true);
    EXPECT_TRUE(id) << id.error().message;
    DecisionInput review;
    review.action = "start_review";
    EXPECT_TRUE(handle_suggestion(test.service(coordinator), *id, review));
    DecisionInput adopt;
    adopt.action = "adopt";
    adopt.lead_bureau = std::to_string(test.organization("52000-B01"));
    adopt.working_days = std::to_string(working_days);
    auto done = handle_suggestion(test.service(coordinator), *id, adopt);
    EXPECT_TRUE(done) << done.error().message;
    return *id;
  }

  CivilDate due_of(std::int64_t id) {
    return *get_suggestion(test.service(test.actor("coordinator")), id)->due_date;
  }

  int run_on(CivilDate day) {
    return test.db().write([&](store::Connection& c) { return send_due_reminders(c, day); });
  }

  std::int64_t inbox(std::string_view login, std::string_view title) {
    const auto account = test.actor(login).account_id;
    return test.db().read([&](store::Connection& c) {
      return c.scalar("SELECT COUNT(*) FROM notifications WHERE account_id = ? AND title = ?",
                      {account, std::string(title)});
    });
  }
};

}  // namespace

TEST_F(SuggestionReminderJob, EachReminderGoesOutOnceToTheRightPeople) {
  const auto id = adopted(10);
  const CivilDate due = due_of(id);
  const auto calendar = test.db().read([](store::Connection& c) { return platform::calendar::load(c); });
  const CivilDate first = calendar.add_working_days(due, -3);
  const CivilDate day_before_first = civil_from_days(days_from_civil(first) - 1);

  EXPECT_EQ(run_on(day_before_first), 0);
  EXPECT_EQ(run_on(first), 1);  // planning, the one bureau officer of 기획조정실
  EXPECT_EQ(run_on(first), 0) << "a second run the same day sends nothing";
  EXPECT_EQ(run_on(civil_from_days(days_from_civil(due) - 1)), 0) << "nor a later day before the due date";
  EXPECT_EQ(inbox("planning", "처리 기한이 다가오는 건의가 있습니다"), 1);

  EXPECT_EQ(run_on(due), 1);
  EXPECT_EQ(inbox("planning", "오늘이 처리 기한인 건의가 있습니다"), 1);

  const CivilDate after = civil_from_days(days_from_civil(due) + 1);
  EXPECT_EQ(run_on(after), 1);  // the one coordinator
  EXPECT_EQ(run_on(civil_from_days(days_from_civil(due) + 5)), 0);
  EXPECT_EQ(inbox("coordinator", "처리 기한이 지난 건의가 있습니다"), 1);
  EXPECT_EQ(inbox("planning", "처리 기한이 지난 건의가 있습니다"), 0) << "escalation goes to the coordinator";
}

TEST_F(SuggestionReminderJob, AnExtendedDueDateEarnsItsOwnRemindersAndASettledItemNone) {
  const auto id = adopted(5);
  const CivilDate due = due_of(id);
  EXPECT_EQ(run_on(due), 1);
  DecisionInput extend;
  extend.action = "extend";
  extend.due_date = platform::calendar::format_date(civil_from_days(days_from_civil(due) + 14));
  extend.reason = "관계 기관 협의";
  ASSERT_TRUE(handle_suggestion(test.service(test.actor("planning")), id, extend));
  EXPECT_EQ(run_on(civil_from_days(days_from_civil(due) + 1)), 0) << "not overdue any more";
  EXPECT_EQ(run_on(civil_from_days(days_from_civil(due) + 14)), 1) << "the new due date's own reminder";

  DecisionInput start, resolve;
  start.action = "start_progress";
  resolve.action = "resolve";
  ASSERT_TRUE(handle_suggestion(test.service(test.actor("planning")), id, start));
  ASSERT_TRUE(handle_suggestion(test.service(test.actor("planning")), id, resolve));
  EXPECT_EQ(run_on(civil_from_days(days_from_civil(due) + 30)), 0) << "a resolved item is not chased";
}

TEST_F(SuggestionReminderJob, StartUpQueuesOneJobHoweverManyNodesStart) {
  for (int node = 0; node < 3; ++node)
    test.db().write([](store::Connection& c) {
      ensure_reminders_scheduled(c, now());
      return true;
    });
  EXPECT_EQ(test.db().read([](store::Connection& c) {
    return c.scalar("SELECT COUNT(*) FROM jobs WHERE kind = 'suggestion_reminders' AND status = 'queued'");
  }),
            1);
}

}  // namespace sotong::suggestions
