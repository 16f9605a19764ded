#include "platform/calendar/calendar_module.hpp"

#include "platform/calendar/calendar_service.hpp"

namespace sotong::embedded {
std::vector<EmbeddedFile> calendar();
}

namespace sotong::platform::calendar {

ModuleManifest manifest() {
  ModuleManifest m;
  m.name = "calendar";
  m.title = "공휴일·근무일";
  add_embedded(m, embedded::calendar());
  m.permissions = {
      {kView, std::vector<Role>(kAllRoles.begin(), kAllRoles.end()), Scope::everywhere,
       "공휴일 달력 보기, 근무일 계산"},
      {kManage, {Role::admin}, Scope::everywhere, "공휴일 추가·수정·삭제"},
  };
  m.menu = {{"공휴일·근무일", "/admin/holidays", kManage, 920}};
  m.routes = routes();
  m.seed = [](store::Database& db) { seed(db); };
  return m;
}

}  // namespace sotong::platform::calendar
