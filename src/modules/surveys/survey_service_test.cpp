// The survey engine's use cases on a real database (platform::testing::TestDatabase), called as the routes
// call them: questionnaires frozen once used, a campaign's invitations and completion, answering by secret
// address, and the anonymity the answers keep — no column, id or order that leads from a response back to a
// person.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "http/form.hpp"
#include "modules/surveys/index_report.hpp"
#include "modules/surveys/survey_answer_service.hpp"
#include "modules/surveys/survey_basic_questionnaire.hpp"
#include "modules/surveys/survey_campaign_service.hpp"
#include "modules/surveys/survey_import.hpp"
#include "modules/surveys/survey_questionnaire_service.hpp"
#include "modules/surveys/survey_response_store.hpp"
#include "modules/surveys/survey_store.hpp"
#include "modules/surveys/surveys_module.hpp"
#include "platform/calendar/holiday.hpp"
#include "platform/jobs/jobs.hpp"
#include "platform/notifications/notifications.hpp"
#include "platform/survey_providers.hpp"
#include "platform/testing/test_database.hpp"

namespace sotong::surveys {
namespace {

class SurveyService : public ::testing::Test {
 protected:
  platform::testing::TestDatabase test{{manifest()}};
  Actor coordinator = test.actor("coordinator");

  std::int64_t basic_id() {
    return test.db().read([](store::Connection& c) {
      std::int64_t id = 0;
      for (const auto& q : survey_store::list_questionnaires(c))
        if (q.title == kBasicTitle) id = q.id;
      return id;
    });
  }

  std::vector<std::string> bureaus(int n) {
    std::vector<std::string> out;
    for (int i = 1; i <= n; ++i) {
      const std::string code = i < 10 ? "52000-B0" + std::to_string(i) : "52000-B" + std::to_string(i);
      out.push_back(std::to_string(test.organization(code)));
    }
    return out;
  }

  /// An open campaign whose window holds today, rating the first `n` bureaus.
  std::int64_t open_campaign_now(int n = 3) {
    const auto today = seoul_today();
    CampaignInput input{"시험 조사",
                        std::to_string(today.year),
                        std::to_string(basic_id()),
                        platform::calendar::format_date(civil_from_days(days_from_civil(today) - 1)),
                        platform::calendar::format_date(civil_from_days(days_from_civil(today) + 10)),
                        "2",
                        false,
                        false,
                        bureaus(n)};
    auto id = create_campaign(test.service(coordinator), input);
    EXPECT_TRUE(id) << id.error().message;
    auto invited = open_campaign(test.service(coordinator), *id);
    EXPECT_TRUE(invited) << invited.error().message;
    return *id;
  }

  /// Everything answered (scale 4), as the form posts it.
  http::Form full_answers(int scale = 4) {
    std::string body;
    for (int p = 1; p <= 36; ++p) body += "q" + std::to_string(p) + "=" + std::to_string(scale) + "&";
    body += "q37=%EC%A2%8B%EC%95%84%EC%9A%94";  // "좋아요"
    return http::Form::parse(body);
  }

  /// The respondent `login` answers the first bureau of the campaign fully and submits.
  void answer_as(std::string_view login, std::int64_t campaign, const std::string& bureau, int scale = 4) {
    const Actor who = test.actor(login);
    auto secret = issue_secret(test.service(who), campaign);
    ASSERT_TRUE(secret) << secret.error().message;
    const auto today = seoul_today();
    ASSERT_TRUE(choose_subjects(test.db(), *secret, {bureau}, today));
    auto saved = save_answers(test.db(), *secret, std::stoll(bureau), full_answers(scale), today);
    ASSERT_TRUE(saved) << saved.error().message;
    auto submitted = submit_answers(test.db(), *secret, now());
    ASSERT_TRUE(submitted) << submitted.error().message;
  }

