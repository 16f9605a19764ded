#include "platform/accounts/accounts_module.hpp"

#include <stdexcept>

#include "platform/accounts/account_service.hpp"
#include "platform/crypto.hpp"
#include "platform/organizations/organization_store.hpp"

namespace sotong::embedded {
std::vector<EmbeddedFile> accounts();
}

namespace sotong::platform::accounts {

ModuleManifest manifest() {
  ModuleManifest m;
  m.name = "accounts";
  m.title = "계정";
  add_embedded(m, embedded::accounts());
  m.permissions = {
      {kManage, {Role::admin}, Scope::everywhere, "계정 만들기·수정·비밀번호 초기화·잠금 해제"},
      {kAdminArea, {Role::admin}, Scope::everywhere, "관리 화면 보기"},
  };
  m.menu = {{"계정 관리", "/admin/accounts", kManage, 910}, {"관리", "/admin/", kAdminArea, 990}};
  m.routes = [](Web& web) {
    register_session_routes(web);
    register_admin_routes(web);
    register_api_routes(web);
  };
  m.demo_data = load_demo_accounts;
  return m;
}

void load_demo_accounts(store::Database& db) {
  struct Demo {
    const char* login;
    const char* name;
    const char* position;
    const char* organization_code;
    std::vector<Role> roles;
  };
  const std::vector<Demo> demos = {
      {"admin", "김관리", "주무관", "52000-D05", {Role::admin}},
      {"coordinator", "이협력", "시·군정책협력담당", "52000-D01", {Role::coordinator}},
      {"planning", "박기획", "주무관", "52000-B01", {Role::bureau}},
      {"jeonju", "최전주", "정책소통담당관", "52110", {Role::municipal}},
      {"gunsan", "정군산", "정책소통담당관", "52130", {Role::municipal}},
      {"auditor", "강감사", "감사주무관", "52000-B11", {Role::auditor}},
      {"budget", "조예산", "예산주무관", "52000-D02", {Role::budget}},
      {"researcher", "윤연구", "연구위원", "A-JIRI", {Role::researcher}},
      {"committee", "장위원", "조정위원회 위원", "52000", {Role::committee}},
      {"hr", "임인사", "인사주무관", "52000-D04", {Role::hr}},
      {"expert", "한전문", "자문위원", "A-EXPERTS", {Role::expert}},
      {"trainer", "오교육", "교육운영담당", "A-HRD", {Role::trainer}},
  };
  const std::string hash = hash_password("sotong-demo-2026");
  db.write([&](store::Connection& c) {
    for (const auto& d : demos) {
      if (account_store::find_by_login(c, d.login)) continue;
      auto org = organization_store::find_by_code(c, d.organization_code);
      if (!org) throw std::runtime_error(std::string("demo organisation missing: ") + d.organization_code);
      ValidAccount v{d.login, d.name, std::string(d.login) + "@sotong.example", d.position, org->id,
                     d.roles, true};
      account_store::insert(c, v, hash, false, now());
    }
    return 0;
  });
}

}  // namespace sotong::platform::accounts
