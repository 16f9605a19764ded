#include "modules/meetings/meeting_workshop_demo.hpp"

#include <string>
#include <vector>

#include "modules/meetings/meeting_workshop_service.hpp"

namespace sotong::meetings {
namespace {

struct DemoCase {
  const char* title;
  const char* summary;
};
constexpr DemoCase kCases[] = {
    {"읍면 순환버스 공동 운행 사례", "인접 시·군이 노선을 잇고 운영비를 나눈 1년의 성과와 과제"},
    {"청년 귀농 정착 패키지 협업 사례", "도·시·군·농어촌공사가 주거와 농지를 함께 알선한 과정"},
    {"공공시설 공동 활용 협약 사례", "체육·문화시설을 이웃 시·군 주민에게 같은 요금으로 연 협약"},
    {"재난 대응 인력 상호 지원 사례", "집중호우 때 인접 시·군이 복구 인력과 장비를 나눈 경험"},
    {"지역 축제 통합 홍보 사례", "같은 시기 축제를 묶어 교통과 홍보를 함께 한 결과"},
};

struct DemoOpinion {
  const char* title;
  const char* content;
  const char* domain;
};
constexpr DemoOpinion kOpinions[] = {
    {"시·군 경계 도로 유지관리 비용 분담 기준 마련",
     "경계 도로의 관리 주체가 분명하지 않아 보수가 늦어집니다. 도가 분담 기준을 정해 주기를 바랍니다.",
     "budget"},
    {"공동 사업 담당자 인사 교류 확대",
     "공동 사업 담당자가 자주 바뀌어 협의가 끊깁니다. 교류 기간을 늘려 주십시오.", "personnel"},
    {"광역 순환버스 국비 공모 공동 대응", "인접 시·군이 함께 공모를 준비하도록 도의 조정이 필요합니다.",
     "project"},
    {"공공시설 상호 이용 조례 표준안", "시·군마다 다른 이용 요금 조례를 맞출 표준안이 있으면 좋겠습니다.",
     "institution"},
    {"재난 정보 공유 체계 일원화",
     "재난 때 시·군 간 상황 공유가 메신저에 의존합니다. 공동 시스템이 필요합니다.", "information"},
    {"협업 우수 공무원 포상 확대", "시·군 협업에 힘쓴 직원을 도가 포상하면 참여가 늘 것입니다.", "behavior"},
};

}  // namespace

void fill_demo_workshop(const platform::ServiceContext& svc, const Body& body, const Meeting& meeting,
                        int n) {
  // The members in turn present and raise opinions; the secretariat itself is not among them.
  std::vector<std::int64_t> members;
  for (const auto& m : body.members)
    if (m.organization_id != body.secretariat_id &&
        m.organization_path.find('/', 1) != m.organization_path.size() - 1)
      members.push_back(m.organization_id);
  if (members.size() < 2) return;
  const auto member = [&](int k) { return members[static_cast<std::size_t>(k + n * 3) % members.size()]; };

  (void)add_session(svc, meeting.id, {"세션 1: 시·군 협업 사례발표", "14:00", "15:30", "정책기획관"});
  (void)add_session(svc, meeting.id,
                    {"세션 2: 정책 의견 수렴과 토론", "15:40", "17:00", "전북연구원 연구위원"});
  const int cases = 3 + n % 2;
  for (int k = 0; k < cases; ++k) {
    const auto& c = kCases[(k + n) % 5];
    (void)add_presentation(svc, meeting.id, {c.title, member(k), "정책협력 담당 주무관", c.summary});
  }
  std::vector<std::int64_t> opinions;
  for (int k = 0; k < 6; ++k) {
    const auto& o = kOpinions[(k + n) % 6];
    std::vector<std::optional<std::int64_t>> from{member(k)};
    if (k % 3 == 0) from.push_back(member(k + 1));  // raised together by two 시·군
    if (auto id = add_opinion(svc, meeting.id, {o.title, o.content, o.domain, from})) opinions.push_back(*id);
  }
  // Two become suggestions: through the intake target, as the coordinator would; none when the suggestions
  // module is not loaded (a test's database).
  for (std::size_t k = 0; k < opinions.size() && k < 2; ++k) (void)turn_opinion(svc, opinions[k]);
}

}  // namespace sotong::meetings
