#include "modules/suggestions/suggestion_demo.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "modules/suggestions/suggestion_deadlines.hpp"
#include "modules/suggestions/suggestion_handling_rules.hpp"
#include "platform/calendar/holiday.hpp"

namespace sotong::suggestions {
namespace {

using platform::calendar::HolidayKind;
using platform::calendar::WorkingCalendar;

// A Wednesday morning in December 2026, Korean time; the calendar knows the autumn's holidays.
const Timestamp kNow = seoul_day_start({2026, 12, 2}) + 10 * 3600;

WorkingCalendar calendar() {
  return WorkingCalendar({{{2026, 9, 24}, "추석 전날", HolidayKind::statutory},
                          {{2026, 9, 25}, "추석", HolidayKind::statutory},
                          {{2026, 9, 26}, "추석 다음날", HolidayKind::statutory},
                          {{2026, 10, 3}, "개천절", HolidayKind::statutory},
                          {{2026, 10, 5}, "대체공휴일(개천절)", HolidayKind::substitute},
                          {{2026, 10, 9}, "한글날", HolidayKind::statutory}});
}

/// Every organisation the topics name, as the platform would describe it, with one officer for each 시·군,
/// officers for 기획조정실 and 경제산업국, and the coordinator.
SampleCast cast() {
  SampleCast out;
  std::int64_t next = 10;
  auto add = [&](std::string_view code) {
    if (code.empty() || out.organizations.contains(code)) return;
    const std::int64_t id = next++;
    OrganizationRef ref{id, std::string(code) + " 이름", "/1/" + std::to_string(id) + "/"};
    out.organizations.emplace(std::string(code), ref);
    if (code.starts_with("52000-B")) out.bureaus.push_back(ref);
    if (code.starts_with("A-")) out.agencies.push_back(ref);
  };
  auto add_all = [&](std::string_view codes) {
    while (!codes.empty()) {
      const auto space = codes.find(' ');
      add(codes.substr(0, space));
      if (space == std::string_view::npos) break;
      codes.remove_prefix(space + 1);
    }
  };
  for (const auto& t : sample_topics()) {
    add_all(t.municipality);
    add_all(t.lead);
    add_all(t.concerned);
    add_all(t.cooperating);
  }
  for (auto code : {"52000-B02", "A-KRC", "A-POLICE", "A-JIRI"}) add(code);
  std::int64_t account = 100;
  for (const auto& [code, ref] : out.organizations)
    if (!code.starts_with("52000") && !code.starts_with("A-"))
      out.filers[ref.id].push_back({account++, ref.id, "officer" + code});
  out.bureau_officers[out.organizations.at("52000-B01").id] = {1, out.organizations.at("52000-B01").id,
                                                               "planning"};
  out.bureau_officers[out.organizations.at("52000-B04").id] = {2, out.organizations.at("52000-B04").id,
                                                               "economy"};
  out.coordinator = {3, 999, "coordinator"};
  return out;
}

bool is_outcome_action(std::string_view kind) {
  return kind == "resolve" || kind == "resolve_partly" || kind == "defer" || kind == "reject";
}

/// Checks one sample against the life cycle, the deadline rules and its own milestones; every failure names
/// the sample's title.
void expect_consistent(const Sample& s, const SampleCast& cast) {
  const auto& r = s.record;
  SCOPED_TRACE(r.title + " → " + std::string(state_code(r.state)));
  State current = State::draft;
  std::optional<Timestamp> submitted, adopted, outcome, answered, closed;
  Timestamp previous = r.created_at - 1;
  int extensions = 0, appeals = 0;
  std::optional<int> progress;
  std::optional<int> rating;
  for (const auto& e : s.events) {
    EXPECT_GT(e.created_at, previous) << e.kind << ": the timeline's moments increase";
    previous = e.created_at;
    EXPECT_LT(e.created_at, kNow) << e.kind;
    EXPECT_NE(e.actor_id, 0) << e.kind;
    if (e.from_state || e.to_state) {
      ASSERT_TRUE(e.from_state && e.to_state) << e.kind;
      EXPECT_EQ(*e.from_state, current) << e.kind << " starts where the last one ended";
      const auto action = action_from_code(e.kind);
      ASSERT_TRUE(action) << e.kind;
      const auto& table = transitions();
      const bool legal = std::any_of(table.begin(), table.end(), [&](const Transition& t) {
        return t.from == current && t.action == *action && t.to == *e.to_state;
      });
      EXPECT_TRUE(legal) << state_code(current) << " --" << e.kind << "--> " << state_code(*e.to_state);
      current = *e.to_state;
      if (*action == Action::submit) submitted = e.created_at;
      if (*action == Action::adopt && !adopted) adopted = e.created_at;
      if (is_outcome_action(e.kind)) outcome = e.created_at;
      if (*action == Action::answer && !answered) answered = e.created_at;
      if (*action == Action::close) closed = e.created_at;
      if (*action == Action::appeal || *action == Action::reopen) {
        closed.reset();
        rating.reset();
      }
      if (*action == Action::appeal) ++appeals;
    } else if (e.kind == "extend") {
      ++extensions;
      EXPECT_TRUE(current == State::adopted || current == State::in_progress) << "extended while carried";
      EXPECT_FALSE(e.body.empty()) << "an extension has its reason";
      const auto arrow = e.detail.find(" → ");
      ASSERT_NE(arrow, std::string::npos) << e.detail;
      EXPECT_LT(e.detail.substr(0, arrow), e.detail.substr(arrow + 5)) << "to a later date";
    } else if (e.kind == "progress") {
      EXPECT_EQ(current, State::in_progress);
      ASSERT_TRUE(e.percent);
      EXPECT_TRUE(*e.percent >= 0 && *e.percent <= 100);
      if (progress) {
        EXPECT_GT(*e.percent, *progress) << "each report further than the last";
      }
      progress = e.percent;
    } else if (e.kind == "rate") {
      EXPECT_TRUE(current == State::answered || current == State::closed) << "rated after the answer";
      rating = std::stoi(e.detail);
    } else if (e.kind == "note") {
      EXPECT_TRUE(e.internal);
      EXPECT_NE(current, State::draft);
      if (e.body.starts_with("@")) {
        const auto login = e.body.substr(1, e.body.find(' ') - 1);
        bool reachable = login == cast.coordinator.login;
        for (const auto& [bureau, officer] : cast.bureau_officers)
          reachable = reachable || (officer.login == login && r.lead_bureau && r.lead_bureau->id == bureau);
        EXPECT_TRUE(reachable) << "@" << login << " may read the note";
      }
    } else {
      EXPECT_TRUE(e.kind == "transfer" || e.kind == "reassign") << e.kind;
      EXPECT_TRUE(current == State::adopted || current == State::in_progress) << e.kind;
    }
    if (e.kind != "note") {
      EXPECT_FALSE(e.internal) << e.kind;
    }
  }
  EXPECT_EQ(current, r.state) << "the timeline ends in the record's state";
  EXPECT_EQ(r.submitted_at, submitted);
  EXPECT_EQ(r.adopted_at, adopted);
  EXPECT_EQ(r.outcome_at, outcome);
  EXPECT_EQ(r.answered_at, answered);
  EXPECT_EQ(r.closed_at, r.state == State::closed ? closed : std::nullopt);
  EXPECT_EQ(r.extensions, extensions);
  EXPECT_LE(r.extensions, kMaxExtensions);
  EXPECT_LE(appeals, 1);
  EXPECT_EQ(r.appealed, appeals == 1);
  EXPECT_EQ(r.satisfaction, rating);
  if (r.satisfaction) {
    EXPECT_TRUE(*r.satisfaction >= 1 && *r.satisfaction <= 5);
  }
  if (progress) {
    EXPECT_EQ(r.progress, *progress);
  }
  if (r.state == State::adopted || r.state == State::in_progress) {
    EXPECT_TRUE(r.lead_bureau && r.due_date) << "carried by a lead, with a due date";
    EXPECT_TRUE(r.working_days >= 1 && r.working_days <= kMaxWorkingDays);
  }
  if (r.state == State::answered || r.state == State::closed) {
    EXPECT_FALSE(r.answer.empty());
  }
  EXPECT_EQ(r.updated_at, s.events.empty() ? r.created_at : s.events.back().created_at);
  EXPECT_LE(r.created_at, r.updated_at);
}

std::vector<Sample> demo(const SampleCast& c) {
  const auto cal = calendar();
  SampleRandom random(7);
  std::vector<Sample> out;
  for (const auto& plan : demo_plans(cal, seoul_date(kNow)))
    out.push_back(make_sample(plan, c, cal, kNow, random));
  return out;
}

std::size_t count_events(const std::vector<Sample>& samples, std::string_view kind) {
  std::size_t n = 0;
  for (const auto& s : samples)
    n += static_cast<std::size_t>(
        std::count_if(s.events.begin(), s.events.end(), [&](const Event& e) { return e.kind == kind; }));
  return n;
}

}  // namespace

TEST(SuggestionDemo, EverySampleFollowsTheLifeCycleAndItsMilestonesAgreeWithTheTimeline) {
  const auto c = cast();
  for (const auto& s : demo(c)) expect_consistent(s, c);
}

TEST(SuggestionDemo, AYearFromAllFourteenMunicipalitiesInEveryStateWithItsExamples) {
  const auto c = cast();
  const auto samples = demo(c);
  EXPECT_GE(samples.size(), 120U);
  EXPECT_LE(samples.size(), 160U);
  std::set<State> states;
  std::set<std::int64_t> filers;
  std::set<Domain> domains;
  std::set<std::int64_t> leads;
  int overdue = 0, in_time = 0, meetings = 0, several = 0, cooperating = 0, reviews_soon = 0,
      twice_extended = 0;
  int answered_twice = 0, drafts = 0;
  const CivilDate today = seoul_date(kNow);
  for (const auto& s : samples) {
    const auto& r = s.record;
    states.insert(r.state);
    filers.insert(r.organization.id);
    domains.insert(r.domain);
    if (r.lead_bureau) leads.insert(r.lead_bureau->id);
    EXPECT_GE(r.created_at, kNow - 366 * 86400) << r.title << ": within the last twelve months";
    if (r.state == State::adopted || r.state == State::in_progress)
      (is_overdue(*r.due_date, today) ? overdue : in_time) += 1;
    meetings += r.channel != Channel::direct;
    several += !r.concerned.empty();
    cooperating += !r.cooperating.empty();
    twice_extended += r.extensions == 2;
    drafts += r.state == State::draft;
    if (r.next_review && (r.state == State::adopted || r.state == State::in_progress) &&
        days_from_civil(*r.next_review) >= days_from_civil(today))
      ++reviews_soon;
    answered_twice += std::count_if(s.events.begin(), s.events.end(),
                                    [](const Event& e) { return e.kind == "answer"; }) >= 2;
  }
  EXPECT_EQ(states.size(), 11U) << "every state, drafts included";
  EXPECT_EQ(filers.size(), 14U) << "all 14 시·군 filed";
  EXPECT_EQ(domains.size(), 6U);
  EXPECT_GE(leads.size(), 8U) << "led across the bureaus";
  EXPECT_GE(overdue, 3);
  EXPECT_GE(in_time, 3);
  EXPECT_GE(meetings, 4);
  EXPECT_GE(several, 5);
  EXPECT_GE(cooperating, 3);
  EXPECT_GE(reviews_soon, 3);
  EXPECT_GE(twice_extended, 2);
  EXPECT_GE(answered_twice, 2) << "the appeal and the reopening were answered again";
  EXPECT_GE(drafts, 3);
  EXPECT_EQ(count_events(samples, "transfer"), 1U);
  EXPECT_EQ(count_events(samples, "appeal"), 1U);
  EXPECT_GE(count_events(samples, "reopen"), 1U);
  EXPECT_GE(count_events(samples, "rate"), 20U);
  EXPECT_GE(count_events(samples, "note"), 20U);
  EXPECT_GE(count_events(samples, "progress"), 20U);
}

TEST(SuggestionDemo, TheSameDayGivesTheSameDemo) {
  const auto c = cast();
  const auto first = demo(c), second = demo(c);
  ASSERT_EQ(first.size(), second.size());
  for (std::size_t i = 0; i < first.size(); ++i) {
    EXPECT_EQ(first[i].record.title, second[i].record.title);
    EXPECT_EQ(first[i].record.state, second[i].record.state);
    EXPECT_EQ(first[i].record.updated_at, second[i].record.updated_at);
    EXPECT_EQ(first[i].events.size(), second[i].events.size());
  }
}

TEST(SuggestionDemo, IndexedTextsAvoidTheWordsTheSearchSuitesCount) {
  // tests/http/search.test.mjs and tests/browser/search.test.mjs count what 예산, 협력 and 기관 find on the
  // shared demo database, and expect the organisation 전북연구원 and 전주시 on a first page.
  int jeonju = 0;
  for (const auto& t : sample_topics()) {
    for (auto text : {t.title, t.content})
      for (auto word : {"예산", "협력", "기관"}) EXPECT_EQ(text.find(word), std::string_view::npos) << text;
    EXPECT_EQ(t.title.find("연구"), std::string_view::npos) << t.title;
    jeonju += t.title.find("전주") != std::string_view::npos;
  }
  EXPECT_LE(jeonju, 3);
}

TEST(SuggestionGenerator, ThousandsOfSamplesOverThreeYearsEachConsistent) {
  const auto c = cast();
  const auto cal = calendar();
  std::vector<const SampleTopic*> topics;
  for (const auto& t : sample_topics()) topics.push_back(&t);
  SampleRandom random(13);
  std::map<State, int> states;
  Timestamp oldest = kNow;
  for (int i = 0; i < 3000; ++i) {
    const auto plan = generated_plan(random, topics, cal, seoul_date(kNow));
    const auto s = make_sample(plan, c, cal, kNow, random);
    expect_consistent(s, c);
    ++states[s.record.state];
    oldest = std::min(oldest, s.record.created_at);
    if (HasFailure()) return;  // one broken sample tells enough
  }
  EXPECT_EQ(states.size(), 11U) << "every state";
  EXPECT_GT(states[State::closed], states[State::received]) << "old matters are mostly closed";
  EXPECT_LT(oldest, kNow - 2 * 365 * 86400) << "spread over three years";
  EXPECT_GT(oldest, kNow - 3 * 366 * 86400 - 14 * 86400);
}

}  // namespace sotong::suggestions
