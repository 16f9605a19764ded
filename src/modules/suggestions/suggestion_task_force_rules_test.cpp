#include "modules/suggestions/suggestion_task_force_rules.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "platform/testing/field_errors.hpp"

namespace sotong::suggestions {
namespace {

using Status = TaskForceStatus;

constexpr CivilDate kCheckedOn{2026, 10, 8};

// Everyone a task force can meet: the coordinator, its members by role, and two outsiders — someone who may
// view suggestions (a bureau or 시·군 officer not on the team, the administrator, the auditor) and someone
// who may not even do that.
const std::map<std::string, TaskForceStanding>& people() {
  static const std::map<std::string, TaskForceStanding> kPeople = {
      {"coordinator", {.viewer = true, .coordinator = true}},
      {"leader", {.viewer = true, .role = TeamRole::leader}},
      {"secretary", {.viewer = true, .role = TeamRole::secretary}},
      {"member", {.viewer = true, .role = TeamRole::member}},
      {"viewer", {.viewer = true}},
      {"nobody", {}},
  };
  return kPeople;
}

const std::vector<TaskForceStep>& all_steps() {
  static const std::vector<TaskForceStep> kAll = {TaskForceStep::view_details,    TaskForceStep::edit,
                                                  TaskForceStep::manage_team,     TaskForceStep::edit_plan,
                                                  TaskForceStep::add_field_check, TaskForceStep::add_report,
                                                  TaskForceStep::start,           TaskForceStep::close};
  return kAll;
}

const std::string& field_of(const Error& e) {
  static const std::string kNone;
  return e.fields.empty() ? kNone : e.fields.front().field;
}

std::string repeated(const std::string& s, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

TaskForceMember on_team(std::int64_t account, TeamRole role) {
  TaskForceMember m;
  m.account_id = account;
  m.role = role;
  return m;
}

}  // namespace

// ---- who may do what ----

TEST(SuggestionTaskForceRules, EachStandingMayTakeExactlyItsSteps) {
  // The whole table, person by person: what the team's own rules promise (docs/modules/suggestions.md).
  const std::map<std::string, std::vector<TaskForceStep>> allowed = {
      {"coordinator", all_steps()},
      {"leader",
       {TaskForceStep::view_details, TaskForceStep::manage_team, TaskForceStep::edit_plan,
        TaskForceStep::add_field_check, TaskForceStep::add_report, TaskForceStep::start,
        TaskForceStep::close}},
      {"secretary",
       {TaskForceStep::view_details, TaskForceStep::manage_team, TaskForceStep::edit_plan,
        TaskForceStep::add_field_check, TaskForceStep::add_report}},
      {"member",
       {TaskForceStep::view_details, TaskForceStep::edit_plan, TaskForceStep::add_field_check,
        TaskForceStep::add_report}},
      {"viewer", {}},
      {"nobody", {}},
  };
  for (const auto& [who, standing] : people()) {
    const auto& expected = allowed.at(who);
    for (TaskForceStep step : all_steps()) {
      const bool should = std::find(expected.begin(), expected.end(), step) != expected.end();
      EXPECT_EQ(may(step, standing), should) << who << " step " << static_cast<int>(step);
    }
  }
}

TEST(SuggestionTaskForceRules, OnlyTheCoordinatorEditsTheNameIssueAndLinks) {
  EXPECT_TRUE(may(TaskForceStep::edit, people().at("coordinator")));
  for (const char* who : {"leader", "secretary", "member", "viewer"})
    EXPECT_FALSE(may(TaskForceStep::edit, people().at(who)));
}

TEST(SuggestionTaskForceRules, ACoordinatorWhoIsAlsoAMemberKeepsEveryPower) {
  const TaskForceStanding both{.viewer = true, .coordinator = true, .role = TeamRole::member};
  for (TaskForceStep step : all_steps()) EXPECT_TRUE(may(step, both));
}

TEST(SuggestionTaskForceRules, EachStatusAllowsExactlyItsSteps) {
  const std::map<Status, std::vector<TaskForceStep>> allowed = {
      {Status::formed,
       {TaskForceStep::view_details, TaskForceStep::edit, TaskForceStep::manage_team,
        TaskForceStep::edit_plan, TaskForceStep::start}},
      {Status::active,
       {TaskForceStep::view_details, TaskForceStep::edit, TaskForceStep::manage_team,
        TaskForceStep::edit_plan, TaskForceStep::add_field_check, TaskForceStep::add_report,
        TaskForceStep::close}},
      {Status::closed, {TaskForceStep::view_details}},
  };
  for (const auto& [status, expected] : allowed)
    for (TaskForceStep step : all_steps())
      EXPECT_EQ(status_allows(step, status),
                std::find(expected.begin(), expected.end(), step) != expected.end())
          << "status " << static_cast<int>(status) << " step " << static_cast<int>(step);
}

TEST(SuggestionTaskForceRules, AnOutsiderIsToldNothingExistsBeforeAnythingElse) {
  // Not found even where the status would refuse too: a refusal must not tell an outsider how far the team
  // got.
  for (const char* who : {"viewer", "nobody"})
    for (Status status : {Status::formed, Status::active, Status::closed})
      for (TaskForceStep step : all_steps()) {
        auto refused = check_step(step, status, people().at(who));
        ASSERT_FALSE(refused) << who;
        EXPECT_EQ(refused.error().code, ErrorCode::not_found) << who;
        EXPECT_NE(refused.error().message.find("TFT"), std::string::npos);
      }
}

TEST(SuggestionTaskForceRules, AMemberWithoutThePowerIsForbiddenBeforeTheStatusIsAsked) {
  auto close = check_step(TaskForceStep::close, Status::closed, people().at("member"));
  ASSERT_FALSE(close);
  EXPECT_EQ(close.error().code, ErrorCode::forbidden);
  EXPECT_NE(close.error().message.find("팀장"), std::string::npos);
  auto team = check_step(TaskForceStep::manage_team, Status::active, people().at("member"));
  ASSERT_FALSE(team);
  EXPECT_EQ(team.error().code, ErrorCode::forbidden);
  EXPECT_NE(team.error().message.find("간사"), std::string::npos);
  auto edit = check_step(TaskForceStep::edit, Status::formed, people().at("leader"));
  ASSERT_FALSE(edit);
  EXPECT_EQ(edit.error().code, ErrorCode::forbidden);
  EXPECT_NE(edit.error().message.find("시·군정책협력담당"), std::string::npos);
  auto start = check_step(TaskForceStep::start, Status::formed, people().at("secretary"));
  ASSERT_FALSE(start);
  EXPECT_EQ(start.error().code, ErrorCode::forbidden);
}

TEST(SuggestionTaskForceRules, TheStatusRefusesWithAConflictThatSaysWhatToDo) {
  const auto& coordinator = people().at("coordinator");
  auto early = check_step(TaskForceStep::add_field_check, Status::formed, coordinator);
  ASSERT_FALSE(early);
  EXPECT_EQ(early.error().code, ErrorCode::conflict);
  EXPECT_NE(early.error().message.find("활동을 시작한 뒤에"), std::string::npos);
  auto close_early = check_step(TaskForceStep::close, Status::formed, coordinator);
  ASSERT_FALSE(close_early);
  EXPECT_NE(close_early.error().message.find("먼저 활동을 시작"), std::string::npos);
  auto again = check_step(TaskForceStep::start, Status::active, coordinator);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::conflict);
  for (TaskForceStep step : all_steps()) {
    if (step == TaskForceStep::view_details) continue;
    auto closed = check_step(step, Status::closed, coordinator);
    ASSERT_FALSE(closed);
    EXPECT_EQ(closed.error().code, ErrorCode::conflict);
    EXPECT_EQ(closed.error().message, "종료한 TFT는 더 바꿀 수 없습니다.");
  }
  EXPECT_TRUE(check_step(TaskForceStep::view_details, Status::closed, people().at("member")));
}

TEST(SuggestionTaskForceRules, AvailableStepsAreExactlyWhatCheckStepAccepts) {
  for (const auto& [who, standing] : people())
    for (Status status : {Status::formed, Status::active, Status::closed}) {
      const auto offered = available_steps(status, standing);
      for (TaskForceStep step : all_steps()) {
        if (step == TaskForceStep::view_details) continue;
        const bool listed = std::find(offered.begin(), offered.end(), step) != offered.end();
        EXPECT_EQ(listed, check_step(step, status, standing).ok()) << who;
      }
    }
  EXPECT_EQ(available_steps(Status::active, people().at("member")),
            (std::vector<TaskForceStep>{TaskForceStep::edit_plan, TaskForceStep::add_field_check,
                                        TaskForceStep::add_report}));
  EXPECT_EQ(available_steps(Status::formed, people().at("leader")),
            (std::vector<TaskForceStep>{TaskForceStep::manage_team, TaskForceStep::edit_plan,
                                        TaskForceStep::start}));
  EXPECT_TRUE(available_steps(Status::active, people().at("viewer")).empty());
  EXPECT_TRUE(available_steps(Status::closed, people().at("coordinator")).empty());
}

TEST(SuggestionTaskForceRules, StartAndCloseMoveTheStatusOnce) {
  EXPECT_EQ(*next_status(Status::formed, TaskForceStep::start), Status::active);
  EXPECT_EQ(*next_status(Status::active, TaskForceStep::close), Status::closed);
  EXPECT_EQ(*next_status(Status::active, TaskForceStep::add_report), Status::active);
  EXPECT_EQ(*next_status(Status::formed, TaskForceStep::edit_plan), Status::formed);
  EXPECT_EQ(next_status(Status::formed, TaskForceStep::close).error().code, ErrorCode::conflict);
  EXPECT_EQ(next_status(Status::active, TaskForceStep::start).error().code, ErrorCode::conflict);
  EXPECT_EQ(next_status(Status::closed, TaskForceStep::close).error().code, ErrorCode::conflict);
  EXPECT_EQ(next_status(Status::closed, TaskForceStep::start).error().code, ErrorCode::conflict);
}

// ---- the task force ----

TEST(SuggestionTaskForceRules, SuggestionNumbersAreReadAsPeopleWriteThem) {
  EXPECT_EQ(typed_suggestion_ids({.suggestion_ids = {"12, #15 16번\n12"}}),
            (std::vector<std::int64_t>{12, 15, 16}));
  EXPECT_EQ(typed_suggestion_ids({.suggestion_ids = {"3", "4", "3"}}), (std::vector<std::int64_t>{3, 4}));
  EXPECT_EQ(typed_suggestion_ids({.suggestion_ids = {"abc, 0, -2, 7"}}), (std::vector<std::int64_t>{7}));
  EXPECT_TRUE(typed_suggestion_ids({}).empty());
}

TEST(SuggestionTaskForceRules, ATaskForceIsNamedAndSaysWhatItIsFor) {
  auto valid = validate_task_force({"  35사단 임실 이전  ", " 갈등 조정 \n", {"12, 15"}}, {12, 15, 20});
  ASSERT_TRUE(valid) << valid.error().message;
  EXPECT_EQ(valid->name, "35사단 임실 이전");
  EXPECT_EQ(valid->issue, "갈등 조정");
  EXPECT_EQ(valid->suggestion_ids, (std::vector<std::int64_t>{12, 15}));
  // A standing conflict has no suggestion.
  EXPECT_TRUE(validate_task_force({"무주-금산 광역상수도", "용수 배분", {}}, {}));
  // Hangul typed as conjoining jamo is stored composed.
  auto composed = validate_task_force({"\u1112\u1161\u11ab TFT", "과제", {}}, {});
  ASSERT_TRUE(composed);
  EXPECT_EQ(composed->name, "한 TFT");
}

TEST(SuggestionTaskForceRules, ATaskForceWithABadFieldIsRefusedFieldByField) {
  auto blank = validate_task_force({"   ", "", {}}, {});
  ASSERT_FALSE(blank);
  EXPECT_EQ(blank.error().code, ErrorCode::invalid_input);
  EXPECT_TRUE(has_field(blank.error(), "name"));
  EXPECT_TRUE(has_field(blank.error(), "issue"));
  EXPECT_EQ(blank.error().fields.front().message, "TFT 이름을 입력해 주십시오.");
  EXPECT_TRUE(validate_task_force({repeated("가", kTaskForceNameMaxChars), "과제", {}}, {}));
  auto long_name = validate_task_force({repeated("가", kTaskForceNameMaxChars + 1), "과제", {}}, {});
  ASSERT_FALSE(long_name);
  EXPECT_EQ(long_name.error().fields.front().message, "TFT 이름은 100자 이하로 입력해 주십시오.");
  EXPECT_FALSE(validate_task_force({"이름", repeated("가", kTaskForceTextMaxChars + 1), {}}, {}));
  auto word = validate_task_force({"이름", "과제", {"열두 번"}}, {12});
  ASSERT_FALSE(word);
  EXPECT_EQ(field_of(word.error()), "suggestion_ids");
  EXPECT_NE(word.error().fields.front().message.find("숫자로"), std::string::npos);
  auto unknown = validate_task_force({"이름", "과제", {"12, 99"}}, {12});
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().fields.front().message,
            "99번 건의가 없습니다. 제출된 건의의 번호를 적어 주십시오.");
  std::vector<std::int64_t> many;
  std::string typed;
  for (std::int64_t i = 1; i <= static_cast<std::int64_t>(kMaxLinkedSuggestions) + 1; ++i) {
    many.push_back(i);
    typed += std::to_string(i) + ",";
  }
  auto too_many = validate_task_force({"이름", "과제", {typed}}, many);
  ASSERT_FALSE(too_many);
  EXPECT_EQ(field_of(too_many.error()), "suggestion_ids");
  EXPECT_NE(too_many.error().fields.front().message.find("20건까지"), std::string::npos);
}

