#include "platform/organizations/organizations_module.hpp"

#include <map>
#include <stdexcept>

#include "platform/cache/data_version.hpp"
#include "platform/organizations/directory_service.hpp"
#include "platform/organizations/organization_directory.hpp"
#include "platform/organizations/organization_import.hpp"
#include "platform/organizations/organization_service.hpp"
#include "platform/organizations/organization_store.hpp"

namespace sotong::embedded {
std::vector<EmbeddedFile> organizations();
}

namespace sotong::platform::organizations {
namespace {

/// Active organisations by kind; each figure opens the list it counts for those who may open it.
std::vector<CardCount> summary_counts(store::Connection& c, const Actor&, const Policy&) {
  // Counted from the kept directory: a GROUP BY on every home page cost more than the rest of the card.
  const auto directory = OrganizationDirectory::load(c);
  std::vector<CardCount> out;
  for (auto kind : {OrganizationKind::bureau, OrganizationKind::division, OrganizationKind::municipality,
                    OrganizationKind::agency}) {
    const auto n = static_cast<std::int64_t>(directory.active(kind).size());
    // Every signed-in person may open the directory, which lists exactly the active ones counted here.
    const std::string href = "/organizations?kind=" + std::string(kind_code(kind));
    out.push_back({std::string(kind_label(kind)), n, href, "개"});
  }
  return out;
}

/// Organisations by id for the history: the directory page opens an active one to everyone who may read the
/// directory, an inactive one only to its managers.
std::map<std::int64_t, HistoryRecord> history_records(store::Connection& c,
                                                      const std::vector<std::int64_t>& ids) {
  std::map<std::int64_t, HistoryRecord> out;
  for (std::int64_t id : ids) {
    if (auto org = organization_store::find(c, id))
      out[id] = {org->name, "/organizations/" + std::to_string(id), org->active ? kView : kManage};
  }
  return out;
}

HistoryVocabulary history_vocabulary() {
  std::vector<Label> kinds;
  for (auto k : kAllOrganizationKinds)
    kinds.push_back({std::string(kind_code(k)), std::string(kind_label(k))});
  return {
      .record_type = "organization",
      .label = "기관",
      .fields = {{"code", "기관코드"},
                 {"name", "기관명"},
                 {.code = "kind", .label = "유형", .values = kinds},
                 {.code = "parent_id", .label = "상위 기관", .refers_to = "organization"},
                 {"sort_order", "정렬 순서"},
                 {.code = "active", .label = "상태", .values = {{"true", "사용"}, {"false", "비활성"}}},
                 {"rename_reason", "명칭 변경 사유"},
                 {"phone", "대표전화"},
                 {"address", "주소"},
                 {"homepage", "누리집"}},
      .actions = {{"update_contact", "연락처 수정"}, {"activate", "다시 사용"}, {"deactivate", "비활성화"}},
      .name_field = "name",
      .records = history_records};
}

}  // namespace

ModuleManifest manifest() {
  ModuleManifest m;
  m.name = "organizations";
  m.title = "기관";
  add_embedded(m, embedded::organizations());
  m.permissions = {
      {kView, std::vector<Role>(kAllRoles.begin(), kAllRoles.end()), Scope::everywhere,
       "기관 목록과 정보 보기"},
      {kManage, {Role::admin}, Scope::everywhere, "기관 등록·수정·비활성화"},
  };
  m.menu = {
      {"기관 안내", "/organizations", kView, 780, "도·실국·시·군·유관기관의 연락처와 누리집을 찾습니다."},
      {"기관 관리", "/admin/organizations", kManage, 900, "기관을 등록·수정하고 명칭 변경 이력을 남깁니다."}};
  m.routes = routes();
  for (auto& r : directory_routes()) m.routes.push_back(std::move(r));
  m.search_sources = {{"organizations", "기관", reindex_search}};
  m.attachment_owners = {{"organization", "기관", kManage,
                          [](store::Connection& c, std::int64_t id) -> std::optional<std::string> {
                            auto org = organization_store::find(c, id);
                            if (!org) return std::nullopt;
                            return org->path;
                          },
                          [](std::int64_t id) { return "/admin/organizations/" + std::to_string(id); }}};
  m.history = {history_vocabulary()};
  m.cards = {{"기관 현황", kView, 90, summary_counts, nullptr, "실국·과·시·군·유관기관의 수입니다."}};
  // A database from before the organisations' data version: mark it once, so their directory can be kept.
  m.seed = [](store::Database& db) {
    db.write(
        [](store::Connection& c) { data_version::mark_if_unmarked(c, organization_store::kDataVersion); });
  };
  m.demo_data = [](store::Database& db, const Policy&) {
    auto loaded = import_csv(db, jeonbuk_csv());
    if (!loaded) throw std::runtime_error(loaded.error().message);
    import_contacts_csv(db, demo_contacts_csv());
  };
  return m;
}

}  // namespace sotong::platform::organizations
