// Demo data of 문제해결형 TFT: two standing conflicts between 시·군 and the province, each with members from
// the 시·군 and bureaus concerned, an outside expert, a field check with a photo, a plan and progress
// reports. Written through the store (as other demo data is), once: a task force already there by name is
// left alone.
#include <array>
#include <stdexcept>
#include <string>
#include <vector>

#include "modules/suggestions/suggestion_task_force_records.hpp"
#include "modules/suggestions/suggestion_task_force_store.hpp"
#include "modules/suggestions/suggestions_module.hpp"
#include "platform/accounts/session_store.hpp"

namespace sotong::suggestions {
namespace {

struct DemoMember {
  const char* login;
  TeamRole role;
};

struct DemoReport {
  int days_ago;
  const char* text;
  int percent;
};

struct DemoTaskForce {
  const char* name;
  const char* issue;
  const char* plan;
  const char* plan_by;
  std::vector<DemoMember> members;
  ValidExpert expert;
  int check_days_ago;
  const char* place;
  const char* participants;
  const char* findings;
  const char* check_by;
  const char* photo_name;
  std::vector<DemoReport> reports;
};

const std::vector<DemoTaskForce>& demos() {
  static const std::vector<DemoTaskForce> kDemos = {
      {"35사단 임실 이전",
       "육군 35사단이 전주에서 임실군으로 옮긴 뒤 약속한 진입도로 확장과 주민 지원사업의 이행을 두고 "
       "임실군과 "
       "전주시, 도의 의견이 엇갈립니다. 관계기관이 함께 남은 사업과 비용 분담을 정리합니다.",
       "1. 진입도로 잔여 구간(1.2km)의 사업비를 도와 임실군이 나누는 비율을 실무협의에서 정한다.\n"
       "2. 주둔지 인접 마을의 소음 저감 시설은 국방부와 협의해 다음 해 본예산에 반영한다.\n"
       "3. 분기마다 주민설명회를 열어 추진상황을 알린다.",
       "is2.staff",
       {{"planning", TeamRole::leader},
        {"is2.staff", TeamRole::secretary},
        {"imsil", TeamRole::member},
        {"jeonju", TeamRole::member}},
       {"정상생", "전북연구원", "지역개발·갈등관리", TeamRole::adviser},
       21,
       "임실군 임실읍 35사단 주둔지 진입도로 일대",
       "임실군 기획감사실, 도 기획조정실, 35사단 민군협력담당, 마을 이장 2명",
       "진입도로 확장 구간 가운데 1.2km가 착공하지 않은 상태입니다. 주민들은 야간 훈련 소음을 줄일 방음벽 "
       "설치를 "
       "요구했습니다.",
       "is2.staff",
       "35사단 진입도로 현장 사진(견본).png",
       {{14, "임실군·기획조정실 실무협의에서 진입도로 사업비 분담안 초안을 마련했습니다.", 30},
        {3, "국방부에 소음 저감 시설 협의를 요청하는 공문을 보냈고, 주민설명회 일정을 정했습니다.", 45}}},
      {"무주-금산 광역상수도",
       "무주군과 충남 금산군을 잇는 광역상수도 연결 사업의 노선과 비용 분담, 용담댐 원수 배분을 두고 "
       "무주군과 "
       "진안군, 도의 입장을 조정합니다.",
       "1. 노선은 무주군 부남면 정수장 예정지를 거치는 안을 기본으로 검토한다.\n"
       "2. 용담댐 원수 배분량은 진안군 상류 지역의 농업용수 수요를 먼저 확인한 뒤 정한다.\n"
       "3. 충남도와 도 경계 구간 비용 분담을 협의할 실무회의를 연다.",
       "mj.staff",
       {{"economy", TeamRole::leader},
        {"mj.staff", TeamRole::secretary},
        {"muju", TeamRole::member},
        {"jinan", TeamRole::member}},
       {"한물길", "한국농어촌공사 전북지역본부", "수자원 관리", TeamRole::adviser},
       10,
       "무주군 부남면 정수장 예정지",
       "무주군 상하수도사업소, 진안군 기획조정실, 도 경제산업국, 한국농어촌공사",
       "정수장 예정지까지 관로를 묻을 도로 폭이 좁아 일부 구간은 하천 부지를 써야 합니다. 진안군은 갈수기 "
       "농업용수 부족을 우려했습니다.",
       "muju",
       "부남면 정수장 예정지 사진(견본).png",
       {{6,
         "현지확인 결과를 바탕으로 노선안 두 가지를 비교했습니다. 진안군 농업용수 수요 자료를 요청했습니다.",
         20}}},
  };
  return kDemos;
}

// A tiny PNG (4 × 3 pixels, one green) standing in for a field photo: the demo shows how photos are listed
// and downloaded without shipping a real picture.
constexpr std::array<unsigned char, 73> kPhoto = {
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44,
    0x52, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0x03, 0x08, 0x02, 0x00, 0x00, 0x00, 0x3b,
    0x96, 0x39, 0x91, 0x00, 0x00, 0x00, 0x10, 0x49, 0x44, 0x41, 0x54, 0x78, 0xda, 0x63, 0xb0,
    0xaa, 0x75, 0x81, 0x23, 0x06, 0x9c, 0x1c, 0x00, 0xe5, 0x1d, 0x0b, 0xc5, 0x9e, 0x43, 0xca,
    0x02, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82};

constexpr Timestamp kDay = 24 * 60 * 60;

std::optional<Actor> demo_actor(store::Connection& c, const char* login) {
  auto actor = platform::sessions::load_actor_by_login(c, login);
  if (actor) actor->remote_address = "console";
  return actor;
}

CivilDate days_before(CivilDate day, int days) {
  return civil_from_days(days_from_civil(day) - days);
}

void load_one(store::Connection& c, const DemoTaskForce& d, Timestamp at) {
  if (task_force_store::id_by_name(c, d.name)) return;
  const auto coordinator = demo_actor(c, "coordinator");
  const auto check_by = demo_actor(c, d.check_by);
  const auto plan_by = demo_actor(c, d.plan_by);
  if (!coordinator || !check_by || !plan_by) return;  // the accounts' demo data was not loaded
  const CivilDate today = seoul_date(at);
  const Timestamp formed = at - 40 * kDay;
  const auto id = task_force_store::insert(c, {d.name, d.issue, {}}, coordinator->account_id, formed);
  for (const auto& m : d.members)
    if (auto member = demo_actor(c, m.login))
      task_force_store::insert_member(c, id, {member->account_id, m.role}, coordinator->account_id, formed);
  task_force_store::insert_expert(c, id, d.expert, coordinator->account_id, formed);

  auto task_force = *task_force_store::find(c, id);
  task_force.status = TaskForceStatus::active;
  task_force.started_at = formed + kDay;
  task_force_store::save_status(c, task_force, formed + kDay);
  task_force_store::save_plan(c, id, d.plan, plan_by->account_id, at - 2 * kDay);

  const auto check = task_force_store::insert_field_check(
      c, id, {days_before(today, d.check_days_ago), d.place, d.participants, d.findings},
      check_by->account_id, at - d.check_days_ago * kDay);
  const http::MultipartFile photo{"files", d.photo_name, "image/png",
                                  std::string(kPhoto.begin(), kPhoto.end())};
  auto stored = platform::attachments::store(c, *check_by, kFieldCheckOwner, check, {photo});
  if (!stored) throw std::runtime_error("demo photo refused: " + stored.error().message);

  for (const auto& r : d.reports)
    task_force_store::insert_report(c, id, {days_before(today, r.days_ago), r.text, r.percent},
                                    plan_by->account_id, at - r.days_ago * kDay);
}

}  // namespace

void load_demo_task_forces(store::Database& db) {
  const Timestamp at = now();
  db.write([&](store::Connection& c) {
    for (const auto& d : demos()) load_one(c, d, at);
    return 0;
  });
}

}  // namespace sotong::suggestions