  std::int64_t stored(std::int64_t campaign) {
    return test.db().read(
        [&](store::Connection& c) { return survey_response_store::count_responses(c, campaign); });
  }
};

}  // namespace

TEST_F(SurveyService, TheBasicQuestionnaireIsShippedWithThirtyIndexQuestionsInSixDomains) {
  auto q = get_questionnaire(test.service(coordinator), basic_id());
  ASSERT_TRUE(q);
  EXPECT_EQ(q->questions.size(), 38u);
  int index = 0, change = 0;
  for (const auto& question : q->questions) {
    if (question.kind != QuestionKind::scale) continue;
    ASSERT_TRUE(question.domain && question.dimension);
    (*question.dimension == Dimension::change ? change : index)++;
  }
  EXPECT_EQ(index, 30);
  EXPECT_EQ(change, 6);
}

TEST_F(SurveyService, AQuestionnaireInUseIsFrozenAndOnlyCopied) {
  const auto basic = basic_id();
  const QuestionInput extra{"8. 추가", "scale", "새 문항입니다.", "", "budget", "communication"};
  ASSERT_TRUE(add_question(test.service(coordinator), basic, extra)) << "unused: may be edited";
  open_campaign_now();
  auto refused = add_question(test.service(coordinator), basic, extra);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::conflict);
  EXPECT_FALSE(remove_question(test.service(coordinator), basic, 1));
  auto copy = copy_questionnaire(test.service(coordinator), basic, 2027);
  ASSERT_TRUE(copy);
  auto copied = get_questionnaire(test.service(coordinator), *copy);
  ASSERT_TRUE(copied);
  EXPECT_EQ(copied->version, 2);
  EXPECT_EQ(copied->questions.size(), 39u);
  EXPECT_TRUE(remove_question(test.service(coordinator), *copy, 39)) << "the copy is not in use";
}

TEST_F(SurveyService, OnlyTheCoordinatorRunsCampaigns) {
  for (const char* login : {"admin", "planning", "jeonju", "auditor"}) {
    auto refused = list_campaigns(test.service(test.actor(login)));
    ASSERT_FALSE(refused) << login;
    EXPECT_EQ(refused.error().code, ErrorCode::forbidden) << login;
  }
}

TEST_F(SurveyService, OpeningInvitesEveryMunicipalOfficialAndCountsCompletionPerOrganisationOnly) {
  const auto campaign = open_campaign_now();
  auto overview = get_campaign(test.service(coordinator), campaign);
  ASSERT_TRUE(overview);
  EXPECT_GT(overview->invited, 20);
  EXPECT_EQ(overview->completed, 0);
  answer_as("jeonju", campaign, bureaus(1)[0]);
  overview = get_campaign(test.service(coordinator), campaign);
  EXPECT_EQ(overview->completed, 1);
  const auto jeonju = test.organization("52110");
  const auto row = std::find_if(overview->completion.begin(), overview->completion.end(),
                                [&](const Completion& c) { return c.organization_id == jeonju; });
  ASSERT_NE(row, overview->completion.end());
  EXPECT_EQ(row->completed, 1);
  EXPECT_EQ(open_campaign(test.service(coordinator), campaign).error().code, ErrorCode::conflict);
}

TEST_F(SurveyService, ProgressIsKeptUnderTheInvitationAndANewAddressReplacesTheOld) {
  const auto campaign = open_campaign_now();
  const Actor jeonju = test.actor("jeonju");
  const auto today = seoul_today();
  auto first = issue_secret(test.service(jeonju), campaign);
  ASSERT_TRUE(first);
  const auto bureau = bureaus(1)[0];
  ASSERT_TRUE(choose_subjects(test.db(), *first, {bureau}, today));
  ASSERT_TRUE(save_answers(test.db(), *first, std::stoll(bureau), http::Form::parse("q1=5&q2=0"), today));
  auto second = issue_secret(test.service(jeonju), campaign);
  ASSERT_TRUE(second);
  EXPECT_FALSE(open_sheet(test.db(), *first, today)) << "the earlier address no longer opens";
  auto sheet = open_sheet(test.db(), *second, today);
  ASSERT_TRUE(sheet);
  ASSERT_EQ(sheet->drafts.size(), 1u);
  EXPECT_EQ(sheet->drafts[0].bytes[0], 5);
  EXPECT_EQ(sheet->drafts[0].bytes[1], 0);
  EXPECT_EQ(static_cast<std::uint8_t>(sheet->drafts[0].bytes[2]), kUnanswered);
  auto incomplete = submit_answers(test.db(), *second, now());
  ASSERT_FALSE(incomplete);
  EXPECT_EQ(incomplete.error().code, ErrorCode::invalid_input);
  EXPECT_FALSE(incomplete.error().fields.empty());
}

