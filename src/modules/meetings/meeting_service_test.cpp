// The use cases on a real database (platform::testing::TestDatabase: a fresh SQLite file, migrated, with the
// demo organisations and accounts), called as the routes call them: an actor, the policy, a transaction.
#include "modules/meetings/meeting_service.hpp"

#include <gtest/gtest.h>

#include "modules/meetings/meetings_module.hpp"
#include "platform/testing/test_database.hpp"

namespace sotong::meetings {
namespace {

class MeetingService : public ::testing::Test {
 protected:
  platform::testing::TestDatabase test{{manifest()}};

  std::int64_t create_as(std::string_view login, std::string title) {
    auto id = create_meeting(test.service(test.actor(login)), {std::move(title)});
    EXPECT_TRUE(id) << id.error().message;
    return id ? *id : 0;
  }
};

}  // namespace

TEST_F(MeetingService, ARecordIsCreatedInTheActorsOrganisationAndSeenOnlyWithinIt) {
  const auto id = create_as("jeonju", "  전주 항목  ");
  auto mine = get_meeting(test.service(test.actor("jeonju")), id);
  ASSERT_TRUE(mine);
  EXPECT_EQ(mine->title, "전주 항목");
  EXPECT_EQ(mine->organization_id, test.organization("52110"));
  auto other = get_meeting(test.service(test.actor("gunsan")), id);
  ASSERT_FALSE(other);
  EXPECT_EQ(other.error().code, ErrorCode::not_found);
  EXPECT_TRUE(get_meeting(test.service(test.actor("coordinator")), id)) << "a province-wide role sees it";
}

TEST_F(MeetingService, ARefusedCreationWritesNothing) {
  auto refused = create_meeting(test.service(test.actor("jeonju")), {"   "});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::invalid_input);
  auto forbidden = create_meeting(test.service(test.actor("expert")), {"전문가 항목"});
  ASSERT_FALSE(forbidden);
  EXPECT_EQ(forbidden.error().code, ErrorCode::forbidden);
  auto page = list_meetings(test.service(test.actor("coordinator")), 0, 10);
  ASSERT_TRUE(page);
  EXPECT_TRUE(page->items.empty());
}

TEST_F(MeetingService, TheListShowsEachOrganisationItsOwnAndPagesByKeyset) {
  for (int i = 0; i < 3; ++i) create_as("jeonju", "전주 " + std::to_string(i));
  create_as("gunsan", "군산");
  auto jeonju = list_meetings(test.service(test.actor("jeonju")), 0, 2);
  ASSERT_TRUE(jeonju);
  ASSERT_EQ(jeonju->items.size(), 2u);
  EXPECT_EQ(jeonju->items[0].title, "전주 2");
  ASSERT_NE(jeonju->next_before, 0);
  auto rest = list_meetings(test.service(test.actor("jeonju")), jeonju->next_before, 2);
  ASSERT_TRUE(rest);
  ASSERT_EQ(rest->items.size(), 1u);
  EXPECT_EQ(rest->items[0].title, "전주 0");
  EXPECT_EQ(rest->next_before, 0);
}

}  // namespace sotong::meetings
