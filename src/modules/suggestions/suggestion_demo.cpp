#include "modules/suggestions/suggestion_demo.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <stdexcept>
#include <string>

#include "modules/suggestions/suggestion_directory.hpp"
#include "modules/suggestions/suggestion_service.hpp"
#include "modules/suggestions/suggestion_store.hpp"
#include "platform/calendar/calendar_service.hpp"

namespace sotong::suggestions {
namespace {

using platform::calendar::WorkingCalendar;

// Fixed seeds: the demo tells the same year every time (relative to today), the generator the same three.
constexpr std::uint64_t kDemoSeed = 0x5eed'2026'0013ULL;
constexpr std::uint64_t kGeneratorSeed = 0x5eed'2026'1313ULL;
/// Generated suggestions per transaction: large enough that commits cost little, small enough to keep a
/// transaction's memory modest.
constexpr std::int64_t kBatch = 1000;
/// About three years of working days.
constexpr int kGeneratedWorkingDays = 745;

struct StateCount {
  State state;
  int count;
};

/// How many demo topics end in each state: many carried or answered, enough of each to fill every view.
constexpr std::array<StateCount, 11> kDemoStates = {{
    {State::draft, 6},
    {State::received, 12},
    {State::reviewing, 12},
    {State::adopted, 12},
    {State::in_progress, 28},
    {State::resolved, 6},
    {State::partly_resolved, 5},
    {State::long_term, 7},
    {State::rejected, 7},
    {State::answered, 22},
    {State::closed, 25},
}};

/// A matter the demo tells on purpose, so that each screen has its example; the other topics are drawn.
struct Story {
  std::string_view title;
  State state;
  Channel channel = Channel::direct;
  bool overdue = false;
  bool appeal = false;
  bool reopen = false;
  bool transfer = false;
  std::string_view reassign_to;
  int extensions = 0;
  int notes = 1;
};

constexpr std::array<Story, 19> kStories = {{
    {.title = "농업용수로 노후 구간 정비", .state = State::in_progress, .transfer = true, .notes = 2},
    {.title = "갯벌 보전 어업인 소득 보전 제도 마련", .state = State::answered, .appeal = true},
    {.title = "로컬푸드 직매장 물류센터 증설 지원", .state = State::closed, .reopen = true},
    {.title = "한옥마을 주말 주차난 해소를 위한 환승 셔틀버스 운행 지원",
     .state = State::in_progress,
     .extensions = 2,
     .notes = 2},
    {.title = "시 본청과 구청에 대한 중복 보고 서식 통합", .state = State::draft, .notes = 0},
    {.title = "대규모 축제 안전관리계획 심의 절차 간소화", .state = State::received, .notes = 0},
    {.title = "인구감소지역 생활인구 확대를 위한 특례 발굴",
     .state = State::in_progress,
     .channel = Channel::policy_council,
     .extensions = 1,
     .notes = 2},
    {.title = "전북권 광역교통망 구축 계획 수립",
     .state = State::adopted,
     .channel = Channel::planning_directors},
    {.title = "군산조선소 재가동에 맞춘 조선 기능인력 양성 과정 확대", .state = State::closed},
    {.title = "도·시 공동 공공데이터 개방 플랫폼 구축",
     .state = State::in_progress,
     .reassign_to = "52000-B02"},
    {.title = "새만금 신항 진입도로 조기 개설",
     .state = State::in_progress,
     .channel = Channel::vice_mayors,
     .overdue = true,
     .extensions = 1},
    {.title = "지방소멸대응기금 배분 기준 개선", .state = State::answered, .channel = Channel::vice_mayors},
    {.title = "새만금 수변도시 광역 상수도 공급 시기 조정",
     .state = State::in_progress,
     .overdue = true,
     .extensions = 2},
    {.title = "태권도원 연계 체류형 관광 상품 개발", .state = State::closed},
    {.title = "순창 장류 산업 특구 수출 지원", .state = State::answered, .notes = 0},
    {.title = "내장산 단풍철 교통 혼잡 해소를 위한 임시 주차장 확충", .state = State::closed},
    {.title = "군 재정 부담을 줄이는 도비 보조율 상향", .state = State::in_progress, .overdue = true},
    {.title = "탄소소재 국가산업단지 입주 기업 전력·용수 공급시설 조기 확충", .state = State::in_progress},
    {.title = "고창 갯벌 세계유산 보전 관리 체계 구축", .state = State::adopted, .notes = 2},
}};

constexpr std::array<Channel, 5> kMeetings = {Channel::policy_council, Channel::vice_mayors,
                                              Channel::planning_directors, Channel::bureau_meeting,
                                              Channel::ad_hoc};

bool demo_in_hand(State s) {
  return s == State::adopted || s == State::in_progress;
}

/// How many working days before today a demo matter in `state` was filed: recent while it waits, older once
/// settled; an overdue one long enough ago that its clock has run out, an appealed or reopened one long
/// enough to have gone round twice. Within the last twelve months (about 248 working days).
std::pair<int, int> demo_age(const SamplePlan& plan) {
  if (plan.appeal || plan.reopen) return {150, 240};
  switch (plan.state) {
    case State::draft:
      return {1, 12};
    case State::received:
      return {1, 8};
    case State::reviewing:
      return {3, 25};
    case State::adopted:
      return plan.overdue ? std::pair{45, 80} : std::pair{10, 50};
    case State::in_progress:
      return plan.overdue ? std::pair{70, 200} : std::pair{25, 90};
    case State::resolved:
    case State::partly_resolved:
      return {50, 200};
    case State::long_term:
    case State::rejected:
      return {20, 230};
    case State::answered:
      return {50, 230};
    case State::closed:
      return {80, 245};
  }
  return {1, 245};
}

const SampleTopic* topic_titled(std::string_view title) {
  for (const auto& t : sample_topics())
    if (t.title == title) return &t;
  throw std::logic_error("demo story names no sample topic: " + std::string(title));
}

/// The choices a drawn plan leaves to chance: a meeting channel now and then, deadlines missed and
/// extended, notes, whether the answer was rated. `extend_share` is the percentage extended at all.
void draw_details(SamplePlan& plan, SampleRandom& random, int extend_share) {
  if (random.chance(10)) plan.channel = random.pick(std::span<const Channel>(kMeetings));
  const bool carried =
      plan.state != State::draft && plan.state != State::received && plan.state != State::reviewing;
  if (demo_in_hand(plan.state)) plan.overdue = random.chance(35);
  if (carried && random.chance(extend_share)) plan.extensions = random.chance(25) ? 2 : 1;
  plan.notes = plan.state == State::draft ? 0 : random.between(0, 2);
  if (plan.state == State::answered) plan.rated = random.chance(60);
  if (plan.state == State::closed) plan.rated = random.chance(85);
}

CivilDate filed_before(const WorkingCalendar& calendar, CivilDate today, int working_days) {
  return calendar.add_working_days(today, -std::max(working_days, 1));
}

/// State weights for a matter filed `age` working days ago: the young wait, the old are mostly closed.
State state_for_age(SampleRandom& random, int age) {
  struct Share {
    State state;
    int weight;
  };
  static const std::vector<Share> kYoung = {
      {State::draft, 10}, {State::received, 55}, {State::reviewing, 25}, {State::rejected, 10}};
  static const std::vector<Share> kEarly = {{State::received, 10}, {State::reviewing, 20},
                                            {State::adopted, 25},  {State::in_progress, 30},
                                            {State::rejected, 8},  {State::long_term, 7}};
  static const std::vector<Share> kMiddle = {
      {State::adopted, 4},   {State::in_progress, 36}, {State::resolved, 8},  {State::partly_resolved, 6},
      {State::long_term, 4}, {State::rejected, 4},     {State::answered, 20}, {State::closed, 18}};
  static const std::vector<Share> kOld = {
      {State::in_progress, 6}, {State::resolved, 2},  {State::partly_resolved, 2}, {State::long_term, 3},
      {State::rejected, 2},    {State::answered, 15}, {State::closed, 70}};
  const auto& shares = age <= 10 ? kYoung : age <= 40 ? kEarly : age <= 120 ? kMiddle : kOld;
  int total = 0;
  for (const auto& s : shares) total += s.weight;
  int roll = random.between(0, total - 1);
  for (const auto& s : shares) {
    if (roll < s.weight) return s.state;
    roll -= s.weight;
  }
  return shares.back().state;
}

/// The organisations and people the samples name, as the platform has them; nullopt without a coordinator or
/// any 시·군 officer (the demo accounts are missing).
std::optional<SampleCast> read_cast(store::Connection& c) {
  const auto directory = Directory::load(c);
  SampleCast cast;
  for (const auto& o : directory.all()) {
    if (!o.active) continue;
    const OrganizationRef ref{o.id, o.name, o.path};
    cast.organizations.emplace(o.code, ref);
    if (o.kind == platform::OrganizationKind::bureau) cast.bureaus.push_back(ref);
    if (o.kind == platform::OrganizationKind::agency) cast.agencies.push_back(ref);
  }
  for (const auto& officer : officers_with_role(c, Role::municipal))
    if (const auto municipality = directory.municipality_of(officer.organization_id))
      cast.filers[municipality].push_back({officer.id, officer.organization_id, officer.login});
  for (const auto& officer : officers_with_role(c, Role::bureau))
    if (const auto bureau = directory.bureau_of(officer.organization_id))
      cast.bureau_officers.emplace(bureau, SampleOfficer{officer.id, officer.organization_id, officer.login});
  const auto coordinators = officers_with_role(c, Role::coordinator);
  if (coordinators.empty() || cast.filers.empty()) return std::nullopt;
  const auto& coordinator = coordinators.front();
  cast.coordinator = {coordinator.id, coordinator.organization_id, coordinator.login};
  return cast;
}

/// Whether every organisation the topic names exists and its 시·군 has an officer to file it.
bool castable(const SampleTopic& topic, const SampleCast& cast) {
  auto known = [&](std::string_view codes) {
    while (!codes.empty()) {
      const auto space = codes.find(' ');
      const auto code = codes.substr(0, space);
      if (!code.empty() && !cast.organizations.contains(code)) return false;
      if (space == std::string_view::npos) break;
      codes.remove_prefix(space + 1);
    }
    return true;
  };
  if (!known(topic.municipality) || !known(topic.lead) || !known(topic.concerned) ||
      !known(topic.cooperating))
    return false;
  return cast.filers.contains(cast.organizations.find(topic.municipality)->second.id);
}

/// Stores the sample — record, timeline, search document — on the caller's transaction.
void write_sample(store::Connection& c, Sample& sample) {
  // What the figures read besides the milestones, as the handling would have kept it: the outcome last
  // decided (none once reopened or appealed back into review) and when the standing rating was given.
  for (const auto& e : sample.events) {
    if (e.to_state && is_outcome(*e.to_state)) sample.record.outcome = e.to_state;
    if (e.to_state == State::reviewing) sample.record.outcome.reset();
    if (e.kind == "rate") sample.record.rated_at = e.created_at;
    if (e.kind == "appeal" || e.kind == "reopen") sample.record.rated_at.reset();
  }
  if (!sample.record.satisfaction) sample.record.rated_at.reset();
  sample.record.id = suggestion_store::insert_whole(c, sample.record);
  for (auto& e : sample.events) {
    e.suggestion_id = sample.record.id;
    suggestion_store::insert_event(c, e);
  }
  index_for_search(c, sample.record);  // drafts are left out there
}

}  // namespace

std::vector<SamplePlan> demo_plans(const WorkingCalendar& calendar, CivilDate today) {
  SampleRandom random(kDemoSeed);
  std::vector<SamplePlan> plans;
  std::array<int, 11> left{};
  for (std::size_t i = 0; i < kDemoStates.size(); ++i) left[i] = kDemoStates[i].count;
  auto take = [&](State s) {
    for (std::size_t i = 0; i < kDemoStates.size(); ++i)
      if (kDemoStates[i].state == s && left[i] > 0) --left[i];
  };
  std::vector<const SampleTopic*> told;
  for (const auto& story : kStories) {
    SamplePlan plan;
    plan.topic = topic_titled(story.title);
    plan.state = story.state;
    plan.channel = story.channel;
    plan.overdue = story.overdue;
    plan.appeal = story.appeal;
    plan.reopen = story.reopen;
    plan.transfer = story.transfer;
    plan.reassign = !story.reassign_to.empty();
    plan.reassign_to = story.reassign_to;
    plan.extensions = story.extensions;
    plan.notes = story.notes;
    take(plan.state);
    told.push_back(plan.topic);
    plans.push_back(plan);
  }
  // The other topics share the states left, in an order the seed shuffles.
  std::vector<State> states;
  for (std::size_t i = 0; i < kDemoStates.size(); ++i)
    states.insert(states.end(), left[i], kDemoStates[i].state);
  for (std::size_t i = states.size(); i > 1; --i)
    std::swap(states[i - 1], states[static_cast<std::size_t>(random.between(0, static_cast<int>(i) - 1))]);
  std::size_t next = 0;
  for (const auto& topic : sample_topics()) {
    if (std::find(told.begin(), told.end(), &topic) != told.end()) continue;
    SamplePlan plan;
    plan.topic = &topic;
    plan.state = next < states.size() ? states[next++] : State::closed;
    draw_details(plan, random, 20);
    plans.push_back(plan);
  }
  for (auto& plan : plans) {
    const auto [low, high] = demo_age(plan);
    plan.filed = filed_before(calendar, today, random.between(low, high));
  }
  return plans;
}

SamplePlan generated_plan(SampleRandom& random, std::span<const SampleTopic* const> topics,
                          const WorkingCalendar& calendar, CivilDate today) {
  SamplePlan plan;
  plan.topic = random.pick(topics);
  // Most titles as written; some matters come back a second time.
  if (random.chance(30)) plan.title_suffix = std::string(random.pick(title_suffixes()));
  const int age = random.between(1, kGeneratedWorkingDays);
  plan.state = state_for_age(random, age);
  plan.filed = filed_before(calendar, today, age);
  draw_details(plan, random, 20);
  if (demo_in_hand(plan.state) && age > 100) plan.overdue = true;  // its clock ran out long ago
  const bool answered = plan.state == State::answered || plan.state == State::closed;
  if (answered && age > 120 && random.chance(3)) plan.appeal = true;
  if (answered && age > 120 && !plan.appeal && random.chance(2)) plan.reopen = true;
  if (plan.state != State::draft && random.chance(2)) plan.transfer = true;
  if (plan.state != State::draft && !plan.transfer && random.chance(2)) plan.reassign = true;
  return plan;
}

void load_demo_suggestions(store::Database& db) {
  db.write([](store::Connection& c) {
    if (suggestion_store::count_all(c) > 0) return 0;  // loaded before, or a real installation's own
    const auto cast = read_cast(c);
    if (!cast) throw std::runtime_error("demo suggestions need the demo organisations and accounts");
    const auto calendar = platform::calendar::load(c);
    const Timestamp at = now();
    SampleRandom random(kDemoSeed);
    // Written in the order they were filed, as a real year fills the table: ids rise with the filing date, so
    // "most recent first" reads as it should.
    auto plans = demo_plans(calendar, seoul_date(at));
    std::stable_sort(plans.begin(), plans.end(), [](const SamplePlan& a, const SamplePlan& b) {
      return days_from_civil(a.filed) < days_from_civil(b.filed);
    });
    for (const auto& plan : plans) {
      auto sample = make_sample(plan, *cast, calendar, at, random);
      write_sample(c, sample);
    }
    return 0;
  });
}

Result<std::int64_t> generate_suggestions(store::Database& db, std::int64_t count) {
  auto cast = db.read([](store::Connection& c) { return read_cast(c); });
  const auto calendar = db.read([](store::Connection& c) { return platform::calendar::load(c); });
  std::vector<const SampleTopic*> topics;
  if (cast)
    for (const auto& t : sample_topics())
      if (castable(t, *cast)) topics.push_back(&t);
  if (topics.empty())
    return Error::conflict(
        "건의사항을 만들 시·군과 담당자가 없습니다. 시연 기관과 시연 계정이 있는 데이터베이스에서 "
        "만드십시오 (sotong demo-data를 먼저 실행).");
  const Timestamp at = now();
  const CivilDate today = seoul_date(at);
  SampleRandom random(kGeneratorSeed);
  std::int64_t written = 0;
  while (written < count) {
    const std::int64_t batch = std::min(kBatch, count - written);
    db.write([&](store::Connection& c) {
      for (std::int64_t i = 0; i < batch; ++i) {
        auto sample =
            make_sample(generated_plan(random, topics, calendar, today), *cast, calendar, at, random);
        write_sample(c, sample);
      }
      return 0;
    });
    written += batch;
  }
  return written;
}

}  // namespace sotong::suggestions