TEST_F(SurveyService, BadAnswersAndChoicesChangeNothing) {
  const auto campaign = open_campaign_now(3);
  const Actor jeonju = test.actor("jeonju");
  const auto today = seoul_today();
  auto secret = issue_secret(test.service(jeonju), campaign);
  ASSERT_TRUE(secret);
  const auto b = bureaus(3);
  EXPECT_FALSE(choose_subjects(test.db(), *secret, {b[0], b[1], b[2]}, today)) << "at most two";
  EXPECT_FALSE(choose_subjects(test.db(), *secret, {std::to_string(test.organization("52110"))}, today))
      << "not a rated bureau";
  ASSERT_TRUE(choose_subjects(test.db(), *secret, {b[0]}, today));
  EXPECT_FALSE(save_answers(test.db(), *secret, std::stoll(b[0]), http::Form::parse("q1=6"), today));
  EXPECT_FALSE(save_answers(test.db(), *secret, std::stoll(b[1]), http::Form::parse("q1=3"), today))
      << "a bureau not chosen";
  auto sheet = open_sheet(test.db(), *secret, today);
  ASSERT_TRUE(sheet);
  EXPECT_EQ(static_cast<std::uint8_t>(sheet->drafts[0].bytes[0]), kUnanswered);
}

TEST_F(SurveyService, ResponsesWaitUntilFiveCanBeStoredTogetherAndCarryNothingOfThePerson) {
  const auto campaign = open_campaign_now();
  const auto bureau = bureaus(1)[0];
  const char* respondents[] = {"jeonju", "gunsan", "iksan", "jeongeup", "namwon"};
  for (int i = 0; i < 4; ++i) answer_as(respondents[i], campaign, bureau);
  EXPECT_EQ(stored(campaign), 0) << "four answers wait: their order could tell who";
  answer_as(respondents[4], campaign, bureau);
  EXPECT_EQ(stored(campaign), 5) << "the fifth moves all five, shuffled";
  test.db().read([&](store::Connection& c) {
    const auto rows = c.query("SELECT * FROM survey_responses WHERE campaign_id = ?", {campaign});
    ASSERT_EQ(rows.size(), 5u);
    EXPECT_EQ(rows[0].size(), 5u) << "id, campaign, subject, day, answers: nothing else";
    std::set<std::int64_t> tokens;
    for (const auto& t : c.query("SELECT id, account_id FROM survey_tokens")) {
      tokens.insert(t.int64(0));
      tokens.insert(t.int64(1));
    }
    std::vector<std::int64_t> ids;
    for (const auto& r : rows) {
      ids.push_back(r.int64(0));
      EXPECT_FALSE(tokens.count(r.int64(0))) << "a response id is no invitation's or account's id";
      EXPECT_EQ(r.text(3).size(), 10u) << "a day, no time: " << r.text(3);
    }
    EXPECT_FALSE(std::is_sorted(ids.begin(), ids.end()) && ids.size() > 4 && ids.back() - ids.front() < 10)
        << "ids are not a sequence";
    EXPECT_EQ(c.scalar("SELECT COUNT(*) FROM survey_pending"), 0);
    EXPECT_EQ(c.scalar("SELECT COUNT(*) FROM survey_drafts"), 0) << "progress is deleted on submission";
    EXPECT_EQ(
        c.scalar(
            "SELECT COUNT(*) FROM survey_tokens WHERE token_hash IS NOT NULL AND completed_on IS NOT NULL"),
        0)
        << "a used invitation forgets its secret";
  });
}

TEST_F(SurveyService, AnAddressAnswersOnce) {
  const auto campaign = open_campaign_now();
  const Actor jeonju = test.actor("jeonju");
  auto secret = issue_secret(test.service(jeonju), campaign);
  ASSERT_TRUE(secret);
  const auto today = seoul_today();
  const auto bureau = bureaus(1)[0];
  ASSERT_TRUE(choose_subjects(test.db(), *secret, {bureau}, today));
  ASSERT_TRUE(save_answers(test.db(), *secret, std::stoll(bureau), full_answers(), today));
  ASSERT_TRUE(submit_answers(test.db(), *secret, now()));
  auto again = submit_answers(test.db(), *secret, now());
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::not_found);
  auto reissue = issue_secret(test.service(jeonju), campaign);
  ASSERT_FALSE(reissue);
  EXPECT_EQ(reissue.error().code, ErrorCode::conflict);
}

