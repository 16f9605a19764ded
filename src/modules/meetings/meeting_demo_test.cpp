// The demo year: every body's held meetings carried through to confirmed minutes with attendance and action
// items (some done, some open and back on the next meeting), and loading it again changes nothing.
#include "modules/meetings/meeting_demo.hpp"

#include <gtest/gtest.h>

#include "modules/meetings/meeting_agenda_service.hpp"
#include "modules/meetings/meeting_seed.hpp"
#include "modules/meetings/meeting_service.hpp"
#include "modules/meetings/meetings_module.hpp"
#include "platform/testing/test_database.hpp"

namespace sotong::meetings {
namespace {

struct Tally {
  int held = 0, planned = 0, actions = 0, done = 0, rolled = 0;
  bool operator==(const Tally&) const = default;
};

Tally tally(platform::testing::TestDatabase& test) {
  Tally t;
  const auto coordinator = test.actor("coordinator");
  const auto svc = test.service(coordinator);
  auto bodies = list_bodies(svc);
  if (!bodies) {
    ADD_FAILURE() << "the bodies are not listed";
    return t;
  }
  for (const auto& body : *bodies) {
    auto page = get_body(svc, body.id);
    if (!page) continue;
    for (const auto& m : page->meetings) {
      if (m.state == MeetingState::minutes_confirmed) ++t.held;
      if (m.state == MeetingState::planned) ++t.planned;
      auto meeting = get_meeting(svc, m.id);
      if (!meeting) continue;
      for (const auto& a : meeting->actions) {
        ++t.actions;
        t.done += a.status == ActionStatus::done ? 1 : 0;
      }
      for (const auto& e : meeting->entries) t.rolled += e.source == EntrySource::rollover ? 1 : 0;
    }
  }
  return t;
}

TEST(MeetingDemo, HeldMeetingsAreCarriedThroughAndLoadingAgainAddsNothing) {
  platform::testing::TestDatabase test{{manifest()}};
  seed_bodies(test.db());
  load_demo_meetings(test.db(), test.policy());
  const Tally first = tally(test);
  // Today is in some month of the year: every body with a cadence has held at least the meetings before it
  // (January's, unless today is in its first days) — the monthly ones most.
  if (seoul_today().month > 1) {
    EXPECT_GT(first.held, 0);
    EXPECT_GT(first.actions, 0);
    EXPECT_GT(first.done, 0);
  }
  EXPECT_LT(first.done, first.actions + (first.actions == 0 ? 1 : 0)) << "some stay open";
  if (first.held > 3) {
    EXPECT_GT(first.rolled, 0) << "open action items come back as 추진상황 점검";
  }
  load_demo_meetings(test.db(), test.policy());
  EXPECT_EQ(tally(test), first);
}

}  // namespace
}  // namespace sotong::meetings
