#include "modules/audit/audit_permissions.hpp"

namespace sotong::audit {

std::vector<platform::Permission> permissions() {
  using platform::Scope;
  // The auditor role is province-wide: a scoped action reaches every organisation for it, and the audited
  // organisation's own officers (bureau, municipal) only their subtree. The administrator runs the system and
  // holds none of these: audit matters are the audit office's and the audited organisation's.
  const std::vector<Role> officials = {Role::bureau, Role::municipal};
  std::vector<Role> everyone(kAllRoles.begin(), kAllRoles.end());
  return {
      {kOverview, everyone, Scope::everywhere, "컨설팅 감사 첫 화면"},
      {kConsultationAsk, officials, Scope::own_organization, "감사 컨설팅 요청"},
      {kConsultationView,
       {Role::auditor, Role::bureau, Role::municipal},
       Scope::own_organization,
       "감사 컨설팅 보기"},
      {kConsultationHandle, {Role::auditor}, Scope::everywhere, "감사 컨설팅 처리·회신"},
      {kConsultationAdvise, {Role::expert}, Scope::everywhere, "초청받은 감사 컨설팅 분석 의견"},
      {kCaseView, everyone, Scope::everywhere, "감사사례 보기"},
      {kCaseManage, {Role::auditor}, Scope::everywhere, "감사사례 등록·수정"},
      {kFieldView, {Role::auditor, Role::bureau, Role::municipal}, Scope::own_organization, "현장감사 보기"},
      {kFieldManage, {Role::auditor}, Scope::everywhere, "감사협의·현장감사 등록, 지적사항 관리"},
      {kFieldRespond, officials, Scope::own_organization, "감사협의 의견, 지적사항 조치 보고"},
      {kDisclosureFile, officials, Scope::own_organization, "자율적 시정(자진신고) 제출"},
      {kDisclosureRead, {Role::auditor}, Scope::everywhere, "자진신고 열람·결정"},
      {kDisclosureFigures, everyone, Scope::everywhere, "자진신고 통계 보기"},
      {kLinkage, {Role::auditor}, Scope::everywhere, "전산감사(자료 연계 분석)"},
  };
}

bool may_reach(const platform::Policy& policy, const Actor& actor, std::string_view action,
               const std::string& organization_path) {
  if (organization_path.empty()) return false;
  return policy.check(actor, action, organization_path).ok();
}

std::string viewable_path(const platform::Policy& policy, const Actor& actor, std::string_view action) {
  // Every organisation path lies under "/", so only a grant that reaches every organisation allows it.
  if (policy.allows_in(actor, action, "/")) return "";
  return actor.organization_path;
}

}  // namespace sotong::audit
