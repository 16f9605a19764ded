#include "platform/organizations/organizations_module.hpp"

#include <stdexcept>

#include "platform/organizations/organization_import.hpp"
#include "platform/organizations/organization_service.hpp"
#include "platform/search/search_index.hpp"

namespace sotong::embedded {
std::vector<EmbeddedFile> organizations();
}

namespace sotong::platform::organizations {

ModuleManifest manifest() {
  ModuleManifest m;
  m.name = "organizations";
  m.title = "기관";
  add_embedded(m, embedded::organizations());
  search::register_source({"organizations", "기관", reindex_search});
  m.permissions = {
      {kView, std::vector<Role>(kAllRoles.begin(), kAllRoles.end()), Scope::everywhere,
       "기관 목록과 정보 보기"},
      {kManage, {Role::admin}, Scope::everywhere, "기관 등록·수정·비활성화"},
  };
  m.menu = {{"기관 관리", "/admin/organizations", kManage, 900}};
  m.routes = register_routes;
  m.demo_data = [](store::Database& db) {
    auto loaded = import_csv(db, jeonbuk_csv());
    if (!loaded) throw std::runtime_error(loaded.error().message);
  };
  return m;
}

}  // namespace sotong::platform::organizations
