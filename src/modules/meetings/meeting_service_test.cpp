// The use cases on a real database (platform::testing::TestDatabase: a fresh SQLite file, migrated and
// seeded, with the demo organisations and accounts), called as the routes call them.
#include "modules/meetings/meeting_service.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "modules/meetings/meeting_seed.hpp"
#include "modules/meetings/meetings_module.hpp"
#include "platform/testing/test_database.hpp"

namespace sotong::meetings {
namespace {

class MeetingService : public ::testing::Test {
 protected:
  platform::testing::TestDatabase test{{manifest()}};

  // The directory's organisations arrive with the platform's demo data, after the start's seed.
  void SetUp() override { seed_bodies(test.db()); }

  std::int64_t body_named(const std::string& name) {
    auto bodies = list_bodies(test.service(test.actor("coordinator")));
    EXPECT_TRUE(bodies);
    for (const auto& b : *bodies)
      if (b.name == name) return b.id;
    ADD_FAILURE() << name << " is not seeded";
    return 0;
  }
};

}  // namespace

TEST_F(MeetingService, TheBodiesAreSeededOnceWithTheirMembers) {
  seed_bodies(test.db());  // a second start changes nothing
  auto all = list_bodies(test.service(test.actor("coordinator")));
  ASSERT_TRUE(all);
  EXPECT_EQ(all->size(), 9u);
  auto council = get_body(test.service(test.actor("coordinator")), body_named("지방자치정책협의회"));
  ASSERT_TRUE(council);
  EXPECT_EQ(council->cadence_label, "매 분기 둘째 목요일");
  EXPECT_EQ(council->body.members.size(), 16u) << "the secretariat, the province and 14 시·군";
  auto road =
      get_body(test.service(test.actor("coordinator")), body_named("새만금 방조제도로 임시개통운영 협의회"));
  ASSERT_TRUE(road);
  EXPECT_TRUE(std::any_of(road->body.members.begin(), road->body.members.end(),
                          [](const BodyMember& m) { return m.organization_name == "전북특별자치도경찰청"; }));
}

TEST_F(MeetingService, AMunicipalOfficerSeesOnlyItsBodies) {
  auto jeonju = list_bodies(test.service(test.actor("jeonju")));
  ASSERT_TRUE(jeonju);
  for (const auto& b : *jeonju) EXPECT_NE(b.name, "새만금 유관기관 실무협의회");
  auto gunsan = list_bodies(test.service(test.actor("gunsan")));
  ASSERT_TRUE(gunsan);
  EXPECT_TRUE(std::any_of(gunsan->begin(), gunsan->end(),
                          [](const Body& b) { return b.name == "새만금 유관기관 실무협의회"; }));
  auto refused = get_body(test.service(test.actor("jeonju")), body_named("새만금 유관기관 실무협의회"));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::not_found);
}

TEST_F(MeetingService, AYearIsGeneratedOnceAndRegeneratingAddsNothing) {
  const auto id = body_named("부시장·부군수 회의");
  auto created = generate_year(test.service(test.actor("coordinator")), id, 2026);
  ASSERT_TRUE(created) << created.error().message;
  EXPECT_EQ(*created, 12);
  auto again = generate_year(test.service(test.actor("coordinator")), id, 2026);
  ASSERT_TRUE(again);
  EXPECT_EQ(*again, 0);
  auto page = get_body(test.service(test.actor("coordinator")), id);
  ASSERT_TRUE(page);
  EXPECT_EQ(page->meetings.size(), 12u);
  auto refused = generate_year(test.service(test.actor("economy")), id, 2027);
  ASSERT_FALSE(refused) << "a bureau that is not the secretariat";
  EXPECT_EQ(refused.error().code, ErrorCode::forbidden);
}

TEST_F(MeetingService, VisitingHostsRotateAndAPinReplansTheRest) {
  const auto id = body_named("시·군 현장 순회 정책협의회");
  ASSERT_TRUE(generate_year(test.service(test.actor("coordinator")), id, 2026));
  auto page = get_body(test.service(test.actor("coordinator")), id);
  ASSERT_TRUE(page);
  std::set<std::int64_t> hosts;
  for (const auto& m : page->meetings) {
    ASSERT_TRUE(m.host_id);
    EXPECT_FALSE(m.host_reason.empty());
    hosts.insert(*m.host_id);
  }
  EXPECT_EQ(hosts.size(), 12u) << "twelve meetings, twelve different 시·군";
  const auto gunsan = test.organization("52130");
  const auto& march = page->meetings[2];
  ASSERT_TRUE(pin_host(test.service(test.actor("coordinator")), march.id, gunsan));
  auto after = get_body(test.service(test.actor("coordinator")), id);
  ASSERT_TRUE(after);
  EXPECT_EQ(after->meetings[2].host_id, gunsan);
  EXPECT_TRUE(after->meetings[2].host_pinned);
  int gunsan_hosts = 0;
  for (const auto& m : after->meetings) gunsan_hosts += m.host_id == gunsan ? 1 : 0;
  EXPECT_EQ(gunsan_hosts, 1) << "the rest of the year was planned again around the pin";
  auto outsider = pin_host(test.service(test.actor("coordinator")), march.id, test.organization("A-KRC"));
  ASSERT_FALSE(outsider);
  EXPECT_EQ(outsider.error().code, ErrorCode::invalid_input);
}

}  // namespace sotong::meetings
