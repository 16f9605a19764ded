#include "modules/suggestions/suggestion_change.hpp"

#include <gtest/gtest.h>

namespace sotong::suggestions {
namespace {

Suggestion child(State state, int progress) {
  Suggestion s;
  s.state = state;
  s.progress = progress;
  return s;
}

}  // namespace

TEST(SuggestionRollUp, AnAgendaItemsProgressIsTheMeanOfItsSubItemsWithSettledOnesAtFull) {
  EXPECT_EQ(rolled_up_progress({}), 0);
  EXPECT_EQ(rolled_up_progress({child(State::in_progress, 40)}), 40);
  // 100 (resolved, whatever it reported) + 100 (answered) + 50 → 250 / 3 = 83.3 → 83.
  EXPECT_EQ(rolled_up_progress(
                {child(State::resolved, 20), child(State::answered, 0), child(State::in_progress, 50)}),
            83);
  // Half up: 100 + 0 + 0 + 50 = 150 / 4 = 37.5 → 38.
  EXPECT_EQ(rolled_up_progress({child(State::closed, 0), child(State::adopted, 0), child(State::adopted, 0),
                                child(State::in_progress, 50)}),
            38);
  // A partly resolved or deferred sub-item counts at what it reported.
  EXPECT_EQ(rolled_up_progress({child(State::partly_resolved, 60), child(State::long_term, 10)}), 35);
}

}  // namespace sotong::suggestions
