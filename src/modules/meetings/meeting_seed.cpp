#include "modules/meetings/meeting_seed.hpp"

#include <string>
#include <vector>

#include "modules/meetings/meeting_store.hpp"
#include "platform/organizations/organization_directory.hpp"

namespace sotong::meetings {
namespace {

constexpr const char* kProvince = "52000";
constexpr const char* kPolicyDivision = "52000-D01";  // 정책기획관실: the coordinator's division
const std::vector<std::string> kMunicipalities = {"52110", "52130", "52140", "52180", "52190",
                                                  "52210", "52710", "52720", "52730", "52740",
                                                  "52750", "52770", "52790", "52800"};
const std::vector<std::string> kSaemangeum = {kProvince, "52130", "52210", "52800", "A-KRC"};

struct Seed {
  Body body;
  std::string secretariat;
  std::vector<std::string> members;
  std::string chair_code;  // the member that chairs, if any
};

std::vector<Seed> seeds() {
  auto with = [](std::vector<std::string> a, const std::vector<std::string>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
  };
  auto body = [](std::string code, std::string name, BodyKind kind, std::string cadence, std::string level,
                 std::string chair, std::string location) {
    Body b;
    b.code = std::move(code);
    b.name = std::move(name);
    b.kind = kind;
    b.cadence = std::move(cadence);
    b.review_level = std::move(level);
    b.chair = std::move(chair);
    b.location = std::move(location);
    return b;
  };
  Body visiting = body("field_council", "시·군 현장 순회 정책협의회", BodyKind::council, "monthly/3/wed", "",
                       "행정부지사", "주관 시·군 회의실");
  visiting.visiting = true;
  return {
      {body("policy_council", "지방자치정책협의회", BodyKind::council, "quarterly/2/thu@1", "policy_council",
            "도지사", "도청 대회의실"),
       kPolicyDivision, with({kProvince}, kMunicipalities), kProvince},
      {body("vice_mayors", "부시장·부군수 회의", BodyKind::regular, "monthly/2/tue", "vice_mayors",
            "행정부지사", "도청 중회의실"),
       kPolicyDivision, kMunicipalities, ""},
      {body("planning_directors", "도-시·군 기획실장회의", BodyKind::regular, "monthly/1/fri", "",
            "기획조정실장", "도청 소회의실"),
       kPolicyDivision, with({"52000-B01"}, kMunicipalities), "52000-B01"},
      {visiting, kPolicyDivision, kMunicipalities, ""},
      {body("bureau_planning", "기획조정실 시·군 정례회의", BodyKind::regular, "monthly/last/thu",
            "bureau_meeting", "기획조정실장", "도청 소회의실"),
       "52000-B01",
       {"52110-D01", "52130-D01", "52210-D01", "52800-D01"},
       ""},
      {body("saemangeum_working", "새만금 유관기관 실무협의회", BodyKind::working, "monthly/2/wed", "",
            "새만금해양수산국장", "새만금개발청 회의실"),
       "52000-B09", kSaemangeum, ""},
      {body("saemangeum_road", "새만금 방조제도로 임시개통운영 협의회", BodyKind::working,
            "quarterly/3/wed@1", "", "새만금해양수산국장", "새만금 방조제 관리사무소"),
       "52000-B09", with(kSaemangeum, {"A-POLICE"}), ""},
      {body("cooperation_workshop", "정책협력 워크숍", BodyKind::workshop, "half_yearly/2/fri@4", "",
            "행정부지사", "전북특별자치도 인재개발원"),
       kPolicyDivision, with({kProvince}, kMunicipalities), ""},
      // A workshop of the 새만금 region only: its cases are the region's, and the other 시·군 do not sit on
      // it.
      {body("saemangeum_workshop", "새만금권 정책협력 워크숍", BodyKind::workshop, "yearly/3/thu@9", "",
            "새만금해양수산국장", "새만금 33센터"),
       "52000-B09", kSaemangeum, ""},
  };
}

}  // namespace

void seed_bodies(store::Database& db) {
  db.write([](store::Connection& c) {
    const auto directory = platform::OrganizationDirectory::load(c);
    auto by_code = [&](const std::string& code) -> const platform::Organization* {
      for (const auto& o : directory.all())
        if (o.code == code && o.active) return &o;
      return nullptr;
    };
    for (auto& seed : seeds()) {
      if (meeting_store::find_body_by_code(c, seed.body.code)) continue;
      const auto* secretariat = by_code(seed.secretariat);
      if (secretariat == nullptr) continue;
      seed.body.secretariat_id = secretariat->id;
      const auto id = meeting_store::insert_body(c, seed.body, now());
      meeting_store::add_member(c, id, {secretariat->id, std::nullopt, MemberRole::secretariat, "", ""});
      for (const auto& code : seed.members)
        if (const auto* o = by_code(code))
          meeting_store::add_member(
              c, id,
              {o->id, std::nullopt, code == seed.chair_code ? MemberRole::chair : MemberRole::member, "",
               ""});
    }
  });
}

}  // namespace sotong::meetings
