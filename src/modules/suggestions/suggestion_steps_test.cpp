#include "modules/suggestions/suggestion_steps.hpp"

#include <gtest/gtest.h>

#include <set>

namespace sotong::suggestions {
namespace {

Suggestion in_state(State state) {
  Suggestion r;
  r.id = 1;
  r.state = state;
  if (state == State::adopted || state == State::in_progress) r.due_date = CivilDate{2026, 10, 8};
  return r;
}

std::set<Step> steps(const Suggestion& r, std::vector<Party> parties, bool cooperating = false) {
  const auto list = available_steps(r, {parties, cooperating});
  return {list.begin(), list.end()};
}

}  // namespace

TEST(SuggestionSteps, WhoMayTakeEachStepInTheStatesThatAllowIt) {
  using enum Step;
  const std::vector<Party> submitter{Party::submitter}, coordinator{Party::coordinator},
      lead{Party::lead_bureau};
  EXPECT_EQ(steps(in_state(State::draft), submitter), (std::set<Step>{edit}));
  EXPECT_EQ(steps(in_state(State::draft), coordinator), (std::set<Step>{}));
  EXPECT_EQ(steps(in_state(State::received), submitter), (std::set<Step>{}));
  EXPECT_EQ(steps(in_state(State::received), coordinator), (std::set<Step>{note, merge, link}));
  EXPECT_EQ(steps(in_state(State::reviewing), coordinator), (std::set<Step>{note, merge, link}));
  EXPECT_EQ(steps(in_state(State::adopted), coordinator),
            (std::set<Step>{extend, transfer, reassign, note, link, sub_item}));
  EXPECT_EQ(steps(in_state(State::adopted), lead), (std::set<Step>{extend, note, link}));
  EXPECT_EQ(steps(in_state(State::in_progress), lead), (std::set<Step>{progress, extend, note, link}));
  EXPECT_EQ(steps(in_state(State::in_progress), {}, true), (std::set<Step>{note}));  // a cooperating bureau
  EXPECT_EQ(steps(in_state(State::in_progress), submitter), (std::set<Step>{}));
  EXPECT_EQ(steps(in_state(State::answered), submitter), (std::set<Step>{rate}));
  EXPECT_EQ(steps(in_state(State::closed), submitter), (std::set<Step>{rate}));
  EXPECT_EQ(steps(in_state(State::resolved), lead), (std::set<Step>{note, link}));
  auto sub = in_state(State::in_progress);
  sub.parent_id = 9;
  EXPECT_EQ(steps(sub, coordinator), (std::set<Step>{progress, extend, transfer, reassign, note, link}))
      << "a sub-item gets no sub-items of its own";
}

TEST(SuggestionSteps, RefusalsSayWhyInKorean) {
  const std::vector<Party> submitter{Party::submitter}, lead{Party::lead_bureau};
  auto refused = check_step(Step::transfer, in_state(State::in_progress), {lead, false});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::forbidden);
  EXPECT_EQ(refused.error().message, "‘이송’을 할 권한이 없습니다.");

  refused = check_step(Step::progress, in_state(State::adopted), {lead, false});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::conflict);

  auto extended = in_state(State::in_progress);
  extended.extensions = 2;
  refused = check_step(Step::extend, extended, {lead, false});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().message,
            "처리 기한은 두 번까지만 연장할 수 있습니다. 이미 두 번 연장한 건의입니다.");

  auto rated = in_state(State::answered);
  rated.satisfaction = 4;
  refused = check_step(Step::rate, rated, {submitter, false});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().message, "이 회신의 만족도는 이미 평가했습니다.");

  refused =
      check_step(Step::reassign, in_state(State::received), {std::vector<Party>{Party::coordinator}, false});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().message, "‘주관 실국 변경’은 의제화되어 추진 중인 건의에만 할 수 있습니다.");
}

TEST(SuggestionSteps, AvailableStepsAreExactlyWhatCheckStepAllows) {
  const std::vector<std::vector<Party>> people = {{},
                                                  {Party::submitter},
                                                  {Party::coordinator},
                                                  {Party::lead_bureau},
                                                  {Party::lead_bureau, Party::coordinator}};
  for (State state :
       {State::draft, State::received, State::reviewing, State::adopted, State::in_progress, State::resolved,
        State::partly_resolved, State::long_term, State::rejected, State::answered, State::closed}) {
    for (const auto& parties : people) {
      for (bool cooperating : {false, true}) {
        for (int extensions : {0, 2}) {
          auto r = in_state(state);
          r.extensions = extensions;
          const auto offered = available_steps(r, {parties, cooperating});
          for (const auto& t : kSteps) {
            const bool listed = std::find(offered.begin(), offered.end(), t.value) != offered.end();
            EXPECT_EQ(listed, check_step(t.value, r, {parties, cooperating}).ok())
                << state_code(state) << " " << t.code;
          }
        }
      }
    }
  }
}

}  // namespace sotong::suggestions
