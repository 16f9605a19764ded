#include "modules/meetings/meeting_rotation.hpp"

#include <gtest/gtest.h>

#include <array>
#include <string_view>

#include "platform/calendar/holiday.hpp"

namespace sotong::meetings {
namespace {

/// The 14 시·군 in the order of their organisation codes; ids 1 … 14.
constexpr std::array<std::string_view, 14> kMunicipalities = {
    "전주시", "군산시", "익산시", "정읍시", "남원시", "김제시", "완주군",
    "진안군", "무주군", "장수군", "임실군", "순창군", "고창군", "부안군"};

std::vector<RotationMember> members(std::size_t count) {
  std::vector<RotationMember> out;
  for (std::size_t i = 0; i < count; ++i)
    out.push_back({static_cast<std::int64_t>(i + 1), std::string(kMunicipalities[i]), {}});
  return out;
}

CivilDate on(std::string_view iso) {
  return *parse_date(iso);
}

std::vector<CivilDate> dates(std::initializer_list<std::string_view> isos) {
  std::vector<CivilDate> out;
  for (auto iso : isos) out.push_back(on(iso));
  return out;
}

std::vector<std::int64_t> hosts(const std::vector<HostAssignment>& plan) {
  std::vector<std::int64_t> out;
  for (const auto& a : plan) out.push_back(a.host.value_or(0));
  return out;
}

std::vector<HostAssignment> plan(const RotationInput& input) {
  auto result = plan_rotation(input);
  EXPECT_TRUE(result.ok()) << result.error().message;
  return result.ok() ? *result : std::vector<HostAssignment>{};
}

/// Two rounds of the 14 시·군 before 2026: the first from January 2025, in the organisations' order, and
/// the second begun by the first five. 김제시 (6) is thus the longest wait of the nine still due.
std::vector<PastHosting> two_rounds_begun() {
  std::vector<PastHosting> history;
  const std::array<std::string_view, 19> days = {
      "2025-01-09", "2025-02-12", "2025-03-13", "2025-04-10", "2025-05-15", "2025-06-12", "2025-06-26",
      "2025-07-10", "2025-07-24", "2025-08-14", "2025-08-28", "2025-09-11", "2025-09-25", "2025-10-16",
      "2025-10-30", "2025-11-13", "2025-11-27", "2025-12-11", "2025-12-23"};
  for (std::size_t i = 0; i < days.size(); ++i)
    history.push_back({static_cast<std::int64_t>(i % 14 + 1), on(days[i])});
  return history;
}

}  // namespace

TEST(MeetingRotation, EveryMemberHostsOnceBeforeAnyoneHostsTwice) {
  const auto result = plan(
      {members(3), {}, dates({"2026-01-08", "2026-02-12", "2026-03-12", "2026-04-09", "2026-05-14"}), {}});
  EXPECT_EQ(hosts(result), (std::vector<std::int64_t>{1, 2, 3, 1, 2}));
  EXPECT_EQ(result[0].explanation,
            "이번 순번에서 아직 개최하지 않은 3곳 중 개최한 적이 없는 곳 가운데 기관 순서가 가장 앞선 곳");
  EXPECT_EQ(result[1].explanation,
            "이번 순번에서 아직 개최하지 않은 2곳 중 개최한 적이 없는 곳 가운데 기관 순서가 가장 앞선 곳");
  EXPECT_EQ(result[2].explanation, "이번 순번에서 아직 개최하지 않은 마지막 곳");
  EXPECT_EQ(result[3].explanation,
            "이번 순번에서 아직 개최하지 않은 3곳 중 가장 오래전에 개최한 곳(2026-01-08 개최)");
  for (const auto& a : result) EXPECT_FALSE(a.pinned);
}

TEST(MeetingRotation, TheRoundCarriesOnFromLastYearsHistory) {
  const auto result = plan({members(14), two_rounds_begun(), dates({"2026-01-08", "2026-02-12"}), {}});
  EXPECT_EQ(hosts(result), (std::vector<std::int64_t>{6, 7}));
  EXPECT_EQ(result[0].explanation,
            "이번 순번에서 아직 개최하지 않은 9곳 중 가장 오래전에 개최한 곳(2025-06-12 개최)");
  EXPECT_EQ(result[1].explanation,
            "이번 순번에서 아직 개최하지 않은 8곳 중 가장 오래전에 개최한 곳(2025-06-26 개최)");
}

TEST(MeetingRotation, BlockedMembersAreLeftOutAndSaid) {
  auto input = RotationInput{members(14), two_rounds_begun(), dates({"2026-01-08", "2026-02-12"}), {}};
  input.members[5].blocked = dates({"2026-01-08"});                 // 김제시
  input.members[13].blocked = dates({"2026-03-12", "2026-01-08"});  // 부안군
  const auto result = plan(input);
  EXPECT_EQ(hosts(result), (std::vector<std::int64_t>{7, 6}));
  EXPECT_EQ(result[0].explanation,
            "이번 순번에서 아직 개최하지 않은 7곳 중 가장 오래전에 개최한 곳(2025-06-26 개최). "
            "김제시·부안군은 이 날 개최 불가 일정으로 제외");
  EXPECT_EQ(result[1].explanation,
            "이번 순번에서 아직 개최하지 않은 8곳 중 가장 오래전에 개최한 곳(2025-06-12 개최)");
}

TEST(MeetingRotation, WhenEveryoneStillDueIsBlockedTheLongestWaitOfTheOthersHosts) {
  auto input = RotationInput{members(3),
                             {{1, on("2025-10-16")}, {2, on("2025-11-13")}},
                             dates({"2026-01-08", "2026-02-12", "2026-03-12"}),
                             {}};
  input.members[2].blocked = dates({"2026-01-08"});  // 익산시, the only one still due
  const auto result = plan(input);
  EXPECT_EQ(hosts(result), (std::vector<std::int64_t>{1, 3, 2}));
  EXPECT_EQ(result[0].explanation,
            "순번이 남은 익산시가 이 날 개최 불가라 이미 개최한 곳 중 가장 오래전에 개최한 곳으로 "
            "정함(2025-10-16 개최)");
  EXPECT_EQ(result[1].explanation, "이번 순번에서 아직 개최하지 않은 마지막 곳");

  // Two still due and both blocked: said of both.
  auto four =
      RotationInput{members(4), {{1, on("2025-10-16")}, {2, on("2025-11-13")}}, dates({"2026-01-08"}), {}};
  four.members[2].blocked = dates({"2026-01-08"});
  four.members[3].blocked = dates({"2026-01-08"});
  EXPECT_EQ(
      plan(four)[0].explanation,
      "순번이 남은 익산시·정읍시가 모두 이 날 개최 불가라 이미 개최한 곳 중 가장 오래전에 개최한 곳으로 정함"
      "(2025-10-16 개최)");
}

TEST(MeetingRotation, NobodyHostsADateEveryMemberIsBlocked) {
  auto input = RotationInput{members(2), {}, dates({"2026-01-08", "2026-02-12"}), {}};
  input.members[0].blocked = dates({"2026-01-08"});
  input.members[1].blocked = dates({"2026-01-08"});
  const auto result = plan(input);
  ASSERT_EQ(result.size(), 2u);
  EXPECT_FALSE(result[0].host.has_value());
  EXPECT_EQ(result[0].explanation, "모든 회원 기관이 이 날 개최 불가라 개최 기관을 정하지 못함");
  EXPECT_EQ(result[1].host, std::optional<std::int64_t>(1));
}

TEST(MeetingRotation, APinIsKeptAndTheRestRebalanceAroundIt) {
  const auto four_dates = dates({"2026-01-08", "2026-02-12", "2026-03-12", "2026-04-09"});
  EXPECT_EQ(hosts(plan({members(4), {}, four_dates, {}})), (std::vector<std::int64_t>{1, 2, 3, 4}));

  // 전주시 fixed in March: the automatic dates before it leave it out, so all four still host once.
  const auto result = plan({members(4), {}, four_dates, {{on("2026-03-12"), 1}}});
  EXPECT_EQ(hosts(result), (std::vector<std::int64_t>{2, 3, 1, 4}));
  EXPECT_TRUE(result[2].pinned);
  EXPECT_EQ(result[2].explanation, "담당자가 지정");
  EXPECT_EQ(result[0].explanation,
            "이번 순번에서 아직 개최하지 않은 3곳 중 개최한 적이 없는 곳 가운데 기관 순서가 가장 앞선 곳. "
            "전주시는 뒤 날짜에 개최하도록 지정되어 있어 이번에는 제외");
  EXPECT_EQ(result[3].explanation, "이번 순번에서 아직 개최하지 않은 마지막 곳");

  // 정읍시 fixed first: it counts as its turn.
  EXPECT_EQ(hosts(plan({members(4), {}, four_dates, {{on("2026-01-08"), 4}}})),
            (std::vector<std::int64_t>{4, 1, 2, 3}));
}

TEST(MeetingRotation, APinMayRepeatAHostOfTheRound) {
  const auto result = plan({members(3),
                            {{1, on("2025-12-11")}},
                            dates({"2026-01-08", "2026-02-12", "2026-03-12"}),
                            {{on("2026-01-08"), 1}}});
  EXPECT_EQ(hosts(result), (std::vector<std::int64_t>{1, 2, 3}));
  EXPECT_EQ(result[0].explanation, "담당자가 지정(이번 순번에서 이미 개최한 곳)");
}

TEST(MeetingRotation, WhenOnlyMembersPinnedLaterAreFreeOneOfThemHostsNow) {
  auto input = RotationInput{members(3),
                             {},
                             dates({"2026-01-08", "2026-02-12", "2026-03-12"}),
                             {{on("2026-03-12"), 3}, {on("2026-02-12"), 2}}};
  input.members[0].blocked = dates({"2026-01-08"});
  const auto result = plan(input);
  EXPECT_EQ(hosts(result), (std::vector<std::int64_t>{2, 2, 3}));
  EXPECT_EQ(
      result[0].explanation,
      "이번 순번에서 아직 개최하지 않은 2곳 중 개최한 적이 없는 곳 가운데 기관 순서가 가장 앞선 곳. "
      "전주시는 이 날 개최 불가 일정으로 제외. 순번이 남은 곳 중 이 날 개최할 수 있는 곳은 모두 뒤 날짜에도 "
      "지정된 곳");
  EXPECT_EQ(result[1].explanation, "담당자가 지정(이번 순번에서 이미 개최한 곳)");
}

TEST(MeetingRotation, TiesGoToTheLeastRecentThenTheStableOrder) {
  // Ids out of numeric order: the members' order, not their ids, breaks a tie.
  std::vector<RotationMember> three = {{30, "무주군", {}}, {10, "남원시", {}}, {20, "완주군", {}}};
  EXPECT_EQ(hosts(plan({three, {}, dates({"2026-01-08", "2026-02-12"}), {}})),
            (std::vector<std::int64_t>{30, 10}));
  // 완주군 and 남원시 hosted last year, so 무주군 closes that round; then 완주군 has waited longest.
  const auto result = plan({three,
                            {{20, on("2025-01-09")}, {10, on("2025-02-12")}, {99, on("2025-03-12")}},
                            dates({"2026-01-08", "2026-02-12", "2026-03-12"}),
                            {}});
  EXPECT_EQ(hosts(result), (std::vector<std::int64_t>{30, 20, 10}));
  EXPECT_EQ(result[0].explanation, "이번 순번에서 아직 개최하지 않은 마지막 곳");
  // The former member (99) in the history counts for nothing; the new round then starts with the longest
  // wait.
  EXPECT_EQ(result[1].explanation,
            "이번 순번에서 아직 개최하지 않은 3곳 중 가장 오래전에 개최한 곳(2025-01-09 개최)");
}

TEST(MeetingRotation, InconsistentInputIsRefusedInKorean) {
  const auto two = dates({"2026-01-08", "2026-02-12"});
  auto refused = [](const RotationInput& input) {
    auto result = plan_rotation(input);
    EXPECT_FALSE(result.ok());
    return result.ok() ? Error{} : result.error();
  };
  EXPECT_EQ(refused({{}, {}, two, {}}).message, "개최 순번을 정할 회원 기관이 없습니다.");
  auto twice = members(2);
  twice[1].id = 1;
  EXPECT_EQ(refused({twice, {}, two, {}}).message, "군산시가 회원 기관 목록에 두 번 들어 있습니다.");
  EXPECT_EQ(refused({members(2), {}, dates({"2026-02-12", "2026-01-08"}), {}}).message,
            "회의 날짜는 앞선 날짜부터 겹치지 않게 주어야 합니다(2026-01-08).");
  EXPECT_EQ(refused({members(2), {}, dates({"2026-01-08", "2026-01-08"}), {}}).code,
            ErrorCode::invalid_input);
  EXPECT_EQ(refused({members(2), {}, two, {{on("2026-03-12"), 1}}}).message,
            "2026-03-12는 이 계획의 회의 날짜가 아닙니다.");
  EXPECT_EQ(refused({members(2), {}, two, {{on("2026-01-08"), 1}, {on("2026-01-08"), 2}}}).message,
            "2026-01-08의 개최 기관이 두 번 지정되어 있습니다.");
  EXPECT_EQ(refused({members(2), {}, two, {{on("2026-01-08"), 7}}}).message,
            "2026-01-08에 지정한 개최 기관(번호 7)은 회원 기관이 아닙니다.");
  auto blocked = members(2);
  blocked[1].blocked = dates({"2026-02-12"});
  const auto conflict = refused({blocked, {}, two, {{on("2026-02-12"), 2}}});
  EXPECT_EQ(conflict.code, ErrorCode::conflict);
  EXPECT_EQ(conflict.message,
            "군산시는 2026-02-12에 개최 불가 일정이 있어 이 날 개최 기관으로 정할 수 없습니다.");
  // No dates is no plan, not an error.
  EXPECT_TRUE(plan({members(2), {}, {}, {}}).empty());
}

}  // namespace sotong::meetings
