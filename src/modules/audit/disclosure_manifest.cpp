#include "modules/audit/disclosure_manifest.hpp"

#include <array>
#include <map>
#include <optional>
#include <string>

#include "modules/audit/audit_permissions.hpp"
#include "modules/audit/disclosure_rules.hpp"
#include "modules/audit/disclosure_service.hpp"
#include "modules/audit/disclosure_store.hpp"
#include "platform/accounts/session_store.hpp"

namespace sotong::audit {
namespace {

std::string detail_url(std::int64_t id) {
  return "/audit/disclosures/" + std::to_string(id);
}

/// Names filings by their receipt number only (never their title) and links them for the audit office.
std::map<std::int64_t, platform::HistoryRecord> history_records(store::Connection& c,
                                                                const std::vector<std::int64_t>& ids) {
  std::map<std::int64_t, platform::HistoryRecord> out;
  for (std::int64_t id : ids)
    if (const auto d = disclosure_store::find(c, id))
      out[id] = {"자진신고 " + receipt_number(id, d->filed_at), detail_url(id), kDisclosureRead};
  return out;
}

std::vector<platform::WaitingTask> waiting(store::Connection& c, const Actor&, const platform::Policy&) {
  return {
      {"결정을 기다리는 자진신고", count_pending_disclosures(c), "건", "/audit/disclosures?state=pending"}};
}

struct DemoFiling {
  const char* login;
  const char* title;
  const char* description;
  const char* period_from;
  const char* period_to;
  const char* kind;
  const char* amount;
  const char* corrected;
  const char* related_audit;
  const char* decision;  // "" stays pending
  const char* reasons;
};

constexpr std::array<DemoFiling, 6> kDemoFilings = {{
    {"jeonju", "경로당 냉난방비 보조금 정산 누락",
     "2025년 하반기 경로당 12곳의 냉난방비 보조금을 지급한 뒤 정산 서류를 받지 않은 채 회계연도를 "
     "넘겼습니다.",
     "2025-07-01", "2025-12-31", "subsidy", "3,600,000",
     "12곳 모두에서 정산 서류를 받아 확인했고, 남은 금액 48만 원을 환수했습니다. 정산 기한을 업무 일정표에 "
     "넣었습니다.",
     "", "reduced", "스스로 찾아 환수까지 마쳤고 고의가 없어 징계 수위를 한 단계 낮춥니다."},
    {"gunsan", "수의계약 견적서 한 곳만 받음",
     "청사 방수공사(2,100만 원)를 수의계약하면서 견적서를 두 곳 이상 받아야 했으나 한 곳만 받았습니다.",
     "2026-03-10", "", "contract", "21,000,000",
     "계약 부서 직원 교육을 했고, 견적 비교표 없이는 결재가 올라가지 않도록 전자결재 양식을 바꿨습니다.",
     "2026년 군산시 정기감사", "exempted",
     "절차 위반이나 예산 손실이 없고 재발 방지 조치를 마쳐 면제합니다."},
    {"iksan", "지방세 감면 신청서 처리 기한 넘김",
     "취득세 감면 신청 7건을 법정 처리 기한보다 5~9일 늦게 처리했습니다.", "2026-02-02", "2026-02-27",
     "revenue", "", "민원인에게 사과하고 처리 기한 알림을 켰습니다.", "", "not_applicable",
     "처리가 늦었을 뿐 세액에 잘못이 없어 자진신고 감경 대상이 아닙니다. 주의 조치로 끝냅니다."},
    {"planning", "출장비 이중 신청", "같은 날 같은 출장을 여비와 업무추진비로 두 번 청구했습니다.",
     "2026-04-15", "", "budget_misuse", "184,000", "업무추진비로 받은 18만 4천 원을 반납했습니다.", "",
     "reduced", "금액이 적고 바로 반납했으므로 감경합니다."},
    {"namwon", "건축허가 현장 확인 생략",
     "단독주택 건축허가 3건에서 현장 확인을 하지 않고 서류만으로 허가했습니다.", "2026-08-04", "2026-08-20",
     "permits", "", "세 곳 모두 현장을 다시 확인했고 허가 조건에 어긋난 곳은 없었습니다.", "", "", ""},
    {"economy", "시간외근무 확인 누락",
     "부서원 4명의 시간외근무 명령을 사후에 확인하지 않고 수당을 지급했습니다.", "2026-09-01", "2026-09-30",
     "personnel", "912,000", "근무 기록과 맞지 않는 2시간분 수당을 환수했습니다.", "", "", ""},
}};

std::optional<Actor> demo_actor(store::Database& db, const char* login) {
  auto actor = platform::sessions::load_actor_by_login(db, login);
  if (actor) actor->remote_address = "console";
  return actor;
}

}  // namespace

std::vector<platform::HistoryVocabulary> disclosure_history() {
  const std::vector<platform::Label> states = {{"pending", "결정 대기"}, {"decided", "결정"}};
  return {{.record_type = kDisclosureRecord,
           .label = "자진신고",
           .fields = {{.code = "state", .label = "상태", .values = states}},
           .actions = {{"decide", "결정"}},
           .name_field = {},
           .records = history_records,
           .read_action = kDisclosureRead},
          {.record_type = kDisclosureFileRecord,
           .label = "자진신고 증빙 서류",
           .fields = {{.code = "owner_id", .label = "자진신고", .refers_to = kDisclosureRecord},
                      {"file_name", "파일 이름"}},
           .actions = {},
           .name_field = "file_name",
           .records = {},
           .read_action = kDisclosureRead}};
}

platform::attachments::OwnerType disclosure_attachment_owner() {
  platform::attachments::OwnerType owner{
      kDisclosureOwner, "자진신고", kDisclosureRead,
      [](store::Connection& c, std::int64_t id) -> std::optional<std::string> {
        if (!disclosure_store::find(c, id)) return std::nullopt;
        return "";  // the audit office reads every organisation's filings
      },
      [](std::int64_t id) { return detail_url(id); },
      [](store::Connection&, const platform::Policy& policy, const Actor& actor, std::int64_t) {
        return policy.allows(actor, kDisclosureRead);
      },
      // The documents are evidence as filed: nobody adds or deletes them afterwards.
      [](store::Connection&, const platform::Policy&, const Actor&, std::int64_t) { return false; }};
  owner.hidden = true;
  owner.history_record_type = kDisclosureFileRecord;
  return owner;
}

platform::TaskSource disclosure_task() {
  return {kDisclosureRead, 450, waiting};
}

void load_demo_disclosures(store::Database& db, const platform::Policy& policy) {
  const auto auditor = demo_actor(db, "auditor");
  if (!auditor) return;
  for (const auto& f : kDemoFilings) {
    if (db.read([&](store::Connection& c) { return disclosure_store::exists_with_title(c, f.title); }))
      continue;
    const auto filer = demo_actor(db, f.login);
    if (!filer) continue;
    auto receipt = file_disclosure(
        {db, policy, *filer},
        {f.title, f.description, f.period_from, f.period_to, f.kind, f.amount, f.corrected, f.related_audit},
        {});
    if (!receipt || std::string_view(f.decision).empty()) continue;
    (void)decide_disclosure({db, policy, *auditor}, receipt->id, {f.decision, f.reasons});
  }
}

}  // namespace sotong::audit
