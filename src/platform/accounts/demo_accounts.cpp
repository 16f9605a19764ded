#include "platform/accounts/demo_accounts.hpp"

#include <algorithm>
#include <stdexcept>

#include "platform/accounts/account_service.hpp"
#include "platform/accounts/account_store.hpp"
#include "platform/crypto.hpp"
#include "platform/organizations/organization_store.hpp"

namespace sotong::platform::accounts {
namespace {

struct Demo {
  const char* login;
  const char* name;
  const char* position;
  const char* organization_code;
  std::vector<Role> roles;
};

const std::vector<Demo>& demos() {
  static const std::vector<Demo> kDemos = {
      {"admin", "김관리", "주무관", "52000-D05", {Role::admin}},
      {"coordinator", "이협력", "시·군정책협력담당", "52000-D01", {Role::coordinator}},
      {"planning", "박기획", "주무관", "52000-B01", {Role::bureau}},
      {"economy", "서경제", "주무관", "52000-B04", {Role::bureau}},
      {"jeonju", "최전주", "정책소통담당관", "52110", {Role::municipal}},
      {"gunsan", "정군산", "정책소통담당관", "52130", {Role::municipal}},
      {"auditor", "강감사", "감사주무관", "52000-B11", {Role::auditor}},
      {"budget", "조예산", "예산주무관", "52000-D02", {Role::budget}},
      {"researcher", "윤연구", "연구위원", "A-JIRI", {Role::researcher}},
      {"committee", "장위원", "조정위원회 위원", "52000", {Role::committee}},
      {"hr", "임인사", "인사주무관", "52000-D04", {Role::hr}},
      {"expert", "한전문", "자문위원", "A-EXPERTS", {Role::expert}},
      {"trainer", "오교육", "교육운영담당", "A-HRD", {Role::trainer}},
      // Colleagues in every 시·군, so that each one's people directory lists at least two people.
      {"jj.policy", "송다온", "주무관", "52110-D01", {Role::municipal}},
      {"gs.budget", "문하람", "주무관", "52130-D01", {Role::municipal}},
      {"iksan", "배익산", "정책소통담당관", "52140", {Role::municipal}},
      {"is.staff", "류가온", "주무관", "52140", {Role::municipal}},
      {"jeongeup", "남정읍", "정책소통담당관", "52180", {Role::municipal}},
      {"je.staff", "권나래", "주무관", "52180", {Role::municipal}},
      {"namwon", "황남원", "정책소통담당관", "52190", {Role::municipal}},
      {"nw.staff", "안서진", "주무관", "52190", {Role::municipal}},
      {"gimje", "노김제", "정책소통담당관", "52210", {Role::municipal}},
      {"gj.budget", "엄지유", "주무관", "52210-D01", {Role::municipal}},
      {"wanju", "홍완주", "정책소통담당관", "52710", {Role::municipal}},
      {"wj.staff", "고은별", "주무관", "52710", {Role::municipal}},
      {"jinan", "신진안", "정책소통담당관", "52720", {Role::municipal}},
      {"ja.staff", "유하늘", "주무관", "52720", {Role::municipal}},
      {"muju", "구무주", "정책소통담당관", "52730", {Role::municipal}},
      {"mj.staff", "전보람", "주무관", "52730", {Role::municipal}},
      {"jangsu", "차장수", "정책소통담당관", "52740", {Role::municipal}},
      {"js.staff", "진새봄", "주무관", "52740", {Role::municipal}},
      {"imsil", "탁임실", "정책소통담당관", "52750", {Role::municipal}},
      {"is2.staff", "변슬기", "주무관", "52750", {Role::municipal}},
      {"sunchang", "마순창", "정책소통담당관", "52770", {Role::municipal}},
      {"sc.staff", "길도윤", "주무관", "52770", {Role::municipal}},
      {"gochang", "염고창", "정책소통담당관", "52790", {Role::municipal}},
      {"gc.staff", "석이안", "주무관", "52790", {Role::municipal}},
      {"buan", "피부안", "정책소통담당관", "52800", {Role::municipal}},
      {"ba.audit", "온채원", "주무관", "52800-D01", {Role::municipal}},
  };
  return kDemos;
}

std::string demo_email(std::string_view login) {
  return std::string(login) + "@sotong.example";
}

}  // namespace

bool is_demo_account(const Account& a) {
  if (a.email != demo_email(a.login_id)) return false;
  const auto& all = demos();
  return std::any_of(all.begin(), all.end(), [&](const Demo& d) { return a.login_id == d.login; });
}

std::vector<std::string> accounts_refusing_demo_data(store::Connection& c) {
  std::vector<std::string> real;
  for (const auto& a : account_store::list(c, {})) {
    if (is_demo_account(a)) return {};  // demo data was loaded before: loading again adds nothing new
    real.push_back(a.login_id);
  }
  return real;
}

void load_demo_accounts(store::Database& db) {
  const std::string hash = hash_password(kDemoPassword);
  db.write([&](store::Connection& c) {
    for (const auto& d : demos()) {
      if (account_store::find_by_login(c, d.login)) continue;
      auto org = organization_store::find_by_code(c, d.organization_code);
      if (!org) throw std::runtime_error(std::string("demo organisation missing: ") + d.organization_code);
      ValidAccount v{d.login, d.name, demo_email(d.login), d.position, org->id, d.roles, true};
      index_for_search(c, account_store::insert(c, v, hash, false, now()));
    }
    return 0;
  });
}

}  // namespace sotong::platform::accounts
