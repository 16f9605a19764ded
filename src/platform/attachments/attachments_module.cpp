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
  m.register_routes = register_routes;
  return m;
}

}  // namespace sotong::platform::attachments
