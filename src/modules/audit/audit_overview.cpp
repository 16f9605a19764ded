// The module's front page, /audit: the parts of the consulting audit the person may use, each with what they
// do there. Every part adds its row to kParts; the policy decides who sees which.
#include <array>

#include "modules/audit/audit_module.hpp"
#include "modules/audit/audit_permissions.hpp"
#include "platform/web/web.hpp"

namespace sotong::audit {
namespace {
using platform::Context;
using platform::Web;
using render::View;

struct Part {
  const char* label;
  const char* href;
  const char* action;
  const char* description;
};

// In the order of the seed's plan: consult before acting, agree the audit, audit, disclose, link data.
constexpr std::array kParts = {
    Part{"상시 감사 컨설팅", "/audit/consultations", kConsultationView,
         "일을 하기 전에 법리해석·적용의 어려움·애로사항을 감사관실에 묻고, 법적 근거가 있는 회신을 "
         "받습니다."},
    Part{"초청받은 감사 컨설팅", "/audit/advice", kConsultationAdvise,
         "감사관실이 초청한 감사 컨설팅을 읽고 분석 의견을 남깁니다."},
    Part{"감사사례", "/audit/cases", kCaseView,
         "지난 감사와 컨설팅에서 나온 사례를 비리유형·분야별로 찾아 예방 조언을 확인합니다."},
    Part{"현장감사·감사협의", "/audit/field", kFieldView,
         "감사 목적·분야·일정·방법을 시·군과 미리 협의하고, 현장감사의 지적사항과 조치를 끝까지 확인합니다."},
    Part{"감사 일정", "/audit/calendar", kFieldView,
         "시·군과 실국별 한 해의 감사를 달마다 보고, 한 기관의 감사가 겹치거나 30일 안에 이어지면 "
         "확인합니다."},
    Part{"전산감사(자료 연계 분석)", "/audit/linkage", kLinkage,
         "환급·사망·지급·계약 자료를 연결해 사망자 환급, 중복 지급, 수의계약 쪼개기 같은 사례를 찾습니다."},
    Part{"자진신고 제출", "/audit/disclosures/new", kDisclosureFile,
         "업무 중 잘못을 스스로 알리고 이미 바로잡은 내용을 적어 냅니다. 감사관실만 읽고, 제출한 뒤에는 "
         "본인도 "
         "다시 볼 수 없습니다."},
    Part{"자진신고 목록·결정", "/audit/disclosures", kDisclosureRead,
         "제출된 자진신고를 읽고 감경·면제·해당없음을 사유와 함께 결정합니다."},
    Part{"자진신고 통계", "/audit/disclosures/figures", kDisclosureFigures,
         "자진신고를 연도와 결정별로 센 도 전체의 수를 봅니다. 신고 한 건의 내용은 없습니다."},
};

http::Response overview_page(Web& web, Context& ctx) {
  View parts = View::list();
  for (const auto& p : kParts)
    if (web.policy().allows(ctx.actor, p.action))
      parts.push(View::object({{"label", p.label}, {"href", p.href}, {"description", p.description}}));
  const bool has_parts = !parts.empty_list();
  return web.render(ctx, "audit/overview",
                    View::object({{"parts", std::move(parts)}, {"has_parts", has_parts}}),
                    {"컨설팅 감사", {{"컨설팅 감사", ""}}, {}});
}

}  // namespace

std::vector<platform::RouteSpec> overview_routes() {
  return {{"GET", "/audit", kOverview, overview_page}};
}

}  // namespace sotong::audit
