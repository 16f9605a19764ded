#include "modules/meetings/meeting_rotation.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <map>
#include <set>

#include "core/korean_text.hpp"
#include "platform/calendar/holiday.hpp"

namespace sotong::meetings {
namespace {

using platform::calendar::format_date;

std::int64_t day_of(CivilDate date) {
  return days_from_civil(date);
}

/// What the plan knows of each member as it walks through the history and then the dates.
class Roster {
 public:
  explicit Roster(const std::vector<RotationMember>& members)
      : members_(members),
        in_round_(members.size(), false),
        last_turn_(members.size(), -1),
        last_date_(members.size()) {}

  /// One hosting: the member's turn in the round, which starts again once every member has had one.
  void host(std::size_t member, CivilDate date) {
    last_turn_[member] = turns_++;
    last_date_[member] = date;
    if (in_round_[member]) return;
    in_round_[member] = true;
    if (++hosted_in_round_ < members_.size()) return;
    std::fill(in_round_.begin(), in_round_.end(), false);
    hosted_in_round_ = 0;
  }

  std::size_t size() const { return members_.size(); }
  bool in_round(std::size_t member) const { return in_round_[member]; }
  bool ever_hosted(std::size_t member) const { return last_turn_[member] >= 0; }
  const std::string& name(std::size_t member) const { return members_[member].name; }
  CivilDate last_date(std::size_t member) const { return last_date_[member]; }
  std::size_t due_count() const { return members_.size() - hosted_in_round_; }

  /// Least recently hosted first (never hosted before all), then the stable order.
  bool before(std::size_t a, std::size_t b) const {
    return last_turn_[a] != last_turn_[b] ? last_turn_[a] < last_turn_[b] : a < b;
  }

