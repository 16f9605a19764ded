#include "modules/surveys/survey_provider.hpp"

#include "core/korean_text.hpp"
#include "modules/surveys/index_report.hpp"
#include "modules/surveys/survey_campaign_service.hpp"
#include "modules/surveys/survey_results.hpp"
#include "modules/surveys/survey_rules.hpp"
#include "modules/surveys/survey_store.hpp"
#include "modules/surveys/survey_token_store.hpp"
#include "platform/accounts/account_store.hpp"
#include "platform/calendar/holiday.hpp"
#include "platform/history/history.hpp"
#include "platform/notifications/notifications.hpp"
#include "platform/organizations/organization_directory.hpp"

namespace sotong::surveys {
namespace {

Result<bool> check(const platform::SurveyRequest& r) {
  std::vector<FieldError> errors;
  if (r.host.empty() || r.host == kIndexHost)
    errors.push_back({"host", "설문을 여는 모듈의 이름이 필요합니다."});
  std::string title;
  if (!clean_line(r.title, title) || title.empty() || char_count(title) > kTitleMaxChars)
    errors.push_back({"title", "설문 이름은 1~" + std::to_string(kTitleMaxChars) + "자여야 합니다."});
  if (r.subjects.empty()) errors.push_back({"subjects", "평가할 대상이 하나 이상 있어야 합니다."});
  if (r.respondents.empty()) errors.push_back({"respondents", "응답할 사람이 한 명 이상 있어야 합니다."});
  if (r.questions.empty() || r.questions.size() > 200)
    errors.push_back({"questions", "문항은 1~200개여야 합니다."});
  for (const auto& q : r.questions)
    if (q.text.empty() || char_count(q.text) > kQuestionMaxChars)
      errors.push_back({"questions", "빈 문항이나 너무 긴 문항이 있습니다."});
  if (days_from_civil(r.closes_on) < days_from_civil(r.opens_on))
    errors.push_back({"closes_on", "종료일은 시작일 뒤여야 합니다."});
  if (!errors.empty()) return Error::invalid("설문을 열 수 없습니다.", std::move(errors));
  return true;
}

Result<std::int64_t> create(const platform::ServiceContext& svc, const platform::SurveyRequest& r) {
  if (auto ok = check(r); !ok) return ok.error();
  const Timestamp at = now();
  return svc.db.write([&](store::Connection& c) -> Result<std::int64_t> {
    Questionnaire q;
    q.title = r.title;
    q.year = r.year;
    for (const auto& spec : r.questions) {
      Question question;
      question.position = static_cast<int>(q.questions.size()) + 1;
      question.section = r.title;
      question.kind = spec.open_text ? QuestionKind::text : QuestionKind::scale;
      question.text = spec.text;
      if (!spec.open_text) question.dimension = Dimension::satisfaction;
      q.questions.push_back(std::move(question));
    }
    Campaign campaign;
    campaign.host = r.host;
    campaign.title = r.title;
    campaign.year = r.year;
    campaign.opens_on = r.opens_on;
    campaign.closes_on = r.closes_on;
    campaign.max_subjects = static_cast<int>(std::min<std::size_t>(r.subjects.size(), kMaxSubjectsLimit));
    campaign.state = CampaignState::open;
    campaign.subjects = r.subjects;
    campaign.questionnaire_id = survey_store::insert_questionnaire(c, q, svc.actor.account_id, at);
    const auto id = survey_store::insert_campaign(c, campaign, svc.actor.account_id, at);
    const auto directory = platform::OrganizationDirectory::load(c);
    for (auto account_id : r.respondents) {
      const auto account = platform::account_store::find(c, account_id);
      if (!account || !account->active) continue;
      std::int64_t organization = directory.municipality_of(account->organization_id);
      if (organization == 0) organization = account->organization_id;
      if (!survey_token_store::invite(c, id, account_id, organization, at)) continue;
      platform::notifications::notify(
          c, account_id, "설문 응답 요청",
          r.title + "에 응답해 주십시오. 기간: " + platform::calendar::format_date(r.opens_on) + " ~ " +
              platform::calendar::format_date(r.closes_on) + ".",
          "/surveys/mine");
    }
    platform::history::record_change(c, svc.actor,
                                     {"survey_campaign", id, "create", "",
                                      platform::history::to_json({{"title", r.title}, {"year", r.year}})});
    return id;
  });
}

Result<std::vector<platform::SurveySubjectResult>> results(const platform::ServiceContext& svc,
                                                           std::string_view host, std::int64_t campaign_id) {
  return svc.db.read([&](store::Connection& c) -> Result<std::vector<platform::SurveySubjectResult>> {
    auto campaign = survey_store::find_campaign(c, campaign_id);
    if (!campaign || campaign->host != host || host == kIndexHost)
      return Error::not_found("설문을 찾을 수 없습니다.");
    auto questionnaire = survey_store::find_questionnaire(c, campaign->questionnaire_id);
    if (!questionnaire) return Error::not_found("설문을 찾을 수 없습니다.");
    const auto figures = campaign_figures(c, *campaign, questionnaire->questions);
    std::vector<platform::SurveySubjectResult> out;
    for (auto subject : campaign->subjects) {
      Stat stat;
      for (std::size_t s = 0; s < figures->index.subjects.size(); ++s)
        if (figures->index.subjects[s] == subject) stat = figures->index.by_subject[s].back();
      const ShownStat shown = suppress(stat);
      out.push_back({subject, shown.shown, shown.responses, shown.mean, shown.score, shown.positive_ratio});
    }
    return out;
  });
}

}  // namespace

platform::SurveyProvider survey_provider() {
  return {"surveys", create, results};
}

}  // namespace sotong::surveys
