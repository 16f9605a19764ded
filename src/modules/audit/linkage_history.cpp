#include "modules/audit/linkage_history.hpp"

#include <map>

#include "modules/audit/audit_permissions.hpp"
#include "modules/audit/dataset_service.hpp"
#include "modules/audit/dataset_store.hpp"
#include "modules/audit/linkage_run_store.hpp"

namespace sotong::audit {
namespace {

std::map<std::int64_t, platform::HistoryRecord> dataset_records(store::Connection& c,
                                                                const std::vector<std::int64_t>& ids) {
  std::map<std::int64_t, platform::HistoryRecord> out;
  for (auto id : ids)
    if (auto d = dataset_store::find_dataset(c, id))
      out[id] = {d->title, "/audit/linkage/datasets/" + std::to_string(id), kLinkage};
  return out;
}

std::map<std::int64_t, platform::HistoryRecord> scenario_records(store::Connection& c,
                                                                 const std::vector<std::int64_t>& ids) {
  std::map<std::int64_t, platform::HistoryRecord> out;
  for (auto id : ids)
    if (auto s = linkage_run_store::find_scenario(c, id))
      out[id] = {s->title + " " + std::to_string(s->version) + "판",
                 "/audit/linkage/scenarios/" + std::to_string(id), kLinkage};
  return out;
}

std::map<std::int64_t, platform::HistoryRecord> run_records(store::Connection& c,
                                                            const std::vector<std::int64_t>& ids) {
  std::map<std::int64_t, platform::HistoryRecord> out;
  for (auto id : ids)
    if (linkage_run_store::find_run(c, id))
      out[id] = {"분석 결과 " + std::to_string(id), "/audit/linkage/runs/" + std::to_string(id), kLinkage};
  return out;
}

std::vector<platform::Label> kind_labels() {
  std::vector<platform::Label> out;
  for (const auto& k : dataset_kinds()) out.push_back({k.role, k.label});
  return out;
}

}  // namespace

std::vector<platform::HistoryVocabulary> linkage_history() {
  return {{.record_type = "audit_dataset",
           .label = "전산감사 데이터셋",
           .fields = {{"title", "이름"},
                      {.code = "kind", .label = "종류", .values = kind_labels()},
                      {"purpose", "이용 목적"},
                      {"legal_basis", "법적 근거"},
                      {"retention_until", "보유 기한"},
                      {"row_count", "행 수"}},
           .actions = {{"dispose", "폐기"}},
           .name_field = "title",
           .records = dataset_records},
          {.record_type = "audit_scenario",
           .label = "전산감사 시나리오",
           .fields = {{"title", "이름"}, {"version", "판"}, {"note", "바꾼 내용"}},
           .actions = {{"version", "새 판 저장"}},
           .name_field = "title",
           .records = scenario_records},
          {.record_type = "audit_linkage_run",
           .label = "전산감사 분석 결과",
           .fields = {{.code = "scenario_id", .label = "시나리오", .refers_to = "audit_scenario"},
                      {"flagged", "찾은 건수"},
                      {"total_amount", "금액 합계(원)"}},
           .actions = {},
           .name_field = "",
           .records = run_records}};
}

}  // namespace sotong::audit
