// A workshop meeting on a real database: the secretariat shapes the programme, a member proposes a case
// presentation and submits its opinion, a 시·군 off the body finds nothing, and an opinion is turned into a
// matter of an intake target the test registers itself (the module knows targets only through the platform):
// the target's refusal leaves the opinion unchanged, success links it, and a second turn is refused.
#include "modules/meetings/meeting_workshop_service.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "modules/meetings/meeting_agenda_service.hpp"
#include "modules/meetings/meeting_seed.hpp"
#include "modules/meetings/meeting_service.hpp"
#include "modules/meetings/meetings_module.hpp"
#include "platform/calendar/holiday.hpp"
#include "platform/testing/test_database.hpp"

namespace sotong::meetings {
namespace {

std::vector<platform::IntakeRequest> requests;
bool target_refuses = false;
bool accepts_coordinator_only = false;

void register_fake_target() {
  platform::register_intake_target(
      {"suggestions", "시험 건의",
       [](const platform::ServiceContext&,
          const platform::IntakeRequest& r) -> Result<platform::IntakeResult> {
         if (target_refuses)
           return Error::invalid("입력 내용을 확인해 주십시오.",
                                 {{"on_behalf_of", "건의한 시·군을 골라 주십시오."}});
         requests.push_back(r);
         return platform::IntakeResult{500 + static_cast<std::int64_t>(requests.size()),
                                       "/suggestions/" + std::to_string(500 + requests.size())};
       },
       [](const platform::Policy&, const Actor& actor) {
         return !accepts_coordinator_only || actor.has(Role::coordinator);
       }});
}

std::string days_from_today(int offset) {
  return platform::calendar::format_date(civil_from_days(days_from_civil(seoul_today()) + offset));
}

class MeetingWorkshopService : public ::testing::Test {
 protected:
  platform::testing::TestDatabase test{{manifest()}};
  Actor coordinator = test.actor("coordinator");
  Actor jeonju = test.actor("jeonju");
  Actor gunsan = test.actor("gunsan");
  Actor planning = test.actor("planning");
  std::int64_t workshop = 0;  // 정책협력 워크숍: every 시·군
  std::int64_t regional = 0;  // 새만금권 정책협력 워크숍: 전주시 is not on it

