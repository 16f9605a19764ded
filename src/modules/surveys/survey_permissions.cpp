#include "modules/surveys/survey_permissions.hpp"

#include "core/role.hpp"

namespace sotong::surveys {

std::vector<platform::Permission> permissions() {
  // Only the coordinator sees every bureau's figures: the administrator runs the system, not the survey, and
  // the anonymity promise is easier to keep the fewer people can read results at all.
  return {
      {kManage, {Role::coordinator}, platform::Scope::everywhere, "협력지수 설문 운영"},
      {kResults, {Role::coordinator}, platform::Scope::everywhere, "협력지수 결과·평가보고서 보기"},
      {kFeedback, {Role::bureau}, platform::Scope::own_organization, "실국별 협력지수 피드백 보기"},
      {kRespond, {kAllRoles.begin(), kAllRoles.end()}, platform::Scope::everywhere, "받은 설문 보기·응답"},
  };
}

}  // namespace sotong::surveys
