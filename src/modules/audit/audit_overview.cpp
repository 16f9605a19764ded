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
