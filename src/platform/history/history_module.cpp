#include "platform/history/history_module.hpp"

#include "platform/history/history_service.hpp"

namespace sotong::embedded {
std::vector<EmbeddedFile> history();
}

namespace sotong::platform::history {

ModuleManifest manifest() {
  ModuleManifest m;
  m.name = "history";
  m.title = "변경·접속 기록";
  add_embedded(m, embedded::history());
  m.permissions = {
      {kView, {Role::admin, Role::auditor}, Scope::everywhere, "변경이력·접속기록 검색과 내려받기"},
  };
  m.menu = {
      {"변경·접속 기록", "/admin/history", kView, 920, "누가 언제 무엇을 바꾸고 열람했는지 찾아봅니다."}};
  m.routes = routes();
  m.history = {{"history",
                "변경·접속 기록",
                {{"cutoff", "기준 시각"},
                 {"retention_days", "보존 기간(일)"},
                 {"pruned_count", "삭제한 항목"},
                 {"pruned_through_id", "마지막 삭제 항목 번호"},
                 {"pruned_through_hash", "마지막 삭제 항목 해시"}},
                {{"prune", "보존기간 지난 기록 삭제"}}}};
  return m;
}

}  // namespace sotong::platform::history