// ---- the team ----

TEST(SuggestionTaskForceRules, AMemberIsAnAccountFromTheListWithARoleOfTheTeam) {
  const std::vector<std::int64_t> candidates = {5, 6, 7};
  auto valid = validate_member({" 6 ", "secretary"}, candidates, {on_team(5, TeamRole::leader)});
  ASSERT_TRUE(valid);
  EXPECT_EQ(valid->account_id, 6);
  EXPECT_EQ(valid->role, TeamRole::secretary);
  for (const char* role : {"leader", "secretary", "member"})
    EXPECT_TRUE(validate_member({"7", role}, candidates, {}));
}

TEST(SuggestionTaskForceRules, AMemberIsRefusedOutsideTheListTwiceOrAsASecondLeader) {
  const std::vector<std::int64_t> candidates = {5, 6, 7};
  const std::vector<TaskForceMember> team = {on_team(5, TeamRole::leader)};
  for (const char* account : {"", "abc", "99", "-5", "0"}) {
    auto refused = validate_member({account, "member"}, candidates, team);
    ASSERT_FALSE(refused) << account;
    EXPECT_EQ(field_of(refused.error()), "account_id");
  }
  auto twice = validate_member({"5", "member"}, candidates, team);
  ASSERT_FALSE(twice);
  EXPECT_NE(twice.error().fields.front().message.find("이미 이 TFT의 팀원"), std::string::npos);
  auto second_leader = validate_member({"6", "leader"}, candidates, team);
  ASSERT_FALSE(second_leader);
  EXPECT_EQ(field_of(second_leader.error()), "role");
  EXPECT_NE(second_leader.error().fields.front().message.find("팀장은 한 사람"), std::string::npos);
  for (const char* role : {"adviser", "", "boss"}) {
    auto bad = validate_member({"6", role}, candidates, team);
    ASSERT_FALSE(bad) << role;
    EXPECT_EQ(field_of(bad.error()), "role");
  }
}

