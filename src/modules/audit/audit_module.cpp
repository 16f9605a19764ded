#include "modules/audit/audit_module.hpp"

#include <map>

#include "core/korean_text.hpp"
#include "modules/audit/audit_case_service.hpp"
#include "modules/audit/audit_permissions.hpp"
#include "modules/audit/consultation_demo.hpp"
#include "modules/audit/consultation_module.hpp"
#include "modules/audit/consultation_reminder_job.hpp"
#include "modules/audit/consultation_service.hpp"
#include "modules/audit/field_audit_service.hpp"
#include "modules/audit/field_audit_store.hpp"

namespace sotong::embedded {
std::vector<EmbeddedFile> audit();
}

namespace sotong::audit {
namespace {

/// The records the actor may view; the figure links to the list, which shows exactly these records.
std::vector<platform::CardCount> card_counts(store::Connection& c, const Actor& actor,
                                             const platform::Policy& policy) {
  return {{"등록된 항목", count_viewable(c, policy, actor), "/audit/field", "건"}};
}

/// Records created in each organisation during `year`, a Korean calendar year (from 1 January 00:00 KST).
std::vector<platform::IndicatorValue> created_per_organization(store::Connection& c, int year) {
  constexpr Timestamp kKoreaOffset = 9 * 3600;
  const Timestamp from = days_from_civil({year, 1, 1}) * 86400 - kKoreaOffset;
  const Timestamp to = days_from_civil({year + 1, 1, 1}) * 86400 - kKoreaOffset;
  std::vector<platform::IndicatorValue> out;
  for (const auto& [organization, count] : field_audit_store::count_created_per_organization(c, from, to))
    out.push_back({organization, static_cast<double>(count)});
  return out;
}

/// The history's names and links of the records still kept: the title, and the detail page for those who may
/// view records (the page itself checks the organisation again).
std::map<std::int64_t, platform::HistoryRecord> history_records(store::Connection& c,
                                                                const std::vector<std::int64_t>& ids) {
  std::map<std::int64_t, platform::HistoryRecord> out;
  for (std::int64_t id : ids) {
    const auto record = field_audit_store::find(c, id);
    if (record) out[id] = {record->title, "/audit/field/" + std::to_string(id), kFieldView};
  }
  return out;
}

}  // namespace

platform::ModuleManifest manifest() {
  platform::ModuleManifest m;
  m.name = "audit";
  m.title = "컨설팅 감사";
  // The embedded migrations, templates ("audit/list" …) and openapi.json.
  platform::add_embedded(m, embedded::audit());
  m.permissions = permissions();
  // The description is what the home page lists under "여기서 할 수 있는 일": say what a person does here.
  m.menu = {{"컨설팅 감사", "/audit", kOverview, 600,
             "감사 컨설팅을 요청하고, 감사협의·현장감사·감사사례·자진신고·전산감사를 다룹니다."}};
  for (auto&& part : {overview_routes(), field_audit_routes(), consultation_routes(), audit_case_routes()})
    m.routes.insert(m.routes.end(), part.begin(), part.end());
  // What the change history shows an auditor: labels, the organisation by its name, the record by its title.
  m.history = {{.record_type = "field_audit",
                .label = "컨설팅 감사",
                .fields = {{"title", "제목"},
                           {.code = "organization_id", .label = "기관", .refers_to = "organization"}},
                .actions = {},
                .name_field = "title",
                .records = history_records}};
  for (auto& v : consultation_history()) m.history.push_back(std::move(v));
  m.search_sources = {{"audit", "컨설팅 감사", reindex_search},
                      {kConsultationSource, "감사 컨설팅", reindex_consultations},
                      {kCaseSource, "감사사례", reindex_cases}};
  m.attachment_owners = {consultation_attachment_owner()};
  // The daily deadline reminders of consultations: the job kind, and one job queued at start.
  m.job_kinds = consultation_job_kinds();
  m.tasks = consultation_tasks();
  m.seed = [](store::Database& db) {
    db.write([](store::Connection& c) {
      ensure_consultation_reminders_scheduled(c, now());
      return true;
    });
  };
  // Each part's demo data in turn; each loader skips what is already there.
  m.demo_data = [](store::Database& db, const platform::Policy& policy) {
    load_demo_consultations(db, policy);
  };
  m.cards = {{"컨설팅 감사", kFieldView, 500, card_counts, nullptr,
              "볼 수 있는 항목의 수입니다. 숫자를 누르면 목록으로 갑니다."}};
  m.indicators = {{"audit.created", "컨설팅 감사 등록 건수", "건",
                   "그해 1월 1일부터 12월 31일까지(한국 시간) 등록된 항목을 등록한 기관별로 셉니다.",
                   kFieldView, platform::IndicatorPeriod::calendar_year, created_per_organization}};
  m.settings = {{kPageSize, platform::SettingType::integer, "25", "목록 한 쪽에 보이는 항목 수", 10, 100}};
  return m;
}

}  // namespace sotong::audit