TEST_F(SurveyService, ClosingStoresTheWaitingAnswersAndTheReportWithholdsGroupsUnderFive) {
  const auto campaign = open_campaign_now();
  const auto b = bureaus(2);
  for (const char* login : {"jeonju", "gunsan", "iksan", "jeongeup", "namwon"})
    answer_as(login, campaign, b[0], 5);
  for (const char* login : {"gimje", "wanju"}) answer_as(login, campaign, b[1], 2);
  EXPECT_EQ(stored(campaign), 5);
  ASSERT_TRUE(close_campaign(test.service(coordinator), campaign));
  EXPECT_EQ(stored(campaign), 7);
  auto report = index_report(test.service(coordinator), campaign);
  ASSERT_TRUE(report) << report.error().message;
  const auto find = [&](const std::string& id) {
    return *std::find_if(report->bureaus.begin(), report->bureaus.end(),
                         [&](const BureauIndex& x) { return std::to_string(x.bureau_id) == id; });
  };
  const auto shown = find(b[0]);
  EXPECT_TRUE(shown.total.shown);
  EXPECT_DOUBLE_EQ(shown.total.score, 100.0);
  EXPECT_EQ(shown.rank, 1);
  const auto small = find(b[1]);
  EXPECT_FALSE(small.total.shown);
  EXPECT_EQ(small.total.score, 0.0) << "no figure at all, not even the number of responses";
  EXPECT_EQ(small.total.responses, 0);
  EXPECT_EQ(small.rank, 0);
  for (const auto& c : report->comments)
    EXPECT_NE(std::to_string(c.bureau_id), b[1]) << "no comment of a small group";
  EXPECT_EQ(report->comments.size(), 5u);
}

TEST_F(SurveyService, ABureauReadsItsOwnFeedbackAndNoOneElsesNorTheReport) {
  const auto campaign = open_campaign_now(4);
  ASSERT_TRUE(close_campaign(test.service(coordinator), campaign));
  const auto planning_bureau = test.organization("52000-B01");
  const auto economy_bureau = test.organization("52000-B04");
  EXPECT_TRUE(bureau_feedback(test.service(test.actor("planning")), campaign, planning_bureau));
  auto other = bureau_feedback(test.service(test.actor("planning")), campaign, economy_bureau);
  ASSERT_FALSE(other);
  EXPECT_EQ(other.error().code, ErrorCode::not_found);
  EXPECT_FALSE(bureau_feedback(test.service(test.actor("jeonju")), campaign, planning_bureau));
  EXPECT_FALSE(bureau_feedback(test.service(test.actor("admin")), campaign, planning_bureau));
  EXPECT_TRUE(bureau_feedback(test.service(coordinator), campaign, economy_bureau));
  EXPECT_FALSE(index_report(test.service(test.actor("planning")), campaign));
  EXPECT_FALSE(index_report(test.service(test.actor("admin")), campaign));
  EXPECT_FALSE(bureau_feedback(test.service(coordinator), campaign, test.organization("52000-B05")))
      << "a bureau the campaign did not rate has no feedback";
}

TEST_F(SurveyService, AnImportWithOneBadRowImportsNothingAndSaysWhichRow) {
  const auto campaign = open_campaign_now(2);
  const auto b = bureaus(2);
  std::string header = "response_id,bureau_id";
  for (int p = 1; p <= 38; ++p) header += ",q" + std::to_string(p);
  auto row = [&](const std::string& id, const std::string& bureau, const std::string& first) {
    std::string r = id + "," + bureau + "," + first;
    for (int p = 2; p <= 36; ++p) r += ",3";
    return r + ",좋습니다,\n";
  };
  const std::string bad = header + "\n" + row("a1", b[0], "4") + row("a2", b[1], "7") + row("a3", "999", "1");
  auto refused = import_answers(test.db(), campaign, bad, "answers.csv", now());
  ASSERT_FALSE(refused);
  ASSERT_EQ(refused.error().fields.size(), 2u);
  EXPECT_NE(refused.error().fields[0].message.find("3행"), std::string::npos)
      << refused.error().fields[0].message;
  EXPECT_NE(refused.error().fields[1].message.find("4행"), std::string::npos)
      << refused.error().fields[1].message;
  EXPECT_EQ(stored(campaign), 0);
  const std::string good = header + "\n" + row("a1", b[0], "4") + row("a2", b[1], "0");
  auto imported = import_answers(test.db(), campaign, good, "answers.csv", now());
  ASSERT_TRUE(imported) << imported.error().message;
  EXPECT_EQ(*imported, 2);
  EXPECT_EQ(stored(campaign), 2);
}

