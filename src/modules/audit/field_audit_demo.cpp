#include "modules/audit/field_audit_demo.hpp"

#include <stdexcept>
#include <string>
#include <vector>

#include "modules/audit/field_audit_service.hpp"
#include "modules/audit/field_audit_store.hpp"
#include "modules/audit/finding_service.hpp"
#include "platform/accounts/session_store.hpp"
#include "platform/organizations/organization_store.hpp"

namespace sotong::audit {
namespace {

struct DemoFinding {
  const char* title;
  const char* case_type;
  const char* description;
  const char* amount;
  const char* recommendation;
  const char* action;
  const char* due_date;
  const char* ends;  // "open", "reported", "returned", "done"
  const char* source = "";
};

struct DemoAudit {
  const char* organization_code;
  const char* login;  // the audited organisation's officer
  const char* title;
  const char* kind;
  const char* purpose;
  const char* areas;
  const char* method;
  const char* start_date;
  const char* end_date;
  const char* ends;          // "consulting", "agreed", "done", "cancelled"
  const char* opinion = "";  // an opinion round before the revision or agreement
  std::vector<DemoFinding> findings = {};
};

const std::vector<DemoAudit>& audits() {
  static const std::vector<DemoAudit> kAudits = {
      {"52110",
       "jeonju",
       "2025 전주시 종합감사",
       "general",
       "민선 8기 주요 사업의 추진 과정을 점검하고 개선 방안을 함께 찾습니다.",
       "예산 집행, 계약, 보조금, 인허가",
       "mixed",
       "2025-05-12",
       "2025-05-23",
       "done",
       "5월 셋째 주에 시의회 임시회가 있어 일정을 한 주 미뤄 주시기 바랍니다.",
       {{"민간위탁 사업비 정산 누락", "budget_misuse",
         "민간위탁 3개 사업의 사업비 정산 때 집행 잔액 반납을 빠뜨렸습니다.", "48,200,000",
         "정산 점검표를 만들어 위탁 사업마다 반납 여부를 확인하십시오.", "correction", "2025-08-29", "done"},
        {"수의계약 분할 발주", "contract", "같은 공사를 세 건으로 나누어 수의계약했습니다.", "0",
         "연간 발주 계획을 세워 같은 목적의 공사를 한 번에 발주하십시오.", "caution", "2025-08-29", "done"},
        {"지방보조금 사후 점검 소홀", "subsidy", "보조사업자 12곳의 사후 점검을 하지 않았습니다.",
         "15,600,000", "보조사업 사후 점검 일정을 연초에 정해 두십시오.", "improvement", "2025-10-31",
         "open"}}},
      {"52130",
       "gunsan",
       "2025 군산시 재무감사",
       "financial",
       "세입·세출 관리의 적정성을 확인합니다.",
       "지방세 환급, 세외수입, 기금",
       "document",
       "2025-09-08",
       "2025-09-12",
       "done",
       "",
       {{"사망자 지방세 환급", "revenue", "이미 사망한 사람에게 지방세 과오납금을 환급했습니다.",
         "1,600,000,000", "환급 전에 주민등록 사망 여부를 확인하는 절차를 두십시오.", "correction",
         "2026-12-31", "reported", "전산감사 결과 #1, 환급번호 R-2025-0412"},
        {"세외수입 체납 관리 소홀", "revenue", "과태료 체납 1,200건의 독촉을 하지 않았습니다.", "82,000,000",
         "체납 독촉을 분기마다 하십시오.", "recommendation", "2025-12-31", "done"}}},
      {"52140",
       "iksan",
       "2026 익산시 복무감사",
       "service",
       "공직 기강과 복무 관리 실태를 점검합니다.",
       "출장, 초과근무, 당직",
       "field",
       "2026-03-09",
       "2026-03-13",
       "done",
       "",
       {{"초과근무 수당 부당 수령", "personnel",
         "초과근무 기록과 출입 기록이 맞지 않는 사례가 34건 있었습니다.", "5,400,000",
         "초과근무를 출입 기록과 맞춰 확인하십시오.", "correction", "2026-06-30", "returned"},
        {"관외 출장 복명서 누락", "personnel", "관외 출장 21건의 복명서가 없었습니다.", "0", "", "notice",
         "2026-06-30", "done"}}},
      {"52110",
       "jeonju",
       "전주시 한옥마을 보조사업 특정감사",
       "special",
       "한옥마을 보조사업의 집행과 성과를 확인합니다.",
       "보조금 교부·정산, 성과 관리",
       "field",
       "2026-04-06",
       "2026-04-10",
       "done",
       "",
       {{"보조금 중복 지원", "subsidy", "같은 사업에 도비와 시비 보조금을 겹쳐 지원했습니다.", "31,000,000",
         "보조사업 통합 관리 시스템으로 중복 여부를 확인하십시오.", "correction", "2026-09-30", "open"}}},
      {"52110", "jeonju", "2026 전주시 복무감사", "service", "공직 복무 실태를 점검합니다.",
       "근무 시간, 겸직, 당직", "document", "2026-05-04", "2026-05-08", "agreed",
       "4월 특정감사와 간격이 짧습니다. 가능하면 하반기로 미뤄 주십시오."},
      {"52180",
       "jeongeup",
       "2026 정읍시 종합감사",
       "general",
       "시정 전반의 운영 실태를 점검하고 컨설팅합니다.",
       "예산, 계약, 인허가, 민원",
       "mixed",
       "2026-10-12",
       "2026-10-23",
       "done",
       "",
       {{"건축 인허가 처리 기한 초과", "permits", "건축 인허가 18건을 법정 처리 기한을 넘겨 처리했습니다.",
         "0", "처리 기한 알림을 담당자에게 보내십시오.", "improvement", "2026-11-30", "open"},
        {"공사 설계 변경 부적정", "contract", "설계 변경으로 공사비를 12% 늘리면서 심의를 거치지 않았습니다.",
         "96,500,000", "계약심의위원회 심의를 거쳐 설계를 변경하십시오.", "correction", "2027-01-29",
         "open"}}},
      {"52000-B01",
       "planning",
       "기획조정실 재무감사",
       "financial",
       "실국 예산 집행의 적정성을 확인합니다.",
       "업무추진비, 행사·축제 경비",
       "document",
       "2026-11-16",
       "2026-11-20",
       "done",
       "",
       {{"업무추진비 집행 기준 위반", "budget_misuse", "간담회 업무추진비를 1인당 기준보다 많이 썼습니다.",
         "2,350,000", "집행 전에 기준을 확인하십시오.", "caution", "2027-01-15", "reported"}}},
      {"52190", "namwon", "2026 남원시 특정감사", "special", "광한루원 관광지 정비 사업을 점검합니다.",
       "공사 계약, 사업 관리", "field", "2026-12-14", "2026-12-18", "agreed",
       "현장 확인 때 시 담당 부서가 함께 나가도록 일정을 알려 주십시오."},
      {"52130", "gunsan", "2026 하반기 군산시 종합감사", "general",
       "항만·산업단지 관련 사업을 중심으로 점검합니다.", "보조금, 계약, 산업단지 관리", "mixed", "2026-12-07",
       "2026-12-18", "consulting",
       "12월 둘째 주는 예산 심의 기간이라 감사 일정을 한 주 늦춰 주시기 바랍니다."},
      {"52710", "wanju", "2026 완주군 특정감사", "special", "로컬푸드 사업을 점검합니다.",
       "보조금, 유통센터 운영", "field", "2026-06-15", "2026-06-19", "cancelled"},
  };
  return kAudits;
}

Actor actor(store::Database& db, const std::string& login) {
  auto found = platform::sessions::load_actor_by_login(db, login);
  if (!found) throw std::runtime_error("demo account missing: " + login);
  return *found;
}

template <typename T>
T must(Result<T> result, const std::string& what) {
  if (!result) throw std::runtime_error("demo field audit refused (" + what + "): " + result.error().message);
  return std::move(*result);
}

void must_ok(Result<void> result, const std::string& what) {
  if (!result) throw std::runtime_error("demo field audit refused (" + what + "): " + result.error().message);
}

void load_audit(store::Database& db, const platform::Policy& policy, const Actor& office,
                const DemoAudit& d) {
  const auto organization = db.read([&](store::Connection& c) {
    return platform::organization_store::find_by_code(c, d.organization_code);
  });
  if (!organization)
    throw std::runtime_error(std::string("demo organisation missing: ") + d.organization_code);
  const platform::ServiceContext auditor{db, policy, office};
  const Actor officer = actor(db, d.login);
  const platform::ServiceContext audited{db, policy, officer};
  AuditPlanInput plan{std::to_string(organization->id),
                      d.title,
                      d.kind,
                      d.purpose,
                      d.areas,
                      d.method,
                      "",
                      d.start_date,
                      d.end_date,
                      "감사관실 감사팀 4명",
                      "",
                      true};
  const auto id = must(plan_field_audit(auditor, plan), d.title);
  if (*d.opinion) {
    must_ok(give_audit_opinion(audited, id, {"schedule", d.opinion}), d.title);
    if (std::string(d.ends) != "consulting") {
      plan.note = "기관 의견을 반영해 감사반 구성과 현장 확인 순서를 조정했습니다.";
      plan.team = "감사관실 감사팀 4명, 외부 전문가 1명";
      must_ok(revise_field_audit(auditor, id, plan), d.title);
    }
  }
  const std::string ends = d.ends;
  if (ends == "cancelled") {
    must_ok(cancel_field_audit(auditor, id, "군 자체 점검으로 갈음하기로 협의해 취소합니다."), d.title);
    return;
  }
  if (ends == "consulting") return;
  must_ok(agree_field_audit(audited, id), d.title);
  if (ends == "agreed") return;
  for (const auto& f : d.findings) {
    const auto finding = must(create_finding(auditor, id,
                                             {f.title, f.case_type, f.description, f.amount, f.recommendation,
                                              f.action, f.due_date, f.source}),
                              f.title);
    const std::string state = f.ends;
    if (state == "open") continue;
    must_ok(
        report_finding_action(audited, finding, "담당 부서에서 조치 계획을 세우고 관련 서류를 정비했습니다."),
        f.title);
    if (state == "done") must_ok(confirm_finding_action(auditor, finding), f.title);
    if (state == "returned")
      must_ok(return_finding_action(auditor, finding, "환수 실적과 증빙 서류를 함께 보고해 주십시오."),
              f.title);
  }
  must_ok(finish_field_audit(auditor, id), d.title);
}

}  // namespace

void load_demo_field_audits(store::Database& db, const platform::Policy& policy) {
  const bool loaded = db.read(
      [](store::Connection& c) { return field_audit_store::count(c, std::nullopt, std::nullopt) > 0; });
  if (loaded) return;
  const Actor office = actor(db, "auditor");
  for (const auto& d : audits()) load_audit(db, policy, office, d);
}

}  // namespace sotong::audit
