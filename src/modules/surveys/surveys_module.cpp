#include "modules/surveys/surveys_module.hpp"

#include <map>

#include "modules/surveys/survey_basic_questionnaire.hpp"
#include "modules/surveys/survey_campaign_service.hpp"
#include "modules/surveys/survey_cli.hpp"
#include "modules/surveys/survey_demo.hpp"
#include "modules/surveys/survey_permissions.hpp"
#include "modules/surveys/survey_provider.hpp"
#include "modules/surveys/survey_store.hpp"
#include "modules/surveys/survey_token_store.hpp"
#include "modules/surveys/surveys_routes.hpp"
#include "platform/cache/data_version.hpp"

namespace sotong::embedded {
std::vector<EmbeddedFile> surveys();
}

namespace sotong::surveys {
namespace {

/// Invitations to open campaigns the person has not answered yet: first on their home page.
std::vector<platform::WaitingTask> waiting(store::Connection& c, const Actor& actor,
                                           const platform::Policy&) {
  return {{"응답을 기다리는 설문", survey_token_store::count_waiting(c, actor.account_id), "건",
           "/surveys/mine"}};
}

std::map<std::int64_t, platform::HistoryRecord> campaign_records(store::Connection& c,
                                                                 const std::vector<std::int64_t>& ids) {
  std::map<std::int64_t, platform::HistoryRecord> out;
  for (auto id : ids)
    if (auto campaign = survey_store::find_campaign(c, id))
      out[id] = {campaign->title, "/surveys/campaigns/" + std::to_string(id), kManage};
  return out;
}

std::map<std::int64_t, platform::HistoryRecord> questionnaire_records(store::Connection& c,
                                                                      const std::vector<std::int64_t>& ids) {
  std::map<std::int64_t, platform::HistoryRecord> out;
  for (auto id : ids)
    if (auto q = survey_store::find_questionnaire(c, id))
      out[id] = {q->title + " " + std::to_string(q->version) + "판",
                 "/surveys/questionnaires/" + std::to_string(id), kManage};
  return out;
}

std::vector<platform::Label> state_labels() {
  std::vector<platform::Label> out;
  for (const auto& s : kCampaignStates) out.push_back({std::string(s.code), std::string(s.label)});
  return out;
}

}  // namespace

platform::ModuleManifest manifest() {
  platform::ModuleManifest m;
  m.name = "surveys";
  m.title = "정책소통협력지수";
  platform::add_embedded(m, embedded::surveys());
  m.permissions = permissions();
  m.menu = {{"협력지수", "/surveys", kManage, 500,
             "실국별 정책소통협력지수 설문을 열고, 응답률을 보고, 평가보고서를 씁니다."},
            {"협력지수 피드백", "/surveys/feedback", kFeedback, 510,
             "우리 실국의 협력지수를 전체 평균, 작년과 견주어 봅니다."},
            {"내 설문", "/surveys/mine", kRespond, 900,
             "받은 설문에 응답합니다. 응답은 누가 했는지 알 수 없게 저장됩니다."}};
  for (auto& routes : {campaign_routes(), answer_routes(), index_routes(), api_routes()})
    m.routes.insert(m.routes.end(), routes.begin(), routes.end());
  // History says that a campaign opened or closed and how a questionnaire changed; it never holds an answer.
  m.history = {
      {.record_type = "survey_campaign",
       .label = "설문조사",
       .fields = {{"title", "조사 이름"},
                  {"year", "연도"},
                  {"pilot", "시범조사"},
                  {.code = "state", .label = "상태", .values = state_labels()},
                  {.code = "questionnaire_id", .label = "설문지", .refers_to = "survey_questionnaire"}},
       .actions = {{"open", "조사 시작"}, {"close", "마감"}},
       .name_field = "title",
       .records = campaign_records},
      {.record_type = "survey_questionnaire",
       .label = "설문지",
       .fields = {{"title", "제목"}, {"year", "연도"}, {"version", "판"}, {"questions", "문항 수"}},
       .actions = {{"copy", "복사"}},
       .name_field = "title",
       .records = questionnaire_records},
      {.record_type = "survey_report_note",
       .label = "평가보고서 항목",
       .fields = {{.code = "campaign_id", .label = "설문조사", .refers_to = "survey_campaign"},
                  {.code = "kind",
                   .label = "구분",
                   .values = {{"measure", "반영내용"}, {"proposal", "제도개선 건의사항"}}},
                  {"text", "내용"}},
       .actions = {},
       .name_field = "text",
       .records = {}}};
  m.tasks = {{kRespond, 40, waiting}};
  m.job_kinds = campaign_job_kinds();
  m.commands = {surveys_command()};
  m.survey_providers = {survey_provider()};
  m.seed = [](store::Database& db) {
    db.write([](store::Connection& c) {
      seed_basic_questionnaire(c);
      platform::data_version::mark_if_unmarked(c, survey_store::kDataVersion);
    });
  };
  m.demo_data = load_demo_surveys;
  return m;
}

}  // namespace sotong::surveys