TEST_F(SurveyService, AnotherModuleOpensASurveyThroughThePlatformAndReadsOnlyGroupsOfFive) {
  const auto provider = platform::survey_provider();
  ASSERT_TRUE(provider) << "the manifest registers the provider";
  const auto today = seoul_today();
  platform::SurveyRequest request{"academy",
                                  "2026 소통협력 과정 만족도",
                                  today.year,
                                  civil_from_days(days_from_civil(today) - 1),
                                  civil_from_days(days_from_civil(today) + 5),
                                  {101, 102},
                                  {},
                                  {{"과정에 만족합니다.", false}, {"좋았던 점", true}}};
  const char* logins[] = {"jeonju", "gunsan", "iksan", "jeongeup", "namwon", "gimje"};
  for (const char* login : logins) request.respondents.push_back(test.actor(login).account_id);
  auto id = provider->create(test.service(coordinator), request);
  ASSERT_TRUE(id) << id.error().message;
  for (int i = 0; i < 6; ++i) {
    auto secret = issue_secret(test.service(test.actor(logins[i])), *id);
    ASSERT_TRUE(secret) << secret.error().message;
    auto sheet = open_sheet(test.db(), *secret, today);
    ASSERT_TRUE(sheet);
    ASSERT_EQ(sheet->choices.size(), 2u);
    const std::string subject = i < 5 ? "101" : "102";
    ASSERT_TRUE(choose_subjects(test.db(), *secret, {subject}, today));
    ASSERT_TRUE(save_answers(test.db(), *secret, std::stoll(subject), http::Form::parse("q1=5"), today));
    ASSERT_TRUE(submit_answers(test.db(), *secret, now()));
  }
  auto results = provider->results(test.service(coordinator), "academy", *id);
  ASSERT_TRUE(results) << results.error().message;
  ASSERT_EQ(results->size(), 2u);
  EXPECT_TRUE((*results)[0].shown);
  EXPECT_EQ((*results)[0].responses, 5);
  EXPECT_DOUBLE_EQ((*results)[0].score, 100.0);
  EXPECT_FALSE((*results)[1].shown) << "one response is withheld";
  EXPECT_EQ((*results)[1].responses, 0);
  EXPECT_FALSE(provider->results(test.service(coordinator), "meetings", *id)) << "another host's survey";
  EXPECT_FALSE(provider->create(test.service(coordinator),
                                {"index", "x", 2026, today, today, {1}, {1}, {{"q", false}}}))
      << "the index's host is not for others";
}

TEST_F(SurveyService, TheReminderJobTellsOnlyThoseWhoHaveNotAnswered) {
  const auto campaign = open_campaign_now();
  answer_as("jeonju", campaign, bureaus(1)[0]);
  const auto unread = [&](std::string_view login) {
    return test.db().read([&](store::Connection& c) {
      return platform::notifications::unread_count(c, test.actor(login).account_id);
    });
  };
  const auto scheduled =
      test.db().read([](store::Connection& c) { return platform::jobs::count_pending(c, kRemindJobKind); });
  EXPECT_EQ(scheduled, 2) << "a week and a day before the close";
  const auto jeonju_before = unread("jeonju");
  const auto gunsan_before = unread("gunsan");
  ASSERT_TRUE(remind_campaign(test.service(coordinator), campaign));
  // The job queued now (the ones a week and a day before the close wait for their day).
  auto job = platform::jobs::claim_next(test.db(), {kRemindJobKind}, "test", now(), 60);
  ASSERT_TRUE(job);
  const platform::Settings settings;
  platform::jobs::Run run(test.db(), settings, *job, "test");
  const auto kinds = campaign_job_kinds();
  ASSERT_EQ(kinds.size(), 1u);
  ASSERT_TRUE(kinds[0].handler(run));
  EXPECT_TRUE(run.finished());
  EXPECT_EQ(unread("gunsan"), gunsan_before + 1) << "not answered: reminded";
  EXPECT_EQ(unread("jeonju"), jeonju_before) << "answered: left alone";
  ASSERT_TRUE(close_campaign(test.service(coordinator), campaign));
  EXPECT_FALSE(remind_campaign(test.service(coordinator), campaign)) << "a closed survey reminds nobody";
}

TEST(IndexRanks, TiesShareARankAndTheNextRankSkips) {
  EXPECT_EQ(competition_ranks({80.0, 70.0, 80.0, std::nullopt, 60.0}), (std::vector<int>{1, 3, 1, 0, 4}));
}

}  // namespace sotong::surveys
