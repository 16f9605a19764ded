#include "platform/attachments/attachments_module.hpp"

namespace sotong::embedded {
std::vector<EmbeddedFile> attachments();
}

namespace sotong::platform::attachments {

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
  m.settings = {{"max_file_mib", SettingType::integer, "10", "파일 하나의 최대 크기(MiB, 10 이하)", 1, 10},
                {"max_request_mib", SettingType::integer, "20",
                 "한 번에 올리는 파일 전체의 최대 크기(MiB, 20 이하)", 1, 20}};
  return m;
}

}  // namespace sotong::platform::attachments
