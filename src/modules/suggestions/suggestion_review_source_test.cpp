// The meeting hand-off through the platform's interface, as the meetings module will use it: it names no
// suggestions type, only platform::review_source("suggestions"), on a real database.
#include "modules/suggestions/suggestion_review_source.hpp"

#include <gtest/gtest.h>

#include "modules/suggestions/suggestion_handling.hpp"
#include "modules/suggestions/suggestion_service.hpp"
#include "modules/suggestions/suggestions_module.hpp"
#include "platform/calendar/holiday.hpp"
#include "platform/testing/test_database.hpp"

namespace sotong::suggestions {
namespace {

class SuggestionReviewSource : public ::testing::Test {
 protected:
  platform::testing::TestDatabase test{{manifest()}};
  const CivilDate today = seoul_today();
  CivilDate in_days(int n) const { return civil_from_days(days_from_civil(today) + n); }

  /// Files as `login` and has the coordinator adopt it for review at `level` on `review` (in progress when
  /// `start`); returns its id.
  std::int64_t adopted(std::string_view login, const char* level, CivilDate review, bool start = true) {
    auto id = file_suggestion(test.service(test.actor(login)),
                              {"점검 대상", "내용", "project", {}, "", "", "", ""}, true);
    EXPECT_TRUE(id);
    const Actor coordinator = test.actor("coordinator");
    DecisionInput step;
    step.action = "start_review";
    EXPECT_TRUE(handle_suggestion(test.service(coordinator), *id, step));
    step.action = "adopt";
    step.lead_bureau = std::to_string(test.organization("52000-B01"));
    step.working_days = "20";
    step.review_level = level;
    step.next_review = platform::calendar::format_date(review);
    auto adopted = handle_suggestion(test.service(coordinator), *id, step);
    EXPECT_TRUE(adopted) << adopted.error().message;
    if (start) {
      step = {};
      step.action = "start_progress";
      EXPECT_TRUE(handle_suggestion(test.service(coordinator), *id, step));
    }
    return *id;
  }

  static platform::ReviewSource source() {
    auto found = platform::review_source("suggestions");
    EXPECT_TRUE(found);
    return *found;
  }

  std::vector<std::int64_t> due(std::string_view login, const char* level, CivilDate until) {
    auto items = source().due_for_review(test.service(test.actor(login)), level, until);
    EXPECT_TRUE(items) << items.error().message;
    std::vector<std::int64_t> ids;
    for (const auto& i : *items) ids.push_back(i.id);
    return ids;
  }
};

}  // namespace

TEST_F(SuggestionReviewSource, ListsWhatAMeetingLevelReviewsByItsDateAndOnlyWhatThePersonMaySee) {
  const auto soon = adopted("jeonju", "vice_mayors", in_days(3));
  const auto later = adopted("jeonju", "vice_mayors", in_days(40));
  const auto other_level = adopted("gunsan", "policy_council", in_days(2));
  const auto gunsan_item = adopted("gunsan", "vice_mayors", in_days(5));
  EXPECT_EQ(due("coordinator", "vice_mayors", in_days(10)), (std::vector<std::int64_t>{soon, gunsan_item}));
  EXPECT_EQ(due("coordinator", "vice_mayors", in_days(60)),
            (std::vector<std::int64_t>{soon, gunsan_item, later}));
  EXPECT_EQ(due("coordinator", "policy_council", in_days(10)), (std::vector<std::int64_t>{other_level}));
  EXPECT_EQ(due("jeonju", "vice_mayors", in_days(60)), (std::vector<std::int64_t>{soon, later}));
  auto unknown = source().due_for_review(test.service(test.actor("coordinator")), "weekly", in_days(10));
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, ErrorCode::invalid_input);
}

TEST_F(SuggestionReviewSource, AMeetingDecisionIsWrittenBackAndMovesTheItemUnderItsOwnRules) {
  const auto id = adopted("jeonju", "vice_mayors", in_days(3));
  const Actor coordinator = test.actor("coordinator");
  platform::ReviewDecision decision{"2026년 12월 부시장·부군수 회의",
                                    "예산 반영을 확인하고 해결로 처리하기로 함", "resolve", "", in_days(33)};
  ASSERT_TRUE(source().record_decision(test.service(coordinator), id, decision));
  auto file = open_suggestion(test.service(coordinator), id);
  ASSERT_TRUE(file);
  EXPECT_EQ(file->record.state, State::resolved);
  EXPECT_EQ(days_from_civil(*file->record.next_review), days_from_civil(in_days(33)));
  ASSERT_GE(file->timeline.size(), 2u);
  const auto& review = file->timeline[file->timeline.size() - 2];
  EXPECT_EQ(review.kind, "review");
  EXPECT_EQ(review.detail, "2026년 12월 부시장·부군수 회의");
  EXPECT_EQ(file->timeline.back().kind, "resolve");
}

TEST_F(SuggestionReviewSource, ARefusedStepWritesNothingAndOnlyTheProvinceSideRecords) {
  const auto id = adopted("jeonju", "vice_mayors", in_days(3));
  const Actor coordinator = test.actor("coordinator");
  const auto before = open_suggestion(test.service(coordinator), id)->timeline.size();
  // 추진중 cannot be closed: the life cycle refuses, and the minuted decision is not kept either.
  auto refused = source().record_decision(test.service(coordinator), id,
                                          {"정례회의", "종결하기로 함", "close", "", std::nullopt});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::conflict);
  EXPECT_EQ(open_suggestion(test.service(coordinator), id)->timeline.size(), before);
  // A reason the life cycle requires is checked as any decision's.
  auto no_reason = source().record_decision(
      test.service(coordinator), id, {"정례회의", "장기검토로 돌리기로 함", "defer", "", std::nullopt});
  ASSERT_FALSE(no_reason);
  EXPECT_EQ(no_reason.error().code, ErrorCode::invalid_input);
  // The 시·군 that filed it does not minute meetings; another 시·군 does not even find it.
  auto by_submitter = source().record_decision(test.service(test.actor("jeonju")), id,
                                               {"정례회의", "결정", "", "", std::nullopt});
  ASSERT_FALSE(by_submitter);
  EXPECT_EQ(by_submitter.error().code, ErrorCode::forbidden);
  auto by_other = source().record_decision(test.service(test.actor("gunsan")), id,
                                           {"정례회의", "결정", "", "", std::nullopt});
  ASSERT_FALSE(by_other);
  EXPECT_EQ(by_other.error().code, ErrorCode::not_found);
  auto past =
      source().record_decision(test.service(coordinator), id, {"정례회의", "결정", "", "", in_days(-1)});
  ASSERT_FALSE(past);
  EXPECT_EQ(past.error().code, ErrorCode::invalid_input);
  EXPECT_EQ(open_suggestion(test.service(coordinator), id)->timeline.size(), before);
}

}  // namespace sotong::suggestions
