#include "modules/suggestions/suggestion_lifecycle.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace sotong::suggestions {
namespace {

constexpr Party kSubmitter[] = {Party::submitter};
constexpr Party kCoordinator[] = {Party::coordinator};
constexpr Party kLead[] = {Party::lead_bureau};

const State kAllStates[] = {State::draft,       State::received, State::reviewing,       State::adopted,
                            State::in_progress, State::resolved, State::partly_resolved, State::long_term,
                            State::rejected,    State::answered, State::closed};
const Action kAllActions[] = {Action::submit,  Action::start_review,   Action::adopt,  Action::start_progress,
                              Action::resolve, Action::resolve_partly, Action::defer,  Action::reject,
                              Action::answer,  Action::close,          Action::reopen, Action::appeal};

State step(State from, Action action, std::span<const Party> who, std::string reason = "") {
  auto next = apply(from, {action, std::move(reason), false}, who);
  EXPECT_TRUE(next.ok()) << state_code(from) << " " << action_code(action)
                         << (next.ok() ? "" : ": " + next.error().message);
  return next.ok() ? *next : from;
}

}  // namespace

TEST(SuggestionLifecycle, FromFilingToClosingThroughThreeHands) {
  State s = State::draft;
  s = step(s, Action::submit, kSubmitter);
  EXPECT_EQ(s, State::received);
  s = step(s, Action::start_review, kCoordinator);
  EXPECT_EQ(s, State::reviewing);
  s = step(s, Action::adopt, kCoordinator);
  EXPECT_EQ(s, State::adopted);
  s = step(s, Action::start_progress, kLead);
  EXPECT_EQ(s, State::in_progress);
  s = step(s, Action::resolve, kLead);
  EXPECT_EQ(s, State::resolved);
  s = step(s, Action::answer, kLead);
  EXPECT_EQ(s, State::answered);
  s = step(s, Action::close, kCoordinator);
  EXPECT_EQ(s, State::closed);
  EXPECT_EQ(step(s, Action::reopen, kCoordinator, "시·군이 추가 자료를 보냄"), State::reviewing);
}

// The legal (state, action) pairs, written out from SPEC M1 independently of the table: every other pair is
// refused as a conflict, whoever asks.
TEST(SuggestionLifecycle, EveryOtherStateAndActionIsRefusedAsAConflict) {
  const std::set<std::string> legal = {
      "draft submit",           "received start_review", "received reject",
      "reviewing adopt",        "reviewing defer",       "reviewing reject",
      "adopted start_progress", "in_progress resolve",   "in_progress resolve_partly",
      "in_progress defer",      "in_progress reject",    "resolved answer",
      "partly_resolved answer", "long_term answer",      "rejected answer",
      "answered close",         "answered appeal",       "answered reopen",
      "closed reopen"};
  const Party everyone[] = {Party::submitter, Party::coordinator, Party::lead_bureau};
  int legal_seen = 0;
  for (State from : kAllStates) {
    for (Action action : kAllActions) {
      const std::string pair = std::string(state_code(from)) + " " + std::string(action_code(action));
      auto next = apply(from, {action, "사유", false}, everyone);
      if (legal.count(pair)) {
        EXPECT_TRUE(next.ok()) << pair;
        ++legal_seen;
      } else {
        ASSERT_FALSE(next.ok()) << pair;
        EXPECT_EQ(next.error().code, ErrorCode::conflict) << pair;
        EXPECT_NE(next.error().message.find("할 수 없습니다"), std::string::npos) << pair;
      }
    }
  }
  EXPECT_EQ(legal_seen, static_cast<int>(legal.size()));
  EXPECT_EQ(transitions().size(), legal.size());
}

TEST(SuggestionLifecycle, EachTransitionNamesWhoMayTakeIt) {
  // The submitter files and appeals, nothing else.
  EXPECT_EQ(apply(State::reviewing, {Action::adopt, "", false}, kSubmitter).error().code,
            ErrorCode::forbidden);
  EXPECT_EQ(apply(State::answered, {Action::close, "", false}, kSubmitter).error().code,
            ErrorCode::forbidden);
  EXPECT_EQ(apply(State::in_progress, {Action::resolve, "", false}, kSubmitter).error().code,
            ErrorCode::forbidden);
  // The lead bureau carries an adopted item, but neither triages nor adopts nor closes.
  EXPECT_EQ(apply(State::received, {Action::start_review, "", false}, kLead).error().code,
            ErrorCode::forbidden);
  EXPECT_EQ(apply(State::reviewing, {Action::adopt, "", false}, kLead).error().code, ErrorCode::forbidden);
  EXPECT_EQ(apply(State::answered, {Action::close, "", false}, kLead).error().code, ErrorCode::forbidden);
  // The coordinator never files or appeals for a 시·군.
  EXPECT_EQ(apply(State::draft, {Action::submit, "", false}, kCoordinator).error().code,
            ErrorCode::forbidden);
  EXPECT_EQ(apply(State::answered, {Action::appeal, "불충분", false}, kCoordinator).error().code,
            ErrorCode::forbidden);
  // Nobody at all: no party.
  EXPECT_EQ(apply(State::draft, {Action::submit, "", false}, {}).error().code, ErrorCode::forbidden);
  EXPECT_NE(
      apply(State::reviewing, {Action::adopt, "", false}, kSubmitter).error().message.find("권한이 없습니다"),
      std::string::npos);
}

