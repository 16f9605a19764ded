#include "modules/audit/linkage_handoff.hpp"

#include <algorithm>

#include "core/korean_text.hpp"
#include "modules/audit/audit_permissions.hpp"
#include "modules/audit/audit_vocabulary.hpp"
#include "modules/audit/field_audit_service.hpp"
#include "modules/audit/finding_service.hpp"
#include "modules/audit/linkage_run_service.hpp"
#include "modules/audit/linkage_run_store.hpp"
#include "platform/web/params.hpp"

namespace sotong::audit {
namespace {

/// The type of wrongdoing a scenario's cases are counted under.
std::string_view case_type_of(const std::string& scenario_code) {
  if (scenario_code == "refund_after_death") return code_of<CaseType>(kCaseTypes, CaseType::revenue);
  if (scenario_code == "contract_splitting") return code_of<CaseType>(kCaseTypes, CaseType::contract);
  if (scenario_code == "duplicate_payment" || scenario_code == "welfare_elsewhere")
    return code_of<CaseType>(kCaseTypes, CaseType::subsidy);
  return code_of<CaseType>(kCaseTypes, CaseType::other);
}

/// Both the early check and the write's own guard (a hand-off racing another) answer with this.
constexpr const char* kAlreadyHandedOff = "이 행은 이미 지적사항으로 넘겼습니다.";

}  // namespace

Result<std::vector<FieldAudit>> hand_off_targets(const platform::ServiceContext& svc) {
  if (auto allowed = platform::require(svc, kLinkage); !allowed) return allowed.error();
  std::vector<FieldAudit> out;
  for (AuditState state : {AuditState::agreed, AuditState::done}) {
    AuditFilter filter;
    filter.state = state;
    auto page = list_field_audits(svc, filter, 100);
    if (!page) return page.error();
    out.insert(out.end(), page->items.begin(), page->items.end());
  }
  std::sort(out.begin(), out.end(), [](const FieldAudit& a, const FieldAudit& b) { return a.id > b.id; });
  return out;
}

Result<std::int64_t> hand_off_flag(const platform::ServiceContext& svc, std::int64_t flag_id,
                                   const HandOffInput& input) {
  auto flag = get_flag(svc, flag_id);
  if (!flag) return flag.error();
  if (flag->flag.finding_id) return Error::conflict(kAlreadyHandedOff);
  std::vector<FieldError> errors;
  const auto audit_id = platform::parse_id(input.field_audit_id);
  if (!audit_id) errors.push_back({"field_audit_id", "지적사항을 넣을 감사를 골라 주십시오."});
  // A consulting audit hands over advice, not only a figure: the recommendation is required here.
  if (trim(input.recommendation).empty())
    errors.push_back({"recommendation", "시·군에 권고할 내용을 입력해 주십시오."});
  if (!errors.empty()) return Error::invalid("입력 내용을 확인해 주십시오.", std::move(errors));
  FindingInput finding;
  finding.title = flag->run.scenario.title + ": " + flag->flag.label;
  finding.case_type = std::string(case_type_of(flag->run.scenario.code));
  finding.description = "전산감사 " + flag->run.scenario.title + " " +
                        std::to_string(flag->run.scenario.version) + "판의 분석 결과 " +
                        std::to_string(flag->run.run.id) + "에서 찾은 " +
                        std::to_string(flag->flag.row_number) + "행(" + flag->flag.label +
                        ")입니다. 자료: " + flag->run.primary.title +
                        (flag->run.secondary ? ", " + flag->run.secondary->title : "") + ".";
  finding.amount = std::to_string(flag->flag.amount);
  finding.recommendation = input.recommendation;
  finding.action = input.action;
  finding.due_date = input.due_date;
  finding.source = "전산감사 결과 #" + std::to_string(flag->run.run.id) + ", " + flag->flag.label;
  // One write: the finding and the flag's mark commit together, and a second hand-off of the same row (a
  // double click, two auditors at once) finds the mark and rolls its own finding back.
  return svc.db.write([&](store::Connection& c) -> Result<std::int64_t> {
    auto id = create_finding(c, svc, *audit_id, finding);
    if (!id) {
      // An audit out of reach or not open for findings is a wrong choice in the form's audit field.
      const ErrorCode code = id.error().code;
      if (code == ErrorCode::not_found || code == ErrorCode::conflict)
        return Error::invalid(id.error().message, {{"field_audit_id", id.error().message}});
      return id.error();
    }
    if (!linkage_run_store::set_flag_finding(c, flag_id, *id)) return Error::conflict(kAlreadyHandedOff);
    return *id;
  });
}

}  // namespace sotong::audit
