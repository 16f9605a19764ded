#include "modules/meetings/meetings_module.hpp"

#include <map>

#include "core/korean_text.hpp"
#include "modules/meetings/meeting_permissions.hpp"
#include "modules/meetings/meeting_service.hpp"
#include "modules/meetings/meeting_store.hpp"

namespace sotong::embedded {
std::vector<EmbeddedFile> meetings();
}

namespace sotong::meetings {
namespace {

/// The records the actor may view; the figure links to the list, which shows exactly these records.
std::vector<platform::CardCount> card_counts(store::Connection& c, const Actor& actor,
                                             const platform::Policy& policy) {
  return {{"등록된 항목", count_viewable(c, policy, actor), "/meetings", "건"}};
}

/// Records created in each organisation during `year`, a Korean calendar year (from 1 January 00:00 KST).
std::vector<platform::IndicatorValue> created_per_organization(store::Connection& c, int year) {
  constexpr Timestamp kKoreaOffset = 9 * 3600;
  const Timestamp from = days_from_civil({year, 1, 1}) * 86400 - kKoreaOffset;
  const Timestamp to = days_from_civil({year + 1, 1, 1}) * 86400 - kKoreaOffset;
  std::vector<platform::IndicatorValue> out;
  for (const auto& [organization, count] : meeting_store::count_created_per_organization(c, from, to))
    out.push_back({organization, static_cast<double>(count)});
  return out;
}

/// The history's names and links of the records still kept: the title, and the detail page for those who may
/// view records (the page itself checks the organisation again).
std::map<std::int64_t, platform::HistoryRecord> history_records(store::Connection& c,
                                                                const std::vector<std::int64_t>& ids) {
  std::map<std::int64_t, platform::HistoryRecord> out;
  for (std::int64_t id : ids) {
    const auto record = meeting_store::find(c, id);
    if (record) out[id] = {record->title, "/meetings/" + std::to_string(id), kView};
  }
  return out;
}

}  // namespace

platform::ModuleManifest manifest() {
  platform::ModuleManifest m;
  m.name = "meetings";
  m.title = "회의";
  // The embedded migrations, templates ("meetings/list" …) and openapi.json.
  platform::add_embedded(m, embedded::meetings());
  m.permissions = permissions();
  // The description is what the home page lists under "여기서 할 수 있는 일": say what a person does here.
  m.menu = {{"회의", "/meetings", kView, 500, with_particle("회의", "을/를") + " 찾아보고 등록합니다."}};
  m.routes = routes();
  // What the change history shows an auditor: labels, the organisation by its name, the record by its title.
  m.history = {{.record_type = "meeting",
                .label = "회의",
                .fields = {{"title", "제목"},
                           {.code = "organization_id", .label = "기관", .refers_to = "organization"}},
                .actions = {},
                .name_field = "title",
                .records = history_records}};
  m.search_sources = {{"meetings", "회의", reindex_search}};
  m.cards = {{"회의", kView, 500, card_counts, nullptr,
              "볼 수 있는 항목의 수입니다. 숫자를 누르면 목록으로 갑니다."}};
  m.indicators = {{"meetings.created", "회의 등록 건수", "건",
                   "그해 1월 1일부터 12월 31일까지(한국 시간) 등록된 항목을 등록한 기관별로 셉니다.", kView,
                   platform::IndicatorPeriod::calendar_year, created_per_organization}};
  m.settings = {{kPageSize, platform::SettingType::integer, "25", "목록 한 쪽에 보이는 항목 수", 10, 100}};
  return m;
}

}  // namespace sotong::meetings
