#include "modules/surveys/survey_demo.hpp"

#include <algorithm>
#include <cmath>
#include <random>

#include "modules/surveys/survey_basic_questionnaire.hpp"
#include "modules/surveys/survey_campaign_service.hpp"
#include "modules/surveys/survey_report_store.hpp"
#include "modules/surveys/survey_response_store.hpp"
#include "modules/surveys/survey_store.hpp"
#include "modules/surveys/survey_token_store.hpp"
#include "platform/accounts/account_store.hpp"
#include "platform/calendar/holiday.hpp"
#include "platform/organizations/organization_directory.hpp"

namespace sotong::surveys {
namespace {

/// Respondents per year (시·군 officials answering on line or on paper) and bureaus each rates.
constexpr int kRespondents = 420;
constexpr int kRated = 3;
/// 감사관실 is rated by only this many in 2024: its figures are withheld that year.
constexpr int kSmallGroup = 3;

const char* const kGood[] = {
    "도비 매칭 비율을 미리 알려 주어 본예산 편성에 큰 도움이 되었습니다.",
    "담당 주무관이 현장에 직접 와서 설명해 주었습니다.",
    "공모사업 준비 단계부터 함께 검토해 주어 선정에 도움이 되었습니다.",
    "건의한 내용에 대한 답변이 빠르고 구체적이었습니다.",
    "시·군 담당자 협의회를 정례화해 소통이 편해졌습니다.",
    "지침이 바뀔 때마다 요약본을 보내 주어 이해가 쉬웠습니다.",
};
const char* const kBad[] = {
    "자료 요구가 잦고 기한이 너무 짧습니다.",
    "지침이 자주 바뀌는데 사전 설명이 부족합니다.",
    "담당자가 자주 바뀌어 같은 설명을 반복해야 합니다.",
    "건의에 대한 회신이 늦고 결과를 알기 어렵습니다.",
    "도비 지원 기준이 시·군마다 다르게 적용된다는 인상을 받습니다.",
    "전화 응대가 불친절하다는 의견이 많습니다.",
};

struct BureauProfile {
  double base = 3.5;    // the bureau's level in 2024
  double trend = 0.0;   // change per year
  double weight = 1.0;  // how often 시·군 deal with it
};

std::vector<BureauProfile> profiles(std::size_t n) {
  std::vector<BureauProfile> out(n);
  const double bases[] = {3.9, 3.4, 3.6, 3.8, 3.3, 3.5, 3.7, 3.2, 3.6, 3.4, 3.5};
  const double trends[] = {0.05, 0.25, 0.10, -0.15, 0.20, 0.0, 0.15, 0.30, -0.10, 0.05, 0.10};
  const double weights[] = {1.6, 1.4, 0.9, 1.5, 1.0, 1.3, 1.2, 1.4, 1.0, 0.9, 0.4};
  for (std::size_t i = 0; i < n; ++i) out[i] = {bases[i % 11], trends[i % 11], weights[i % 11]};
  return out;
}

std::uint8_t scale_answer(double level, std::mt19937& rng) {
  std::normal_distribution<double> noise(0.0, 0.55);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  if (unit(rng) < 0.06) return 0;  // 모름
  const double v = std::round(level + noise(rng));
  return static_cast<std::uint8_t>(std::clamp(v, 1.0, 5.0));
}

/// One respondent's answers to one bureau in `year`.
Answers respond(const Questionnaire& q, std::int64_t bureau, const BureauProfile& p, int year,
                std::mt19937& rng) {
  Answers a;
  a.subject_id = bureau;
  // A respondent's own view of the bureau moves all their answers together, as real answers do (and as
  // Cronbach's α expects of questions measuring one thing).
  std::normal_distribution<double> person(0.0, 0.6);
  const double level = p.base + p.trend * (year - kDemoFirstYear) + person(rng);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  for (const auto& question : q.questions) {
    if (question.kind != QuestionKind::scale) {
      a.bytes.push_back(0);
      continue;
    }
    const int d = question.domain ? static_cast<int>(*question.domain) : 0;
    // Domains differ a little within a bureau: budget talks are harder than information sharing.
    const double domain_shift = (d == 0 ? -0.2 : d == 4 ? 0.15 : d == 5 ? 0.05 : 0.0);
    const double change_level = 3.0 + p.trend * 4.0;
    a.bytes.push_back(static_cast<char>(
        scale_answer(question.dimension == Dimension::change ? change_level : level + domain_shift, rng)));
  }
  const double draw = unit(rng);
  const int last = static_cast<int>(q.questions.size());
  if (draw < 0.08) a.texts.emplace_back(last - 1, kGood[rng() % std::size(kGood)]);
  if (draw > 0.90) a.texts.emplace_back(last, kBad[rng() % std::size(kBad)]);
  return a;
}

std::vector<Answers> year_answers(const Questionnaire& q, const std::vector<std::int64_t>& bureaus, int year,
                                  int respondents, bool pilot) {
  std::mt19937 rng(static_cast<unsigned>(year * 7 + (pilot ? 1 : 0)));
  const auto p = profiles(bureaus.size());
  std::vector<double> weights;
  for (std::size_t i = 0; i < bureaus.size(); ++i)
    weights.push_back(year == kDemoFirstYear && i + 1 == bureaus.size() ? 0.0 : p[i].weight);
  std::discrete_distribution<std::size_t> pick(weights.begin(), weights.end());
  std::vector<Answers> out;
  for (int r = 0; r < respondents; ++r) {
    std::vector<std::size_t> chosen;
    while (static_cast<int>(chosen.size()) < std::min<int>(kRated, static_cast<int>(bureaus.size()) - 1)) {
      const auto b = pick(rng);
      if (std::find(chosen.begin(), chosen.end(), b) == chosen.end()) chosen.push_back(b);
    }
    for (auto b : chosen) out.push_back(respond(q, bureaus[b], p[b], year, rng));
  }
  if (year == kDemoFirstYear && !pilot)
    for (int i = 0; i < kSmallGroup; ++i) out.push_back(respond(q, bureaus.back(), p.back(), year, rng));
  return out;
}

void invite_demo_officials(store::Connection& c, const Campaign& campaign, double share_completed) {
  const auto directory = platform::OrganizationDirectory::load(c);
  platform::account_store::Filter filter;
  filter.role = Role::municipal;
  filter.active = true;
  std::mt19937 rng(static_cast<unsigned>(campaign.id));
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::uniform_int_distribution<int> day(
      0, static_cast<int>(days_from_civil(campaign.closes_on) - days_from_civil(campaign.opens_on)));
  const Timestamp invited_at = seoul_day_start(campaign.opens_on) + 9 * 3600;
  for (const auto& account : platform::account_store::list(c, filter)) {
    const auto organization = directory.municipality_of(account.organization_id);
    if (organization == 0) continue;
    survey_token_store::invite(c, campaign.id, account.id, organization, invited_at);
    if (unit(rng) >= share_completed) continue;
    const auto token = survey_token_store::find_for_account(c, campaign.id, account.id);
    const auto on = civil_from_days(days_from_civil(campaign.opens_on) + day(rng));
    if (token) survey_token_store::complete(c, token->id, platform::calendar::format_date(on));
  }
}

void add_notes(store::Connection& c, const Campaign& campaign, const std::vector<std::int64_t>& bureaus,
               std::int64_t by) {
  const Timestamp at = seoul_day_start(CivilDate{campaign.year, 12, 1});
  const std::pair<std::size_t, const char*> measures[] = {
      {1, "시·군 인사교류 협의 창구를 분기 1회 정례 협의회로 바꾸었습니다."},
      {3, "공모사업 사전 컨설팅을 접수 30일 전부터 운영합니다."},
      {7, "도로·교통 현안사업 현장 점검 결과를 시·군에 2주 안에 회신합니다."},
      {0, "도비 보조 매칭 비율을 전년도 10월까지 미리 알립니다."},
  };
  for (const auto& [index, text] : measures)
    if (index < bureaus.size())
      survey_report_store::insert(c, {0, campaign.id, "measure", bureaus[index], text}, by, at);
  survey_report_store::insert(
      c,
      {0, campaign.id, "proposal", std::nullopt,
       "시·군 자료 요구는 「자료요구 사전협의제」를 거치도록 훈령을 고칠 것을 건의합니다."},
      by, at);
  survey_report_store::insert(c,
                              {0, campaign.id, "proposal", std::nullopt,
                               "협력지수 결과를 실국 성과평가(BSC) 지표에 5% 반영할 것을 건의합니다."},
                              by, at);
}

Campaign make_campaign(std::int64_t questionnaire_id, int year, bool pilot,
                       const std::vector<std::int64_t>& bureaus) {
  Campaign c;
  c.host = kIndexHost;
  c.title = pilot ? std::to_string(year) + "년 정책소통협력지수 시범조사"
                  : std::to_string(year) + "년 정책소통협력지수 조사";
  c.year = year;
  c.pilot = pilot;
  c.questionnaire_id = questionnaire_id;
  c.opens_on = pilot ? CivilDate{year, 6, 2} : CivilDate{year, 9, 1};
  c.closes_on = pilot ? CivilDate{year, 6, 20} : CivilDate{year, 10, 31};
  c.max_subjects = 3;
  c.state = CampaignState::open;
  c.subjects = bureaus;
  return c;
}

}  // namespace

void load_demo_surveys(store::Database& db, const platform::Policy& /*policy*/) {
  db.write([&](store::Connection& c) {
    if (!survey_store::list_campaigns(c, kIndexHost).empty()) return;
    seed_basic_questionnaire(c);
    const auto directory = platform::OrganizationDirectory::load(c);
    const auto bureaus = directory.active_ids(platform::OrganizationKind::bureau);
    if (bureaus.empty()) return;
    const auto coordinator = platform::account_store::find_by_login(c, "coordinator");
    const std::optional<std::int64_t> by =
        coordinator ? std::optional<std::int64_t>(coordinator->id) : std::nullopt;
    std::int64_t questionnaire_id = 0;
    for (const auto& q : survey_store::list_questionnaires(c))
      if (q.title == kBasicTitle) questionnaire_id = q.id;  // the oldest (listed last) is the shipped one
    for (int year = kDemoFirstYear; year <= kDemoLastYear; ++year) {
      auto source = survey_store::find_questionnaire(c, questionnaire_id);
      if (!source) return;
      if (year > kDemoFirstYear) {
        // Each year starts from a copy of last year's questionnaire, as the coordinator would.
        Questionnaire copy = *source;
        copy.year = year;
        copy.version = survey_store::latest_version(c, kBasicTitle) + 1;
        copy.copied_from = source->id;
        questionnaire_id = survey_store::insert_questionnaire(c, copy, by, seoul_day_start({year, 8, 1}));
        source = survey_store::find_questionnaire(c, questionnaire_id);
      }
      const bool pilot_year = year == kDemoLastYear;
      if (pilot_year) {
        auto pilot = make_campaign(questionnaire_id, year, true, bureaus);
        pilot.id = survey_store::insert_campaign(c, pilot, by, seoul_day_start({year, 5, 20}));
        survey_response_store::insert_responses(c, pilot.id, year_answers(*source, bureaus, year, 40, true),
                                                platform::calendar::format_date(pilot.closes_on));
        survey_store::set_campaign_state(c, pilot.id, CampaignState::closed, seoul_day_start({year, 6, 21}));
      }
      auto campaign = make_campaign(questionnaire_id, year, false, bureaus);
      campaign.id = survey_store::insert_campaign(c, campaign, by, seoul_day_start({year, 8, 20}));
      invite_demo_officials(c, campaign, year == kDemoLastYear ? 0.8 : 0.9);
      survey_response_store::insert_responses(c, campaign.id,
                                              year_answers(*source, bureaus, year, kRespondents, false),
                                              platform::calendar::format_date(campaign.closes_on));
      survey_store::set_campaign_state(c, campaign.id, CampaignState::closed, seoul_day_start({year, 11, 1}));
      if (year > kDemoFirstYear && by) add_notes(c, campaign, bureaus, *by);
    }
  });
}

}  // namespace sotong::surveys