TEST(SuggestionTaskForceRules, AnExpertHasANameAnAffiliationAFieldAndAnAdvisingRole) {
  auto valid = validate_expert({" 김수자원 ", "전북연구원", "상수도 계획", "adviser"});
  ASSERT_TRUE(valid);
  EXPECT_EQ(valid->name, "김수자원");
  EXPECT_EQ(valid->role, TeamRole::adviser);
  EXPECT_TRUE(validate_expert({"이름", "소속", "분야", "member"}));
  for (const char* role : {"leader", "secretary", "", "chair"}) {
    auto refused = validate_expert({"이름", "소속", "분야", role});
    ASSERT_FALSE(refused) << role;
    EXPECT_EQ(field_of(refused.error()), "role");
  }
  auto blank = validate_expert({"", " ", repeated("가", kExpertLineMaxChars + 1), "adviser"});
  ASSERT_FALSE(blank);
  EXPECT_TRUE(has_field(blank.error(), "name"));
  EXPECT_TRUE(has_field(blank.error(), "affiliation"));
  EXPECT_TRUE(has_field(blank.error(), "field"));
}

// ---- the work ----

TEST(SuggestionTaskForceRules, APlanKeepsItsLinesAndItsLimit) {
  auto valid = validate_plan("  1. 이전 부지 협의\n2. 주민 설명회  ");
  ASSERT_TRUE(valid);
  EXPECT_EQ(*valid, "1. 이전 부지 협의\n2. 주민 설명회");
  EXPECT_TRUE(validate_plan(repeated("가", kPlanMaxChars)));
  auto too_long = validate_plan(repeated("가", kPlanMaxChars + 1));
  ASSERT_FALSE(too_long);
  EXPECT_EQ(too_long.error().fields.front().message, "해결 방안은 10000자 이하로 입력해 주십시오.");
  auto blank = validate_plan(" \n ");
  ASSERT_FALSE(blank);
  EXPECT_EQ(blank.error().fields.front().field, "plan");
}