 private:
  const std::vector<RotationMember>& members_;
  std::vector<bool> in_round_;
  std::vector<std::int64_t> last_turn_;  // -1: never hosted
  std::vector<CivilDate> last_date_;
  std::int64_t turns_ = 0;
  std::size_t hosted_in_round_ = 0;
};

/// The input, checked and indexed: member positions by id, blocked days, pins by day.
struct Plan {
  std::map<std::int64_t, std::size_t> position;
  std::vector<std::set<std::int64_t>> blocked;  // per member, day numbers
  std::map<std::int64_t, std::size_t> pinned;   // day → member
  std::vector<std::int64_t> last_pinned_day;    // per member; the lowest value when never pinned
};

Result<Plan> read_input(const RotationInput& input) {
  if (input.members.empty()) return Error::invalid("개최 순번을 정할 회원 기관이 없습니다.");
  Plan plan;
  plan.blocked.resize(input.members.size());
  plan.last_pinned_day.assign(input.members.size(), std::numeric_limits<std::int64_t>::min());
  for (std::size_t i = 0; i < input.members.size(); ++i) {
    const auto& member = input.members[i];
    if (!plan.position.emplace(member.id, i).second)
      return Error::invalid(with_particle(member.name, "이/가") + " 회원 기관 목록에 두 번 들어 있습니다.");
    for (const auto& date : member.blocked) plan.blocked[i].insert(day_of(date));
  }
  std::set<std::int64_t> days;
  for (std::size_t k = 0; k < input.dates.size(); ++k) {
    if (k > 0 && day_of(input.dates[k]) <= day_of(input.dates[k - 1]))
      return Error::invalid("회의 날짜는 앞선 날짜부터 겹치지 않게 주어야 합니다(" +
                            format_date(input.dates[k]) + ").");
    days.insert(day_of(input.dates[k]));
  }
  for (const auto& pin : input.pins) {
    const std::string date = format_date(pin.date);
    const std::int64_t day = day_of(pin.date);
    if (!days.contains(day))
      return Error::invalid(with_particle(date, "은/는") + " 이 계획의 회의 날짜가 아닙니다.");
    const auto member = plan.position.find(pin.host);
    if (member == plan.position.end())
      return Error::invalid(date + "에 지정한 " +
                            with_particle("개최 기관(번호 " + std::to_string(pin.host) + ")", "은/는") +
                            " 회원 기관이 아닙니다.");
    if (!plan.pinned.emplace(day, member->second).second)
      return Error::invalid(date + "의 개최 기관이 두 번 지정되어 있습니다.");
    if (plan.blocked[member->second].contains(day))
      return Error::conflict(with_particle(input.members[member->second].name, "은/는") + " " + date +
                             "에 개최 불가 일정이 있어 이 날 개최 기관으로 정할 수 없습니다.");
    plan.last_pinned_day[member->second] = std::max(plan.last_pinned_day[member->second], day);
  }
  return plan;
}

/// "김제시·부안군", with the particle the last name takes.
std::string names_with(const Roster& roster, const std::vector<std::size_t>& members, std::string_view pair) {
  std::string names;
  for (std::size_t member : members) names += (names.empty() ? "" : "·") + roster.name(member);
  return with_particle(names, pair);
}

std::string join(const std::vector<std::string>& sentences) {
  std::string text;
  for (const auto& sentence : sentences) text += (text.empty() ? "" : ". ") + sentence;
  return text;
}

/// The members a choice was made among, sorted best first.
struct Tier {
  std::vector<std::size_t> members;
  bool due = false;
};

/// Why the first of an ordered group of due members was chosen.
std::string due_reason(const Roster& roster, const Tier& tier) {
  const std::size_t chosen = tier.members.front();
  // Alone in its tier: either the round's last member, or the others still due are blocked or pinned later.
  if (tier.members.size() == 1)
    return roster.due_count() > 1 ? "이번 순번에서 아직 개최하지 않은 곳 중 이 날 개최할 수 있는 유일한 곳"
                                  : "이번 순번에서 아직 개최하지 않은 마지막 곳";
  std::string reason = "이번 순번에서 아직 개최하지 않은 " + std::to_string(tier.members.size()) + "곳 중 ";
  if (roster.ever_hosted(chosen))
    return reason + "가장 오래전에 개최한 곳(" + format_date(roster.last_date(chosen)) + " 개최)";
  if (!roster.ever_hosted(tier.members[1]))
    return reason + "개최한 적이 없는 곳 가운데 기관 순서가 가장 앞선 곳";
  return reason + "개최한 적이 없는 곳";
}

/// A choice for a date that is not pinned: the member's position, or none, and why.
struct Choice {
  std::optional<std::size_t> member;
  std::string explanation;
};

Choice choose(const Roster& roster, const Plan& plan, CivilDate date) {
  const std::int64_t day = day_of(date);
  // Four tiers, best first: due and not pinned later, due and pinned later, then the same for members that
  // already hosted in this round (reached only when every due member is blocked). A member pinned to a later
  // date goes last within its tier, as its pin will be its turn.
  std::array<Tier, 4> tiers;
  std::vector<std::size_t> blocked_due;
  for (std::size_t m = 0; m < roster.size(); ++m) {
    const bool due = !roster.in_round(m);
    if (plan.blocked[m].contains(day)) {
      if (due) blocked_due.push_back(m);
      continue;
    }
    const bool pinned_later = plan.last_pinned_day[m] > day;
    tiers[(due ? 0 : 2) + (pinned_later ? 1 : 0)].members.push_back(m);
  }
  for (std::size_t t = 0; t < tiers.size(); ++t) {
    tiers[t].due = t < 2;
    std::sort(tiers[t].members.begin(), tiers[t].members.end(),
              [&](std::size_t a, std::size_t b) { return roster.before(a, b); });
  }
  const auto found =
      std::find_if(tiers.begin(), tiers.end(), [](const Tier& t) { return !t.members.empty(); });
  if (found == tiers.end())
    return {std::nullopt, "모든 회원 기관이 이 날 개최 불가라 개최 기관을 정하지 못함"};

  const auto t = static_cast<std::size_t>(found - tiers.begin());
  const Tier& tier = tiers[t];
  const std::size_t chosen = tier.members.front();
  const bool pinned_chosen = t % 2 == 1;
  const bool pinned_skipped = !pinned_chosen && !tiers[t + 1].members.empty();
  std::vector<std::string> sentences;
  if (tier.due) {
    sentences.push_back(due_reason(roster, tier));
    if (!blocked_due.empty())
      sentences.push_back(names_with(roster, blocked_due, "은/는") + " 이 날 개최 불가 일정으로 제외");
  } else {
    sentences.push_back("순번이 남은 " + names_with(roster, blocked_due, "이/가") +
                        (blocked_due.size() > 1 ? " 모두" : "") +
                        " 이 날 개최 불가라 이미 개최한 곳 중 가장 오래전에 개최한 곳으로 정함(" +
                        format_date(roster.last_date(chosen)) + " 개최)");
  }
  if (pinned_skipped)
    sentences.push_back(names_with(roster, tiers[t + 1].members, "은/는") +
                        " 뒤 날짜에 개최하도록 지정되어 있어 이번에는 제외");
  if (pinned_chosen)
    sentences.push_back(std::string(tier.due ? "순번이 남은 곳 중 " : "") +
                        "이 날 개최할 수 있는 곳은 모두 뒤 날짜에도 지정된 곳");
  return {chosen, join(sentences)};
}

}  // namespace

Result<std::vector<HostAssignment>> plan_rotation(const RotationInput& input) {
  auto plan = read_input(input);
  if (!plan.ok()) return plan.error();
  Roster roster(input.members);
  for (const auto& past : input.history)
    if (auto member = plan->position.find(past.host); member != plan->position.end())
      roster.host(member->second, past.date);

  std::vector<HostAssignment> assignments;
  assignments.reserve(input.dates.size());
  for (const auto& date : input.dates) {
    if (auto pin = plan->pinned.find(day_of(date)); pin != plan->pinned.end()) {
      const std::size_t member = pin->second;
      assignments.push_back(
          {date, input.members[member].id, true,
           roster.in_round(member) ? "담당자가 지정(이번 순번에서 이미 개최한 곳)" : "담당자가 지정"});
      roster.host(member, date);
      continue;
    }
    Choice choice = choose(roster, *plan, date);
    std::optional<std::int64_t> host;
    if (choice.member) {
      host = input.members[*choice.member].id;
      roster.host(*choice.member, date);
    }
    assignments.push_back({date, host, false, std::move(choice.explanation)});
  }
  return assignments;
}

}  // namespace sotong::meetings
