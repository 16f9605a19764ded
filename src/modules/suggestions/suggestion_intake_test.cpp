// The intake target as another module uses it: it names no suggestions type, only
// platform::intake_target("suggestions"), on a real database.
#include "modules/suggestions/suggestion_intake.hpp"

#include <gtest/gtest.h>

#include "modules/suggestions/suggestion_service.hpp"
#include "modules/suggestions/suggestions_module.hpp"
#include "platform/testing/test_database.hpp"

namespace sotong::suggestions {
namespace {

class SuggestionIntake : public ::testing::Test {
 protected:
  platform::testing::TestDatabase test{{manifest()}};

  void SetUp() override { platform::register_intake_target(intake_target()); }

  platform::IntakeRequest request() {
    return {"읍면 경계 도로 정비",
            "워크숍에서 나온 의견입니다.",
            {test.organization("52000"), test.organization("52110"), test.organization("52130")},
            "project",
            "workshop",
            "2026년 상반기 정책협력 워크숍",
            "/meetings/1#opinion-1"};
  }
};

TEST_F(SuggestionIntake, OpensAReceivedSuggestionOnBehalfOfTheFirstMunicipality) {
  const Actor coordinator = test.actor("coordinator");
  auto opened = platform::intake_target("suggestions")->open(test.service(coordinator), request());
  ASSERT_TRUE(opened) << opened.error().message;
  EXPECT_EQ(opened->href, "/suggestions/" + std::to_string(opened->id));
  auto record = get_suggestion(test.service(coordinator), opened->id);
  ASSERT_TRUE(record);
  EXPECT_EQ(record->state, State::received);
  EXPECT_EQ(record->channel, Channel::workshop);
  EXPECT_EQ(record->organization.id, test.organization("52110"));
  ASSERT_EQ(record->concerned.size(), 1u);
  EXPECT_EQ(record->concerned.front().id, test.organization("52130"));
  EXPECT_NE(record->content.find("출처: 2026년 상반기 정책협력 워크숍"), std::string::npos);
}

TEST_F(SuggestionIntake, RefusesWithTheModulesOwnReasons) {
  // Only the coordinator records what was raised at a meeting.
  auto by_municipality = intake_target().open(test.service(test.actor("jeonju")), request());
  ASSERT_FALSE(by_municipality);
  EXPECT_EQ(by_municipality.error().code, ErrorCode::invalid_input);
  // No 시·군 among the organisations.
  auto req = request();
  req.organizations = {test.organization("52000")};
  auto without = intake_target().open(test.service(test.actor("coordinator")), req);
  ASSERT_FALSE(without);
  EXPECT_EQ(without.error().code, ErrorCode::invalid_input);
  // An unknown domain, an empty title.
  req = request();
  req.domain = "weather";
  req.title = "";
  auto bad = intake_target().open(test.service(test.actor("coordinator")), req);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().fields.size(), 2u);
}

}  // namespace
}  // namespace sotong::suggestions
