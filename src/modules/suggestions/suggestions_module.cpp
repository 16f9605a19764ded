#include "modules/suggestions/suggestions_module.hpp"

#include <map>

#include "modules/suggestions/suggestion_demo.hpp"
#include "modules/suggestions/suggestion_directory.hpp"
#include "modules/suggestions/suggestion_home.hpp"
#include "modules/suggestions/suggestion_intake.hpp"
#include "modules/suggestions/suggestion_permissions.hpp"
#include "modules/suggestions/suggestion_records.hpp"
#include "modules/suggestions/suggestion_reminder_job.hpp"
#include "modules/suggestions/suggestion_review_source.hpp"
#include "modules/suggestions/suggestion_service.hpp"
#include "modules/suggestions/suggestion_steps.hpp"
#include "modules/suggestions/suggestion_store.hpp"
#include "modules/suggestions/suggestion_task_force_records.hpp"
#include "platform/cache/data_version.hpp"

namespace sotong::embedded {
std::vector<EmbeddedFile> suggestions();
}

namespace sotong::suggestions {
namespace {

/// Suggestions submitted by each organisation during `year`, a Korean calendar year (from 1 January 00:00
/// KST).
std::vector<platform::IndicatorValue> submitted_per_organization(store::Connection& c, int year) {
  const Timestamp from = seoul_day_start({year, 1, 1});
  const Timestamp to = seoul_day_start({year + 1, 1, 1});
  std::vector<platform::IndicatorValue> out;
  for (const auto& [organization, count] : suggestion_store::count_submitted_per_organization(c, from, to))
    out.push_back({organization, static_cast<double>(count)});
  return out;
}

/// The mean 만족도 (1–5) the 시·군 gave the answers of each lead bureau during `year` (Korean calendar year,
/// by the day of the rating): shown beside the cooperation index without that module including this one.
std::vector<platform::IndicatorValue> satisfaction_per_bureau(store::Connection& c, int year) {
  std::vector<platform::IndicatorValue> out;
  for (const auto& [bureau, mean] : suggestion_store::mean_satisfaction_per_lead_bureau(
           c, seoul_day_start({year, 1, 1}), seoul_day_start({year + 1, 1, 1})))
    out.push_back({bureau, mean});
  return out;
}

/// The history's names and links of the suggestions still kept: the title, and the page for those who may
/// view suggestions (the page itself checks the organisations again).
std::map<std::int64_t, platform::HistoryRecord> history_records(store::Connection& c,
                                                                const std::vector<std::int64_t>& ids) {
  std::map<std::int64_t, platform::HistoryRecord> out;
  for (std::int64_t id : ids) {
    const auto record = suggestion_store::find(c, id);
    if (record) out[id] = {record->title, detail_url(id), kView};
  }
  return out;
}

/// What the history viewer calls a suggestion's fields and the decisions on it.
platform::HistoryVocabulary history_vocabulary() {
  std::vector<platform::Label> states, domains, actions;
  for (State s :
       {State::draft, State::received, State::reviewing, State::adopted, State::in_progress, State::resolved,
        State::partly_resolved, State::long_term, State::rejected, State::answered, State::closed})
    states.push_back({std::string(state_code(s)), std::string(state_label(s))});
  for (const auto& d : kDomains) domains.push_back({std::string(d.code), std::string(d.label)});
  for (const auto& t : transitions()) {
    const std::string code(action_code(t.action));
    bool seen = false;
    for (const auto& a : actions) seen = seen || a.code == code;
    if (!seen) actions.push_back({code, std::string(action_label(t.action))});
  }
  for (const auto& s : kSteps) actions.push_back({std::string(s.code), std::string(s.label)});
  actions.push_back({"review", "회의 검토"});
  actions.push_back({"merged_in", "중복 건의 합침"});
  return {.record_type = "suggestion",
          .label = "건의사항",
          .fields = {{"title", "제목"},
                     {.code = "organization_id", .label = "건의 기관", .refers_to = "organization"},
                     {.code = "domain", .label = "정책영역", .values = domains},
                     {.code = "state", .label = "상태", .values = states},
                     {.code = "lead_bureau_id", .label = "주관 실국", .refers_to = "organization"},
                     {"due_date", "처리 기한"},
                     {"extensions", "기한 연장 횟수"},
                     {"progress", "추진율(%)"},
                     {"satisfaction", "만족도"}},
          .actions = actions,
          .name_field = "title",
          .records = history_records};
}

/// Attachments of a suggestion are seen by whoever may see the suggestion: several organisations share it.
platform::attachments::OwnerType attachment_owner() {
  return {"suggestion",
          "건의사항",
          kView,
          [](store::Connection& c, std::int64_t id) -> std::optional<std::string> {
            auto found = suggestion_store::find(c, id);
            if (!found) return std::nullopt;
            return Directory::load(c).ref(found->organization.id).path;
          },
          [](std::int64_t id) { return detail_url(id); },
          [](store::Connection& c, const platform::Policy& policy, const Actor& actor, std::int64_t id) {
            auto found = load_described(c, Directory::load(c), id);
            return found && can_view_suggestion(policy, actor, *found);
          }};
}

}  // namespace

platform::ModuleManifest manifest() {
  platform::ModuleManifest m;
  m.name = "suggestions";
  m.title = "건의사항";
  // The embedded migrations, templates ("suggestions/list" …) and openapi.json.
  platform::add_embedded(m, embedded::suggestions());
  m.permissions = permissions();
  m.menu = {{"건의사항", "/suggestions", kView, 500,
             "시·군의 건의를 등록하고, 의제화부터 회신까지의 처리 경과를 확인합니다."}};
  m.routes = routes();
  for (auto& r : task_force_routes()) m.routes.push_back(std::move(r));
  m.history = {history_vocabulary(),
               task_force_history_vocabulary(),
               {.record_type = "suggestion_reply_template",
                .label = "회신 서식",
                .fields = {{"title", "서식 이름"},
                           {.code = "bureau_id", .label = "실국", .refers_to = "organization"}},
                .actions = {},
                .name_field = "title"}};
  for (auto& r : figure_routes()) m.routes.push_back(std::move(r));
  m.search_sources = {{"suggestions", "건의사항", reindex_search}};
  m.attachment_owners = {attachment_owner(), field_check_attachment_owner()};
  m.cards = {
      {"건의사항", kView, 500, card_counts, nullptr,
       "볼 수 있는 건의와 처리 중인 건의, 기한이 지난 건의의 수입니다. 숫자를 누르면 목록으로 갑니다."},
      figures_card_spec()};
  m.tasks = {{kView, 500, waiting_tasks}};
  // What the standing meetings review, and how their decisions come back (the meetings module reads it
  // through the platform).
  m.review_sources = {review_source()};
  // What another module may ask to be opened as a suggestion (a workshop's collected opinion).
  m.intake_targets = {intake_target()};
  // The daily deadline reminders: the job kind, and one job queued at start whatever the number of nodes.
  m.job_kinds = reminder_job_kinds();
  m.seed = [](store::Database& db) {
    db.write([](store::Connection& c) {
      ensure_reminders_scheduled(c, now());
      // Suggestions written before their data version existed: mark them once, so their figures can be kept.
      platform::data_version::mark_if_unmarked(c, suggestion_store::kDataVersion);
      return true;
    });
  };
  m.indicators = {{"suggestions.submitted", "건의사항 접수 건수", "건",
                   "그해 1월 1일부터 12월 31일까지(한국 시간) 제출된 건의를 건의한 기관별로 셉니다.", kView,
                   platform::IndicatorPeriod::calendar_year, submitted_per_organization},
                  {"suggestions.satisfaction", "건의 답변 만족도", "점",
                   "그해(한국 시간) 시·군이 매긴 만족도(1~5점)를 답변한 주관 실국별로 평균합니다.", kView,
                   platform::IndicatorPeriod::calendar_year, satisfaction_per_bureau}};
  // A year of suggestions, then the two standing task forces; each loader skips what is already there.
  m.demo_data = [](store::Database& db, const platform::Policy&) {
    load_demo_suggestions(db);
    load_demo_task_forces(db);
  };
  m.generators = {{"suggestions", "건의사항", generate_suggestions}};
  m.settings = {{kPageSize, platform::SettingType::integer, "25", "목록 한 쪽에 보이는 건의 수", 10, 100}};
  return m;
}

}  // namespace sotong::suggestions