TEST(SuggestionTaskForceRules, AFieldCheckTookPlaceOnARealDayNotInTheFuture) {
  auto valid = validate_field_check({"2026-10-08", " 임실군 신평면 ", "임실군, 기획조정실", "주민 의견 청취"},
                                    kCheckedOn);
  ASSERT_TRUE(valid);
  EXPECT_EQ(days_from_civil(valid->date), days_from_civil(kCheckedOn));
  EXPECT_EQ(valid->place, "임실군 신평면");
  auto future = validate_field_check({"2026-10-09", "장소", "참석자", "결과"}, kCheckedOn);
  ASSERT_FALSE(future);
  EXPECT_EQ(future.error().fields.front().message, "현지확인 일자는 오늘이나 그 앞의 날짜로 적어 주십시오.");
  for (const char* date : {"2026-02-30", "2026/10/01", "", "어제"}) {
    auto bad = validate_field_check({date, "장소", "참석자", "결과"}, kCheckedOn);
    ASSERT_FALSE(bad) << date;
    EXPECT_EQ(bad.error().fields.front().message, "현지확인 일자는 2026-10-08처럼 날짜로 적어 주십시오.");
  }
  auto blank = validate_field_check({"2026-10-01", "", "", ""}, kCheckedOn);
  ASSERT_FALSE(blank);
  EXPECT_TRUE(has_field(blank.error(), "place"));
  EXPECT_TRUE(has_field(blank.error(), "participants"));
  EXPECT_TRUE(has_field(blank.error(), "findings"));
  EXPECT_FALSE(
      validate_field_check({"2026-10-01", repeated("가", kPlaceMaxChars + 1), "참석자", "결과"}, kCheckedOn));
}

