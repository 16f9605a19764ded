// One meeting's agenda, minutes and action items on a real database, with a review source registered by the
// test itself (the meetings module knows sources only through the platform's interface): a matter due for
// review goes onto the agenda, the source's refusal writes nothing on either side, an open action item rolls
// over to the body's next meeting, and confirmed minutes are read-only.
#include "modules/meetings/meeting_agenda_service.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "modules/meetings/meeting_seed.hpp"
#include "modules/meetings/meeting_service.hpp"
#include "modules/meetings/meetings_module.hpp"
#include "platform/calendar/holiday.hpp"
#include "platform/testing/test_database.hpp"

namespace sotong::meetings {
namespace {

// What the fake source was handed, and whether it refuses.
std::vector<platform::ReviewDecision> decisions;
bool refuse = false;

void register_fake_source() {
  platform::register_review_source(
      {"fake",
       "시험 항목",
       {{"vice_mayors", "월례 부시장·부군수 회의"}},
       [](const platform::ServiceContext&, std::string_view level,
          CivilDate until) -> Result<std::vector<platform::ReviewItem>> {
         if (level != "vice_mayors") return std::vector<platform::ReviewItem>{};
         return std::vector<platform::ReviewItem>{
             {"fake", 41, "도로 개통 점검", "vice_mayors", until, "추진중", "기획조정실", "/fake/41"}};
       },
       [](const platform::ServiceContext&, std::int64_t, const platform::ReviewDecision& d) -> Result<void> {
         if (refuse) return Error::conflict("지금 상태에서는 할 수 없는 처리입니다.");
         decisions.push_back(d);
         return {};
       }});
}

std::string day(int offset) {
  return platform::calendar::format_date(civil_from_days(days_from_civil(seoul_today()) + offset));
}

class MeetingAgendaService : public ::testing::Test {
 protected:
  platform::testing::TestDatabase test{{manifest()}};
  Actor coordinator = test.actor("coordinator");
  std::int64_t body = 0;

  void SetUp() override {
    seed_bodies(test.db());
    register_fake_source();
    decisions.clear();
    refuse = false;
    auto bodies = list_bodies(svc());
    ASSERT_TRUE(bodies);
    for (const auto& b : *bodies)
      if (b.name == "부시장·부군수 회의") body = b.id;
  }
  platform::ServiceContext svc() { return test.service(coordinator); }
};

}  // namespace

TEST_F(MeetingAgendaService, AReviewedMattersDecisionGoesToItsSourceAndActionItemsRollOver) {
  auto today = convene_meeting(svc(), body, day(0));
  auto next = convene_meeting(svc(), body, day(7));
  ASSERT_TRUE(today && next);
  auto page = get_meeting(svc(), *today);
  ASSERT_TRUE(page);
  ASSERT_EQ(page->suggested.size(), 1u);
  auto entry = add_review_entry(svc(), *today, "fake", 41);
  ASSERT_TRUE(entry) << entry.error().message;
  EXPECT_EQ(add_review_entry(svc(), *today, "fake", 41).error().code, ErrorCode::conflict) << "not twice";
  ASSERT_TRUE(publish_agenda(svc(), *today));

  refuse = true;
  auto refused = record_minutes(svc(), *entry, {"논의", "해결하기로 함", "resolve", ""});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().message, "지금 상태에서는 할 수 없는 처리입니다.");
  auto unchanged = get_meeting(svc(), *today);
  ASSERT_TRUE(unchanged);
  EXPECT_TRUE(unchanged->entries.front().decision.empty()) << "nothing written here either";
  EXPECT_EQ(unchanged->meeting.state, MeetingState::agenda_published);

  refuse = false;
  ASSERT_TRUE(record_minutes(svc(), *entry, {"논의", "추진하기로 함", "start_progress", ""}));
  ASSERT_EQ(decisions.size(), 1u);
  EXPECT_EQ(decisions[0].action, "start_progress");
  EXPECT_NE(decisions[0].meeting.find("부시장·부군수 회의"), std::string::npos);

  auto item = add_action_item(svc(), *entry, {"부지 협의", test.organization("52110"), day(30)});
  ASSERT_TRUE(item) << item.error().message;
  auto rolled = get_meeting(svc(), *next);
  ASSERT_TRUE(rolled);
  ASSERT_EQ(rolled->entries.size(), 1u);
  EXPECT_EQ(rolled->entries[0].source, EntrySource::rollover);
  EXPECT_EQ(rolled->entries[0].title, "추진상황 점검: 부지 협의");

  ASSERT_TRUE(confirm_minutes(svc(), *today));
  EXPECT_EQ(get_meeting(svc(), *next)->entries.size(), 1u) << "rolled over once";
  EXPECT_EQ(record_minutes(svc(), *entry, {"", "다시", "", ""}).error().code, ErrorCode::conflict);
  EXPECT_FALSE(complete_action_item(test.service(test.actor("gunsan")), *item)) << "not the owner";
  ASSERT_TRUE(complete_action_item(test.service(test.actor("jeonju")), *item));
}

TEST_F(MeetingAgendaService, MinutesWaitForTheMeetingDayAndAMemberSeesNoDraft) {
  auto later = convene_meeting(svc(), body, day(3));
  ASSERT_TRUE(later);
  auto proposed =
      propose_entry(test.service(test.actor("jeonju")), *later, {"전주 제안", std::nullopt, "15"});
  ASSERT_TRUE(proposed) << proposed.error().message;
  EXPECT_EQ(get_meeting(test.service(test.actor("gunsan")), *later)->entries.size(), 0u)
      << "another member does not see a draft agenda";
  ASSERT_TRUE(decide_entry(svc(), *proposed, EntryStatus::accepted));
  ASSERT_TRUE(publish_agenda(svc(), *later));
  EXPECT_EQ(get_meeting(test.service(test.actor("gunsan")), *later)->entries.size(), 1u);
  auto early = record_minutes(svc(), *proposed, {"", "결정", "", ""});
  ASSERT_FALSE(early);
  EXPECT_EQ(early.error().code, ErrorCode::conflict);
  EXPECT_FALSE(get_meeting(test.service(test.actor("gunsan")), *later)->show_minutes);
}

}  // namespace sotong::meetings
