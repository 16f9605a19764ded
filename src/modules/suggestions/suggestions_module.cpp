#include "modules/suggestions/suggestions_module.hpp"

#include <map>

#include "modules/suggestions/suggestion_permissions.hpp"
#include "modules/suggestions/suggestion_service.hpp"
#include "modules/suggestions/suggestion_store.hpp"

namespace sotong::embedded {
std::vector<EmbeddedFile> suggestions();
}

namespace sotong::suggestions {
namespace {

/// The records the actor may view; the figure links to the list, which shows exactly these records.
std::vector<platform::CardCount> card_counts(store::Connection& c, const Actor& actor,
                                             const platform::Policy& policy) {
  return {{"등록된 항목", count_viewable(c, policy, actor), "/suggestions", "건"}};
}

/// Records created in each organisation during `year`, a Korean calendar year (from 1 January 00:00 KST).
std::vector<platform::IndicatorValue> created_per_organization(store::Connection& c, int year) {
  constexpr Timestamp kKoreaOffset = 9 * 3600;
  const Timestamp from = days_from_civil({year, 1, 1}) * 86400 - kKoreaOffset;
  const Timestamp to = days_from_civil({year + 1, 1, 1}) * 86400 - kKoreaOffset;
  std::vector<platform::IndicatorValue> out;
  for (const auto& [organization, count] : suggestion_store::count_created_per_organization(c, from, to))
    out.push_back({organization, static_cast<double>(count)});
  return out;
}

/// The history's names and links of the records still kept: the title, and the detail page for those who may
/// view records (the page itself checks the organisation again).
std::map<std::int64_t, platform::HistoryRecord> history_records(store::Connection& c,
                                                                const std::vector<std::int64_t>& ids) {
  std::map<std::int64_t, platform::HistoryRecord> out;
  for (std::int64_t id : ids) {
    const auto record = suggestion_store::find(c, id);
    if (record) out[id] = {record->title, "/suggestions/" + std::to_string(id), kView};
  }
  return out;
}

}  // namespace

platform::ModuleManifest manifest() {
  platform::ModuleManifest m;
  m.name = "suggestions";
  m.title = "건의사항";
  // The embedded migrations, templates ("suggestions/list" …) and openapi.json.
  platform::add_embedded(m, embedded::suggestions());
  m.permissions = permissions();
  m.menu = {
      {"건의사항", "/suggestions", kView, 500, "시·군의 건의를 등록하고, 처리 과정과 회신을 확인합니다."}};
  m.routes = routes();
  // What the change history shows an auditor: labels, the organisation by its name, the record by its title.
  m.history = {{.record_type = "suggestion",
                .label = "건의사항",
                .fields = {{"title", "제목"},
                           {.code = "organization_id", .label = "기관", .refers_to = "organization"}},
                .actions = {},
                .name_field = "title",
                .records = history_records}};
  m.search_sources = {{"suggestions", "건의사항", reindex_search}};
  m.cards = {{"건의사항", kView, 500, card_counts, nullptr,
              "볼 수 있는 항목의 수입니다. 숫자를 누르면 목록으로 갑니다."}};
  m.indicators = {{"suggestions.created", "건의사항 등록 건수", "건",
                   "그해 1월 1일부터 12월 31일까지(한국 시간) 등록된 항목을 등록한 기관별로 셉니다.", kView,
                   platform::IndicatorPeriod::calendar_year, created_per_organization}};
  m.settings = {{kPageSize, platform::SettingType::integer, "25", "목록 한 쪽에 보이는 항목 수", 10, 100}};
  return m;
}

}  // namespace sotong::suggestions