  void SetUp() override {
    seed_bodies(test.db());
    register_fake_target();
    requests.clear();
    target_refuses = false;
    accepts_coordinator_only = false;
    auto bodies = list_bodies(svc());
    ASSERT_TRUE(bodies);
    std::int64_t cooperation = 0, saemangeum = 0;
    for (const auto& b : *bodies) {
      if (b.name == "정책협력 워크숍") cooperation = b.id;
      if (b.name == "새만금권 정책협력 워크숍") saemangeum = b.id;
    }
    auto a = convene_meeting(svc(), cooperation, days_from_today(0));
    auto b = convene_meeting(svc(), saemangeum, days_from_today(0));
    ASSERT_TRUE(a && b);
    workshop = *a;
    regional = *b;
  }
  platform::ServiceContext svc() { return test.service(coordinator); }
  platform::ServiceContext as(const Actor& actor) { return test.service(actor); }
};

}  // namespace

TEST_F(MeetingWorkshopService, TurningAnOpinionIsOfferedOnlyToWhomTheTargetTakesItFrom) {
  auto offered = get_workshop(svc(), workshop);
  ASSERT_TRUE(offered);
  EXPECT_TRUE(offered->rights.turn_opinions);
  accepts_coordinator_only = true;
  Actor secretariat_bureau =
      coordinator;  // the same organisation and rights on the body, not the coordinator
  secretariat_bureau.roles = {Role::bureau};
  auto not_offered = get_workshop(as(secretariat_bureau), workshop);
  ASSERT_TRUE(not_offered);
  EXPECT_TRUE(not_offered->rights.edit_program) << "still the secretariat";
  EXPECT_FALSE(not_offered->rights.turn_opinions) << "but the target would refuse it, so it is not offered";
  auto still = get_workshop(svc(), workshop);
  ASSERT_TRUE(still);
  EXPECT_TRUE(still->rights.turn_opinions);
}

TEST_F(MeetingWorkshopService, TheSecretariatShapesTheProgrammeAndAMemberProposesAPresentation) {
  auto session = add_session(svc(), workshop, {"세션 1: 사례발표", "14:00", "15:30", "정책기획관"});
  ASSERT_TRUE(session) << session.error().message;
  EXPECT_EQ(add_session(svc(), workshop, {"세션", "16:00", "15:00", ""}).error().code,
            ErrorCode::invalid_input);
  EXPECT_EQ(add_session(as(jeonju), workshop, {"세션", "14:00", "15:00", ""}).error().code,
            ErrorCode::forbidden);
  EXPECT_EQ(add_session(as(planning), workshop, {"세션", "14:00", "15:00", ""}).error().code,
            ErrorCode::forbidden)
      << "a bureau on the body is no secretariat";
  ASSERT_TRUE(edit_session(svc(), *session, {"세션 1: 시·군 사례발표", "14:00", "15:40", "정책기획관"}));

  const auto jeonju_org = test.organization("52110");
  auto proposed = add_presentation(as(jeonju), workshop, {"청년 정착 지원", jeonju_org, "최전주", "요지"});
  ASSERT_TRUE(proposed) << proposed.error().message;
  auto other = add_presentation(as(jeonju), workshop, {"남의 사례", test.organization("52130"), "누구", ""});
  ASSERT_FALSE(other) << "a member presents for its own organisation only";
  EXPECT_EQ(other.error().code, ErrorCode::invalid_input);

  auto seen_by_gunsan = get_workshop(as(gunsan), workshop);
  ASSERT_TRUE(seen_by_gunsan);
  EXPECT_TRUE(seen_by_gunsan->presentations.empty()) << "another member does not see a proposal";
  EXPECT_TRUE(seen_by_gunsan->sessions.empty()) << "nor the programme before publication";
  auto seen_by_jeonju = get_workshop(as(jeonju), workshop);
  ASSERT_TRUE(seen_by_jeonju);
  ASSERT_EQ(seen_by_jeonju->presentations.size(), 1u);
  EXPECT_EQ(seen_by_jeonju->presentations[0].status, PresentationStatus::proposed);

  ASSERT_TRUE(decide_presentation(svc(), *proposed, PresentationStatus::accepted));
  EXPECT_EQ(decide_presentation(as(planning), *proposed, PresentationStatus::declined).error().code,
            ErrorCode::not_found)
      << "a bureau does not even see the programme before publication";
  ASSERT_TRUE(publish_agenda(svc(), workshop));
  EXPECT_EQ(decide_presentation(as(planning), *proposed, PresentationStatus::declined).error().code,
            ErrorCode::forbidden)
      << "and once it does, it is no secretariat";
  EXPECT_EQ(get_workshop(as(gunsan), workshop)->sessions.size(), 1u)
      << "published: members see the programme";
  auto own = add_presentation(svc(), workshop, {"도 협업 사례", test.organization("52000"), "이협력", ""});
  ASSERT_TRUE(own);
  auto page = get_workshop(svc(), workshop);
  ASSERT_TRUE(page);
  ASSERT_EQ(page->presentations.size(), 2u);
  EXPECT_EQ(page->presentations[1].status, PresentationStatus::accepted)
      << "the secretariat's own is accepted";
  ASSERT_TRUE(remove_presentation(svc(), *own));
  ASSERT_TRUE(remove_session(svc(), *session));
  EXPECT_TRUE(get_workshop(svc(), workshop)->sessions.empty());
}

TEST_F(MeetingWorkshopService, AMunicipalityOffTheBodyFindsNothing) {
  auto session = add_session(svc(), regional, {"새만금 세션", "10:00", "11:00", ""});
  ASSERT_TRUE(session);
  auto presentation =
      add_presentation(svc(), regional, {"방조제 활용", test.organization("52130"), "정군산", ""});
  ASSERT_TRUE(presentation);
  EXPECT_EQ(get_workshop(as(jeonju), regional).error().code, ErrorCode::not_found);
  EXPECT_EQ(
      add_presentation(as(jeonju), regional, {"제안", test.organization("52110"), "최전주", ""}).error().code,
      ErrorCode::not_found);
  EXPECT_EQ(add_opinion(as(jeonju), regional, {"의견", "내용", "project", {test.organization("52110")}})
                .error()
                .code,
            ErrorCode::not_found);
  EXPECT_EQ(meeting_of_presentation(as(jeonju), *presentation).error().code, ErrorCode::not_found);
  EXPECT_FALSE(test.db().read([&](store::Connection& c) {
    return may_see_presentation(c, test.policy(), jeonju, *presentation);
  })) << "nor its attachments";
  EXPECT_TRUE(test.db().read([&](store::Connection& c) {
    return may_see_presentation(c, test.policy(), coordinator, *presentation);
  }));
  EXPECT_TRUE(get_workshop(as(gunsan), regional)) << "군산시 sits on it";
}

TEST_F(MeetingWorkshopService, AnOpinionIsTurnedIntoASuggestionOnceAndARefusalChangesNothing) {
  const auto jeonju_org = test.organization("52110");
  // A member's opinion is its own organisation's, whatever was posted.
  auto submitted = add_opinion(as(jeonju), workshop,
                               {"도로 정비", "읍면 경계 도로", "project", {test.organization("52130")}});
  ASSERT_TRUE(submitted) << submitted.error().message;
  auto recorded = add_opinion(
      svc(), workshop, {"공동 물류", "두 시·군의 의견", "budget", {test.organization("52130"), jeonju_org}});
  ASSERT_TRUE(recorded);
  EXPECT_EQ(add_opinion(svc(), workshop, {"", "", "weather", {}}).error().code, ErrorCode::invalid_input);
  auto page = get_workshop(svc(), workshop);
  ASSERT_TRUE(page);
  ASSERT_EQ(page->opinions.size(), 2u);
  EXPECT_EQ(page->opinions[0].organizations, (std::vector<std::int64_t>{jeonju_org}));
  EXPECT_EQ(page->opinions[0].source, OpinionSource::submitted);
  EXPECT_EQ(page->opinions[1].source, OpinionSource::recorded);

  EXPECT_EQ(turn_opinion(as(jeonju), *recorded).error().code, ErrorCode::forbidden)
      << "a member does not turn";
  EXPECT_EQ(turn_opinion(as(planning), *recorded).error().code, ErrorCode::forbidden) << "nor a bureau";

  target_refuses = true;
  auto refused = turn_opinion(svc(), *recorded);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().fields.at(0).message, "건의한 시·군을 골라 주십시오.")
      << "the target's own words";
  EXPECT_FALSE(get_workshop(svc(), workshop)->opinions[1].suggestion_id) << "unchanged";

  target_refuses = false;
  auto turned = turn_opinion(svc(), *recorded);
  ASSERT_TRUE(turned) << turned.error().message;
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].channel, "workshop");
  EXPECT_EQ(requests[0].domain, "budget");
  EXPECT_EQ(requests[0].organizations, (std::vector<std::int64_t>{test.organization("52130"), jeonju_org}));
  EXPECT_EQ(requests[0].origin_href,
            "/meetings/" + std::to_string(workshop) + "#opinion-" + std::to_string(*recorded));
  const auto linked = get_workshop(svc(), workshop)->opinions[1];
  EXPECT_EQ(linked.suggestion_id, turned->id);
  EXPECT_EQ(linked.suggestion_href, turned->href);

  auto again = turn_opinion(svc(), *recorded);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::conflict);
  EXPECT_EQ(requests.size(), 1u) << "the target is not asked again";
}

}  // namespace sotong::meetings
