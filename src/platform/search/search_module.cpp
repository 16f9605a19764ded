#include "platform/search/search_module.hpp"

#include "platform/search/search_index.hpp"

namespace sotong::embedded {
std::vector<EmbeddedFile> search();
}

namespace sotong::platform::search {

ModuleManifest manifest() {
  ModuleManifest m;
  m.name = "search";
  m.title = "검색";
  add_embedded(m, embedded::search());
  m.menu = {{"검색", "/search", std::string(kSignedIn), 850, "볼 수 있는 자료를 낱말로 한 번에 찾습니다."}};
  m.routes = routes();
  // Sources registered by other manifests are indexed here the first time a database meets them.
  m.seed = [](store::Database& db) { rebuild_stale_sources(db, sources()); };
  return m;
}

}  // namespace sotong::platform::search
