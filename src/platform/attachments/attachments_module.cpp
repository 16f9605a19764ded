#include "platform/attachments/attachments_module.hpp"

#include <map>

namespace sotong::embedded {
std::vector<EmbeddedFile> attachments();
}

namespace sotong::platform::attachments {
namespace {

/// Attachments not deleted, by id: the link downloads the file for those who may open its owner.
std::map<std::int64_t, HistoryRecord> history_records(store::Connection& c,
                                                      const std::vector<std::int64_t>& ids) {
  std::map<std::int64_t, HistoryRecord> out;
  for (std::int64_t id : ids) {
    const auto a = find(c, id);
    if (!a || a->deleted_at) continue;
    const auto owner = owner_type(a->owner_type);
    out[id] = {a->file_name, owner ? "/attachments/" + std::to_string(id) : "", owner ? owner->action : ""};
  }
  return out;
}

}  // namespace

ModuleManifest manifest() {
  ModuleManifest m;
  m.name = "attachments";
  m.title = "첨부파일";
  add_embedded(m, embedded::attachments());
  m.permissions = {
      {kUse, std::vector<Role>(kAllRoles.begin(), kAllRoles.end()), Scope::everywhere,
       "첨부파일 올리기·내려받기·삭제 (첨부한 기록의 권한을 따로 확인)"},
  };
  m.routes = routes();
  m.history = {{.record_type = "attachment",
                .label = "첨부파일",
                .fields = {{.code = "owner_type", .label = "첨부한 기록의 유형", .names_record_type = true},
                           {.code = "owner_id", .label = "첨부한 기록", .refers_to_type_in = "owner_type"},
                           {"file_name", "파일 이름"},
                           {"content_type", "파일 형식"},
                           {"size", "크기(바이트)"},
                           {"sha256", "SHA-256"},
                           {"deleted", "삭제됨"}},
                .actions = {},
                .name_field = "file_name",
                .records = history_records}};
  m.settings = {{"max_file_mib", SettingType::integer, "10", "파일 하나의 최대 크기(MiB, 10 이하)", 1, 10},
                {"max_request_mib", SettingType::integer, "20",
                 "한 번에 올리는 파일 전체의 최대 크기(MiB, 20 이하)", 1, 20}};
  return m;
}

}  // namespace sotong::platform::attachments
