#include "platform/history/history_module.hpp"

#include <map>

#include "platform/history/history_service.hpp"
#include "platform/history/history_store.hpp"

namespace sotong::embedded {
std::vector<EmbeddedFile> history();
}

namespace sotong::platform::history {
namespace {

/// Entries of the log itself still kept (a reading of one entry names it): "12번", opening the entry.
std::map<std::int64_t, HistoryRecord> history_records(store::Connection& c,
                                                      const std::vector<std::int64_t>& ids) {
  std::map<std::int64_t, HistoryRecord> out;
  for (std::int64_t id : ids)
    if (history_store::find(c, id))
      out[id] = {std::to_string(id) + "번", "/admin/history/" + std::to_string(id), kView};
  return out;
}

}  // namespace

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
  m.history = {{.record_type = "history",
                .label = "변경·접속 기록",
                .fields = {{.code = "cutoff", .label = "기준 시각", .utc_time = true},
                           {"retention_days", "보존 기간(일)"},
                           {"pruned_count", "삭제한 항목"},
                           {"pruned_through_id", "마지막 삭제 항목 번호"},
                           {"pruned_through_hash", "마지막 삭제 항목 해시"}},
                .actions = {{"prune", "보존기간 지난 기록 삭제"}},
                .records = history_records}};
  return m;
}

}  // namespace sotong::platform::history
