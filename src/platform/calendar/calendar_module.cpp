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
  m.menu = {{"공휴일·근무일", "/admin/holidays", kView, 860,
             "공휴일을 보고, 기한을 근무일로 계산합니다(예: 오늘부터 근무일 10일 뒤)."}};
  m.routes = routes();
  m.seed = [](store::Database& db) { seed(db); };
  return m;
}

}  // namespace sotong::platform::calendar