TEST(SuggestionTaskForceRules, AReportHasADateATextAndAWholePercent) {
  auto valid = validate_report({"2026-10-01", "부지 협의 완료", "40"}, kCheckedOn);
  ASSERT_TRUE(valid);
  EXPECT_EQ(valid->percent, 40);
  EXPECT_TRUE(validate_report({"2026-10-08", "시작", "0"}, kCheckedOn));
  EXPECT_TRUE(validate_report({"2026-10-08", "끝", "100"}, kCheckedOn));
  for (const char* percent : {"-1", "101", "50%", "", "1e2", "4.5", "+3"}) {
    auto bad = validate_report({"2026-10-01", "내용", percent}, kCheckedOn);
    ASSERT_FALSE(bad) << percent;
    EXPECT_EQ(field_of(bad.error()), "percent");
    EXPECT_EQ(bad.error().fields.front().message, "추진율은 0부터 100까지의 정수로 적어 주십시오.");
  }
  auto future = validate_report({"2026-12-01", "내용", "10"}, kCheckedOn);
  ASSERT_FALSE(future);
  EXPECT_EQ(future.error().fields.front().message, "보고일은 오늘이나 그 앞의 날짜로 적어 주십시오.");
  auto blank = validate_report({"2026-10-01", "  ", "10"}, kCheckedOn);
  ASSERT_FALSE(blank);
  EXPECT_EQ(field_of(blank.error()), "text");
}

TEST(SuggestionTaskForceRules, AClosureNamesOneOfThreeResultsAndSaysWhatCameOfIt) {
  for (const auto& term : kTaskForceResults) {
    auto valid = validate_closure({std::string(term.code), "이전 부지 합의"});
    ASSERT_TRUE(valid);
    EXPECT_EQ(valid->result, term.value);
  }
  auto bad = validate_closure({"solved", ""});
  ASSERT_FALSE(bad);
  EXPECT_TRUE(has_field(bad.error(), "result"));
  EXPECT_TRUE(has_field(bad.error(), "text"));
  EXPECT_EQ(bad.error().fields.front().message,
            "결과를 해결, 일부 해결, 해결하지 못함 가운데에서 골라 주십시오.");
}

TEST(SuggestionTaskForceRules, EveryCodeHasOneKoreanLabel) {
  EXPECT_EQ(task_force_status_label(TaskForceStatus::formed), "구성");
  EXPECT_EQ(task_force_status_label(TaskForceStatus::active), "활동중");
  EXPECT_EQ(task_force_status_label(TaskForceStatus::closed), "종료");
  EXPECT_EQ(team_role_label(TeamRole::leader), "팀장");
  EXPECT_EQ(team_role_label(TeamRole::secretary), "간사");
  EXPECT_EQ(team_role_label(TeamRole::member), "팀원");
  EXPECT_EQ(from_code<TaskForceStatus>(kTaskForceStatuses, "active"), TaskForceStatus::active);
  EXPECT_FALSE(from_code<TeamRole>(kTeamRoles, "chair"));
}

}  // namespace sotong::suggestions