TEST(SuggestionLifecycle, EveryOutcomeButResolvedAndEveryReopeningNeedsAReason) {
  for (auto [from, action] : {std::pair{State::in_progress, Action::reject},
                              {State::in_progress, Action::defer},
                              {State::in_progress, Action::resolve_partly},
                              {State::reviewing, Action::reject},
                              {State::received, Action::reject},
                              {State::closed, Action::reopen},
                              {State::answered, Action::appeal}}) {
    const auto who =
        action == Action::appeal ? std::span<const Party>(kSubmitter) : std::span<const Party>(kCoordinator);
    for (const char* reason : {"", "   ", "\n\t"}) {
      auto refused = apply(from, {action, reason, false}, who);
      ASSERT_FALSE(refused.ok()) << action_code(action);
      EXPECT_EQ(refused.error().code, ErrorCode::invalid_input);
      ASSERT_EQ(refused.error().fields.size(), 1u);
      EXPECT_EQ(refused.error().fields[0].field, "reason");
    }
    EXPECT_TRUE(apply(from, {action, "예산 사정으로 내년에 다시 검토", false}, who).ok())
        << action_code(action);
  }
  EXPECT_TRUE(apply(State::in_progress, {Action::resolve, "", false}, kLead).ok());
}

TEST(SuggestionLifecycle, TheSubmitterAppealsAnAnswerOnce) {
  auto appealed = apply(State::answered, {Action::appeal, "회신이 질문에 답하지 않음", false}, kSubmitter);
  ASSERT_TRUE(appealed.ok());
  EXPECT_EQ(*appealed, State::reviewing);
  auto again = apply(State::answered, {Action::appeal, "다시", true}, kSubmitter);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::conflict);
  EXPECT_NE(again.error().message.find("한 번만"), std::string::npos);
  const auto first = available_actions(State::answered, kSubmitter, false);
  const auto second = available_actions(State::answered, kSubmitter, true);
  EXPECT_EQ(first, std::vector<Action>{Action::appeal});
  EXPECT_TRUE(second.empty());
}

TEST(SuggestionLifecycle, ThePageOffersExactlyWhatApplyAccepts) {
  const std::vector<std::vector<Party>> people = {{},
                                                  {Party::submitter},
                                                  {Party::coordinator},
                                                  {Party::lead_bureau},
                                                  {Party::lead_bureau, Party::coordinator}};
  for (const auto& who : people) {
    for (State from : kAllStates) {
      for (bool appealed : {false, true}) {
        const auto offered = available_actions(from, who, appealed);
        for (Action action : kAllActions) {
          const bool shown = std::find(offered.begin(), offered.end(), action) != offered.end();
          const auto result = apply(from, {action, "사유", appealed}, who);
          EXPECT_EQ(shown, result.ok()) << state_code(from) << " " << action_code(action);
        }
      }
    }
  }
  EXPECT_EQ(available_actions(State::adopted, kLead, false), std::vector<Action>{Action::start_progress});
  EXPECT_EQ(available_actions(State::in_progress, kSubmitter, false), std::vector<Action>{});
}

TEST(SuggestionLifecycle, CodesAndKoreanLabelsRoundTrip) {
  std::set<std::string> labels;
  for (State s : kAllStates) {
    EXPECT_EQ(state_from_code(state_code(s)), s);
    labels.insert(std::string(state_label(s)));
  }
  EXPECT_EQ(labels.size(), std::size(kAllStates));
  for (Action a : kAllActions) EXPECT_EQ(action_from_code(action_code(a)), a);
  EXPECT_EQ(state_label(State::adopted), "의제화");
  EXPECT_EQ(state_label(State::rejected), "수용불가");
  EXPECT_FALSE(state_from_code("Adopted"));
  EXPECT_FALSE(action_from_code(""));
  EXPECT_TRUE(is_outcome(State::long_term));
  EXPECT_FALSE(is_outcome(State::answered));
}

}  // namespace sotong::suggestions
