// The rotation's promises checked over many random plans (seeded, so a failure is repeatable): blocked dates
// never assigned, pins kept, nobody hosting twice in a round while someone due is free, the same plan from
// the same input in any order, and a Korean explanation for every date.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <random>
#include <set>
#include <string_view>

#include "core/korean_text.hpp"
#include "modules/meetings/meeting_rotation.hpp"
#include "platform/calendar/holiday.hpp"

namespace sotong::meetings {
namespace {

constexpr int kPlans = 2000;

constexpr std::array<std::string_view, 14> kNames = {"전주시", "군산시", "익산시", "정읍시", "남원시",
                                                     "김제시", "완주군", "진안군", "무주군", "장수군",
                                                     "임실군", "순창군", "고창군", "부안군"};

int between(std::mt19937& rng, int low, int high) {
  return std::uniform_int_distribution<int>(low, high)(rng);
}

bool chance(std::mt19937& rng, double p) {
  return std::bernoulli_distribution(p)(rng);
}

/// A random plan: 2–14 members with ids in no particular order, a history of up to three rounds with former
/// members in it, up to 24 dates in 2026, blocked dates at one of several densities (some outside the plan)
/// and pins on free members.
RotationInput random_input(std::mt19937& rng) {
  RotationInput input;
  const int count = between(rng, 2, 14);
  std::set<std::int64_t> ids;
  while (static_cast<int>(ids.size()) < count) ids.insert(between(rng, 1, 60));
  std::vector<std::int64_t> order(ids.begin(), ids.end());
  std::shuffle(order.begin(), order.end(), rng);
  for (int i = 0; i < count; ++i)
    input.members.push_back(
        {order[static_cast<std::size_t>(i)], std::string(kNames[static_cast<std::size_t>(i)]), {}});

  std::int64_t day = days_from_civil({2023, 1, 2});
  for (int past = between(rng, 0, 3 * count); past > 0; --past) {
    day += between(rng, 1, 30);
    const bool former = chance(rng, 0.1);
    input.history.push_back(
        {former ? -between(rng, 1, 5) : order[static_cast<std::size_t>(between(rng, 0, count - 1))],
         civil_from_days(day)});
  }

  day = days_from_civil({2026, 1, 1}) + between(rng, 0, 30);
  for (int n = between(rng, 1, 24); n > 0; --n) {
    input.dates.push_back(civil_from_days(day));
    day += between(rng, 1, 35);
  }

  constexpr std::array<double, 6> kDensities = {0.0, 0.1, 0.3, 0.6, 0.9, 1.0};
  const double density =
      kDensities[static_cast<std::size_t>(between(rng, 0, static_cast<int>(kDensities.size()) - 1))];
  for (auto& member : input.members) {
    for (const auto& date : input.dates)
      if (chance(rng, density)) member.blocked.push_back(date);
    if (chance(rng, 0.3)) member.blocked.push_back(civil_from_days(days_from_civil(input.dates.front()) - 1));
    std::shuffle(member.blocked.begin(), member.blocked.end(), rng);
  }

  const double pin_rate = std::array<double, 3>{0.0, 0.1, 0.3}[static_cast<std::size_t>(between(rng, 0, 2))];
  for (const auto& date : input.dates) {
    if (!chance(rng, pin_rate)) continue;
    std::vector<std::int64_t> free;
    for (const auto& member : input.members)
      if (std::none_of(member.blocked.begin(), member.blocked.end(),
                       [&](CivilDate b) { return days_from_civil(b) == days_from_civil(date); }))
        free.push_back(member.id);
    if (!free.empty())
      input.pins.push_back(
          {date, free[static_cast<std::size_t>(between(rng, 0, static_cast<int>(free.size()) - 1))]});
  }
  std::shuffle(input.pins.begin(), input.pins.end(), rng);
  return input;
}

bool blocked_on(const RotationMember& member, CivilDate date) {
  return std::any_of(member.blocked.begin(), member.blocked.end(),
                     [&](CivilDate b) { return days_from_civil(b) == days_from_civil(date); });
}

const RotationMember& member_of(const RotationInput& input, std::int64_t id) {
  return *std::find_if(input.members.begin(), input.members.end(),
                       [&](const RotationMember& m) { return m.id == id; });
}

/// Runs `check` on each random plan and its result; stops at the first plan a check fails on.
template <typename Check>
void for_random_plans(Check check) {
  std::mt19937 rng(20260108);
  for (int i = 0; i < kPlans; ++i) {
    const RotationInput input = random_input(rng);
    const auto result = plan_rotation(input);
    ASSERT_TRUE(result.ok()) << "plan " << i << ": " << result.error().message;
    ASSERT_EQ(result->size(), input.dates.size());
    check(input, result.value());
    if (::testing::Test::HasFailure()) {
      ADD_FAILURE() << "first failing plan: " << i;
      return;
    }
  }
}

}  // namespace

TEST(MeetingRotationProperties, NoMemberHostsOnADateItBlocked) {
  for_random_plans([](const RotationInput& input, const std::vector<HostAssignment>& plan) {
    for (const auto& a : plan) {
      const bool everyone_blocked =
          std::all_of(input.members.begin(), input.members.end(),
                      [&](const RotationMember& m) { return blocked_on(m, a.date); });
      // A date goes without a host exactly when every member is blocked.
      EXPECT_EQ(!a.host.has_value(), everyone_blocked) << platform::calendar::format_date(a.date);
      if (a.host) {
        EXPECT_FALSE(blocked_on(member_of(input, *a.host), a.date)) << a.explanation;
      }
    }
  });
}

TEST(MeetingRotationProperties, PinsAreKeptAsGiven) {
  for_random_plans([](const RotationInput& input, const std::vector<HostAssignment>& plan) {
    for (const auto& a : plan) {
      const auto pin = std::find_if(input.pins.begin(), input.pins.end(), [&](const HostPin& p) {
        return days_from_civil(p.date) == days_from_civil(a.date);
      });
      EXPECT_EQ(a.pinned, pin != input.pins.end());
      if (pin != input.pins.end()) {
        EXPECT_EQ(a.host, std::optional<std::int64_t>(pin->host));
      }
    }
  });
}

TEST(MeetingRotationProperties, NobodyHostsTwiceInARoundWhileSomeoneDueIsFree) {
  for_random_plans([](const RotationInput& input, const std::vector<HostAssignment>& plan) {
    // The round, followed independently of the rule: who has hosted since every member last had a turn.
    std::set<std::int64_t> members;
    for (const auto& m : input.members) members.insert(m.id);
    std::set<std::int64_t> round;
    auto hosted = [&](std::int64_t id) {
      if (!members.contains(id)) return;
      round.insert(id);
      if (round.size() == members.size()) round.clear();
    };
    for (const auto& past : input.history) hosted(past.host);
    for (const auto& a : plan) {
      if (a.host && !a.pinned && round.contains(*a.host)) {
        for (const auto& m : input.members)
          EXPECT_FALSE(!round.contains(m.id) && !blocked_on(m, a.date))
              << m.name << " was due and free on " << platform::calendar::format_date(a.date) << ": "
              << a.explanation;
      }
      if (a.host) hosted(*a.host);
    }
  });
}

TEST(MeetingRotationProperties, TheSameInputInAnyOrderGivesTheSamePlan) {
  std::mt19937 shuffle_rng(7);
  for_random_plans([&](const RotationInput& input, const std::vector<HostAssignment>& plan) {
    RotationInput reordered = input;
    std::shuffle(reordered.pins.begin(), reordered.pins.end(), shuffle_rng);
    for (auto& m : reordered.members) std::shuffle(m.blocked.begin(), m.blocked.end(), shuffle_rng);
    for (const auto& again : {plan_rotation(input), plan_rotation(reordered)}) {
      ASSERT_TRUE(again.ok());
      ASSERT_EQ(again->size(), plan.size());
      for (std::size_t i = 0; i < plan.size(); ++i) {
        const HostAssignment& a = again.value()[i];
        EXPECT_EQ(a.host, plan[i].host);
        EXPECT_EQ(a.pinned, plan[i].pinned);
        EXPECT_EQ(a.explanation, plan[i].explanation);
        EXPECT_EQ(days_from_civil(a.date), days_from_civil(plan[i].date));
      }
    }
  });
}

TEST(MeetingRotationProperties, EveryDateIsExplainedInKorean) {
  for_random_plans([](const RotationInput&, const std::vector<HostAssignment>& plan) {
    for (const auto& a : plan) {
      ASSERT_TRUE(is_valid_utf8(a.explanation));
      bool hangul = false;
      for (std::size_t i = 0; i < a.explanation.size();) {
        const char32_t c = decode_utf8_at(a.explanation, i);
        hangul = hangul || (c >= 0xAC00 && c <= 0xD7A3);
      }
      EXPECT_TRUE(hangul) << "‘" << a.explanation << "’";
    }
  });
}

}  // namespace sotong::meetings
