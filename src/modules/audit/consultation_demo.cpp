#include "modules/audit/consultation_demo.hpp"

#include <optional>
#include <string>
#include <vector>

#include "modules/audit/audit_case_service.hpp"
#include "modules/audit/consultation_rules.hpp"
#include "modules/audit/consultation_service.hpp"
#include "modules/audit/consultation_store.hpp"
#include "platform/accounts/session_store.hpp"
#include "platform/calendar/calendar_service.hpp"
#include "platform/calendar/holiday.hpp"

namespace sotong::audit {
namespace {

/// One demo request and how far the audit office has carried it.
struct Story {
  const char* login;
  const char* kind;
  const char* title;
  const char* question;
  const char* law;
  ConsultationState reach;
  int days_ago;  // when it was asked (calendar days)
  const char* legal_basis = "";
  const char* answer = "";
  bool invite_expert = false;
  const char* expert_opinion = "";
  const char* office_opinion = "";
  bool step_back = false;
  // Library entry made from it once answered.
  const char* case_type = "";
  const char* area = "";
  const char* prevention = "";
};

const std::vector<Story>& stories() {
  static const std::vector<Story> kStories = {
      {"jeonju", "interpretation", "전주시 공유재산 무상 사용허가 가능 여부",
       "전주시 소유 유휴 건물을 지역 사회적협동조합에 청년 창업 공간으로 5년간 무상 사용허가하려 합니다. "
       "최전주 "
       "담당관이 검토한 결과 조례에 근거가 없어 판단이 어렵습니다. 무상 사용허가가 가능한지, 필요한 절차는 "
       "무엇인지 "
       "문의합니다.",
       "공유재산 및 물품 관리법 제24조", ConsultationState::notified, 40,
       "공유재산 및 물품 관리법 제24조 제2항, 같은 법 시행령 제29조",
       "사회적협동조합은 시행령 제29조 제1항 각 호의 무상 사용허가 대상에 해당하지 않으므로, 조례에 감면 "
       "근거를 "
       "먼저 두어야 합니다. 조례 개정 전에는 사용료를 부과하되 같은 법 시행령 제31조에 따른 요율 감면을 "
       "검토하십시오. "
       "사용허가는 공유재산심의회 심의를 거쳐 일반입찰이 원칙이며, 수의 방법은 시행령 제27조의 사유가 있을 "
       "때만 가능합니다.",
       false, "", "조례 감면 근거 유무를 먼저 확인함. 시행령 제29조 대상 아님.", false, "budget_misuse",
       "finance",
       "유휴 공유재산을 민간에 무상으로 빌려주기 전에 법령·조례의 감면 근거와 공유재산심의회 심의를 먼저 "
       "확인합니다. "
       "근거가 없으면 사용료를 부과하고 감면 요율을 적용합니다."},
      {"gunsan", "application", "지방보조금 정산 시 발생 이자 반환 범위",
       "군산시가 민간단체에 교부한 지방보조금의 집행 잔액과 보조금 계좌에서 발생한 이자를 정산하고 있습니다. "
       "정군산 "
       "담당관 확인 결과 단체가 이자를 사업비로 썼다고 합니다. 이자도 반환 대상인지, 사업비 사용을 인정할 수 "
       "있는지 "
       "문의합니다.",
       "지방자치단체 보조금 관리에 관한 법률 제32조", ConsultationState::notified, 30,
       "지방자치단체 보조금 관리에 관한 법률 제32조, 제33조",
       "보조금에서 발생한 이자는 보조금과 같이 관리해야 하며, 교부 결정에서 사업비 사용을 승인하지 않았다면 "
       "반환 "
       "대상입니다. 사후 승인으로 인정할 수 없으므로 이자 전액의 반환을 명하고, 다음 교부 결정에 이자 처리 "
       "기준을 "
       "적어 두십시오.",
       false, "", "교부 조건에 이자 처리 문구 없음. 반환 명령 대상.", false, "subsidy", "finance",
       "보조금 교부 결정에 이자의 처리(반환·사업비 사용)를 적어 두고, 정산 때 보조금 계좌의 이자 발생 내역을 "
       "함께 확인합니다."},
      {"planning", "interpretation", "같은 해 같은 용역의 수의계약 분할 여부 판단 기준",
       "기획조정실에서 도정 홍보 영상 제작 용역을 상·하반기 두 번으로 나누어 각각 2천만 원 이하 수의계약으로 "
       "맺으려 합니다. 분할 계약에 해당하는지 판단 기준을 문의합니다.",
       "지방자치단체를 당사자로 하는 계약에 관한 법률 시행령 제25조", ConsultationState::checking, 9, "", "",
       false, "", "동일 목적·동일 연도 용역은 합산 추정가격으로 판단. 분할 해당 가능성 높음.", false},
      {"economy", "difficulty", "소상공인 경영안정자금 중복 수급 확인 방법",
       "경제산업국이 지급하는 소상공인 경영안정자금과 시·군 자체 지원금이 같은 업체에 중복 지급되는 사례가 "
       "있다는 "
       "민원이 있습니다. 개인정보를 지키면서 중복 여부를 확인할 수 있는 방법을 문의합니다.",
       "개인정보 보호법 제18조", ConsultationState::analysing, 6, "", "", true,
       "사업자등록번호를 키로 시·군 지급 명단과 대조하되, 제공 근거(개인정보 보호법 제18조 제2항 제5호)를 "
       "협약에 "
       "명시하는 방식을 권합니다.",
       "", false},
      {"iksan", "application", "긴급 복구공사 선집행 후 계약 절차",
       "집중호우로 무너진 농로 복구공사를 먼저 시행하고 계약은 나중에 체결하려 합니다. 긴급한 경우의 "
       "수의계약 "
       "요건과 사후 계약 체결 때 유의할 점을 문의합니다.",
       "지방계약법 시행령 제25조 제1항 제1호", ConsultationState::data_built, 4},
      {"namwon", "interpretation", "축제 기념품 구매 한도와 업무추진비 집행 기준",
       "지역 축제 방문객에게 나눠 줄 기념품을 업무추진비로 사도 되는지, 1인당 한도가 있는지 문의합니다.",
       "지방자치단체 업무추진비 집행에 관한 규칙", ConsultationState::requested, 21},
      {"wanju", "difficulty", "민간위탁 사업 정산 서류 보관 기간",
       "민간위탁 사업의 정산 서류를 위탁기관과 군 가운데 누가 몇 년 보관해야 하는지 기준이 서로 달라 혼선이 "
       "있습니다.",
       "공공기록물 관리에 관한 법률 시행령 제26조", ConsultationState::requested, 1},
      {"jj.policy", "application", "청사 시설관리 용역 계약 연장 가능 여부",
       "청사 시설관리 용역 계약이 끝나는데 새 입찰 공고가 늦어졌습니다. 기존 계약을 3개월 연장할 수 있는지 "
       "문의합니다.",
       "지방계약법 시행령 제25조", ConsultationState::analysing, 8, "", "", false, "",
       "계약 연장은 변경계약으로 처리 가능한지 검토 중. 입찰 지연 사유 자료 보완 필요.", true},
  };
  return kStories;
}

/// Library entries written by hand: past findings of every type.
const std::vector<AuditCaseInput>& hand_entries() {
  static const std::vector<AuditCaseInput> kEntries = {
      {"사망자에게 환급된 지방세 과오납금", "revenue", "tax", "지방세기본법 제60조",
       "지방세 과오납금 환급 대상자 명단을 주민등록 사망 자료와 연계하지 않아, 이미 사망한 사람 명의로 "
       "환급금이 "
       "지급되었고 담당 직원이 이를 가로챘다. 2건, 16억 원.",
       "환급 전에 주민등록 사망 자료와 연계해 수령인을 확인하고, 환급 계좌를 본인 명의로 한정하며, 고액 "
       "환급은 "
       "2인 이상이 확인합니다.",
       "2009"},
      {"추정가격 분할로 입찰을 피한 수의계약", "contract", "construction", "지방계약법 시행령 제25조, 제30조",
       "같은 해 같은 목적의 도로 보수공사를 여러 건으로 나누어 각각 수의계약 한도 이하로 계약했다.",
       "같은 연도·같은 목적의 공사와 용역은 추정가격을 합산해 계약 방법을 정하고, 분할 계약은 계약심의 때 "
       "사유를 확인합니다.",
       "2023"},
      {"기초생활수급자 전출 후 급여 계속 지급", "subsidy", "welfare", "국민기초생활 보장법 제23조",
       "다른 시·군으로 전출한 수급자에게 전출 뒤에도 생계급여가 석 달 동안 지급되었다.",
       "주민등록 전출 자료를 매달 급여 대상자와 대조하고, 전출이 확인되면 바로 지급을 멈추고 전입지에 "
       "통보합니다.",
       "2024"},
      {"업무추진비 간담회 집행 증빙 미비", "budget_misuse", "general",
       "지방자치단체 업무추진비 집행에 관한 규칙 제4조",
       "간담회 비용을 집행하면서 참석자와 목적을 적지 않아 사적 사용 여부를 확인할 수 없었다.",
       "업무추진비는 집행 목적·일시·장소·참석자를 적은 증빙을 갖추고, 50만 원 이상은 참석자 명단을 붙입니다.",
       "2022"},
      {"건축허가 조건 이행 확인 없이 사용승인", "permits", "construction", "건축법 제22조",
       "건축허가 때 붙인 주차장 확보 조건을 확인하지 않고 사용승인을 내주었다.",
       "사용승인 검토표에 허가 조건 이행 여부를 항목으로 두고, 현장 조사 사진을 첨부합니다.", "2023"},
      {"시간외근무수당 부당 수령", "personnel", "general", "지방공무원 수당 등에 관한 규정 제15조",
       "지문 인식 기록과 다르게 시간외근무를 입력해 수당을 받았다.",
       "시간외근무 입력은 출퇴근 기록과 자동 대조하고, 부서장이 매달 확인합니다.", "2024"},
      {"세외수입 체납액 결손처분 부적정", "revenue", "tax",
       "지방행정제재·부과금의 징수 등에 관한 법률 제25조",
       "재산 조회를 하지 않고 과태료 체납액을 결손 처분했다.",
       "결손처분 전에 재산·소득 조회 결과를 붙이고, 일정 금액 이상은 위원회 심의를 거칩니다.", "2021"},
      {"농업보조 사업 자부담 미확인", "subsidy", "agriculture", "지방자치단체 보조금 관리에 관한 법률 제22조",
       "농기계 지원 사업에서 자부담 납부를 확인하지 않고 보조금을 지급했다.",
       "보조금 지급 전에 자부담 입금 증빙을 확인하고, 판매업체와의 거래 내역을 대조합니다.", "2022"},
      {"축제 운영 용역 과업 변경 미반영", "contract", "culture", "지방계약법 제22조",
       "축제 운영 용역의 과업이 줄었는데 계약금액을 감액하지 않았다.",
       "과업이 바뀌면 변경계약으로 금액을 조정하고, 준공 검사 때 과업 이행 내역을 대조합니다.", "2024"},
      {"폐기물 처리 위탁 대행료 과다 지급", "budget_misuse", "environment", "폐기물관리법 제14조",
       "생활폐기물 수집·운반 대행료를 원가 산정 없이 전년 대비 인상해 지급했다.",
       "대행료는 원가계산 용역 결과에 따라 정하고, 정산 때 실제 수거량과 대조합니다.", "2023"},
  };
  return kEntries;
}

/// Carries one story as far as it goes, through the services, as its asker and the audit office would.
void tell(store::Database& db, const platform::Policy& policy, const Actor& auditor,
          const std::optional<Actor>& expert, const Story& s) {
  const auto asker = platform::sessions::load_actor_by_login(db, s.login);
  if (!asker) return;
  auto asked = ask_consultation({db, policy, *asker}, {s.kind, s.title, s.question, s.law});
  if (!asked) return;
  const std::int64_t id = *asked;
  const platform::ServiceContext office{db, policy, auditor};
  auto move = [&](const char* to, const char* note = "") { (void)move_consultation(office, id, {to, note}); };
  const int reach = static_cast<int>(s.reach);
  if (reach >= static_cast<int>(ConsultationState::data_built))
    move("data_built", "요청 기관 제출 자료와 관련 법령·예규를 정리했습니다.");
  if (reach >= static_cast<int>(ConsultationState::analysing)) move("analysing", "쟁점을 나누어 분석합니다.");
  if (s.invite_expert && expert) {
    (void)invite_consultation_expert(office, id, std::to_string(expert->account_id));
    if (*s.expert_opinion) (void)add_consultation_opinion({db, policy, *expert}, id, s.expert_opinion);
  }
  if (*s.office_opinion) (void)add_consultation_opinion(office, id, s.office_opinion);
  if (s.step_back) {
    move("checking");
    move("analysing", "입찰 지연 사유를 보여 주는 자료가 빠져 있어 분석 단계로 되돌립니다.");
  }
  if (reach >= static_cast<int>(ConsultationState::checking)) move("checking", "분석 결과를 검토합니다.");
  if (s.reach == ConsultationState::notified) {
    (void)answer_consultation(office, id, {s.legal_basis, s.answer, false});
    if (*s.case_type) {
      auto draft = draft_case_from_consultation(office, id);
      if (draft) {
        auto input = draft->input;
        input.case_type = s.case_type;
        input.area = s.area;
        input.prevention = s.prevention;
        (void)register_case_from_consultation(office, id, input);
      }
    }
  }
  // Asked `days_ago` days back: the deadline counted again from that day, so the overdue one is overdue.
  db.write([&](store::Connection& c) {
    const Timestamp shift = static_cast<Timestamp>(s.days_ago) * 86400;
    const CivilDate asked_on = seoul_date(now() - shift);
    const CivilDate due = answer_due(platform::calendar::load(c), asked_on);
    consultation_store::backdate(c, id, shift, platform::calendar::format_date(due));
    return true;
  });
}

}  // namespace

void load_demo_consultations(store::Database& db, const platform::Policy& policy) {
  const bool loaded = db.read([](store::Connection& c) { return consultation_store::count(c, {}) > 0; });
  if (loaded) return;
  const auto auditor = platform::sessions::load_actor_by_login(db, "auditor");
  if (!auditor) return;
  const auto expert = platform::sessions::load_actor_by_login(db, "expert");
  for (const auto& entry : hand_entries()) (void)create_case({db, policy, *auditor}, entry);
  for (const auto& s : stories()) tell(db, policy, *auditor, expert, s);
  db.write([](store::Connection& c) {
    reindex_consultations(c);
    return true;
  });
}

}  // namespace sotong::audit
