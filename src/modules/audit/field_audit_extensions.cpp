#include "modules/audit/field_audit_extensions.hpp"

#include <map>
#include <string>

#include "modules/audit/audit_permissions.hpp"
#include "modules/audit/field_audit_service.hpp"
#include "modules/audit/field_audit_store.hpp"
#include "modules/audit/finding_service.hpp"
#include "modules/audit/finding_store.hpp"
#include "platform/organizations/organization_directory.hpp"

namespace sotong::audit {
namespace {

template <typename E, std::size_t N>
std::vector<platform::Label> labels(const std::array<Term<E>, N>& terms) {
  std::vector<platform::Label> out;
  for (const auto& t : terms) out.push_back({std::string(t.code), std::string(t.label)});
  return out;
}

std::map<std::int64_t, platform::HistoryRecord> audit_records(store::Connection& c,
                                                              const std::vector<std::int64_t>& ids) {
  std::map<std::int64_t, platform::HistoryRecord> out;
  for (std::int64_t id : ids)
    if (const auto a = field_audit_store::find(c, id))
      out[id] = {a->plan.title, field_audit_href(id), kFieldView};
  return out;
}

std::map<std::int64_t, platform::HistoryRecord> finding_records(store::Connection& c,
                                                                const std::vector<std::int64_t>& ids) {
  std::map<std::int64_t, platform::HistoryRecord> out;
  for (std::int64_t id : ids)
    if (const auto f = finding_store::find(c, id)) out[id] = {f->title, finding_href(id), kFieldView};
  return out;
}

std::vector<platform::WaitingTask> organization_tasks(store::Connection& c, const Actor& actor,
                                                      const platform::Policy& policy) {
  return {{"조치 보고를 기다리는 지적사항", count_findings(c, policy, actor, FindingView::waiting), "건",
           std::string(kFindingsHref) + "?status=waiting"},
          {"의견을 기다리는 감사협의", count_audits(c, policy, actor, AuditState::consulting), "건",
           std::string(kFieldListHref) + "?state=consulting"}};
}

std::vector<platform::WaitingTask> office_tasks(store::Connection& c, const Actor& actor,
                                                const platform::Policy& policy) {
  return {{"확인을 기다리는 조치 보고", count_findings(c, policy, actor, FindingView::reported), "건",
           std::string(kFindingsHref) + "?status=reported"}};
}

std::vector<platform::CardCount> card_counts(store::Connection& c, const Actor& actor,
                                             const platform::Policy& policy) {
  return {{"협의 중인 감사", count_audits(c, policy, actor, AuditState::consulting),
           std::string(kFieldListHref) + "?state=consulting", "건"},
          {"조치 중인 지적사항", count_findings(c, policy, actor, FindingView::waiting),
           std::string(kFindingsHref) + "?status=waiting", "건"},
          {"기한 지난 지적사항", count_findings(c, policy, actor, FindingView::overdue),
           std::string(kFindingsHref) + "?status=overdue", "건"}};
}

std::vector<platform::IndicatorValue> audits_per_organization(store::Connection& c, int year) {
  std::vector<platform::IndicatorValue> out;
  for (const auto& [organization, count] : field_audit_store::count_per_organization(c, year))
    out.push_back({organization, static_cast<double>(count)});
  return out;
}

}  // namespace

std::vector<platform::HistoryVocabulary> field_history_vocabularies() {
  return {
      {.record_type = "field_audit",
       .label = "현장감사",
       .fields = {{"title", "감사명"},
                  {.code = "organization_id", .label = "감사받는 기관", .refers_to = "organization"},
                  {.code = "kind", .label = "감사 종류", .values = labels(kAuditKinds)},
                  {"purpose", "감사 목적"},
                  {"areas", "감사 분야"},
                  {.code = "method", .label = "감사 방법", .values = labels(kAuditMethods)},
                  {"method_note", "감사 방법 설명"},
                  {"start_date", "시작일"},
                  {"end_date", "종료일"},
                  {"team", "감사반"},
                  {.code = "state", .label = "상태", .values = labels(kAuditStates)},
                  {.code = "topic", .label = "의견 항목", .values = labels(kOpinionTopics)}},
       .actions = {{"opinion", "감사협의 의견"},
                   {"agree", "협의 동의"},
                   {"finish", "감사 종료"},
                   {"cancel", "감사 취소"}},
       .name_field = "title",
       .records = audit_records},
      {.record_type = "field_finding",
       .label = "지적사항",
       .fields = {{"title", "지적 제목"},
                  {.code = "field_audit_id", .label = "현장감사", .refers_to = "field_audit"},
                  {.code = "organization_id", .label = "감사받은 기관", .refers_to = "organization"},
                  {.code = "case_type", .label = "비리유형", .values = labels(kCaseTypes)},
                  {"description", "지적 내용"},
                  {"amount", "재정상 조치 금액(원)"},
                  {"recommendation", "개선 권고"},
                  {.code = "action", .label = "조치 요구", .values = labels(kRequiredActions)},
                  {"due_date", "조치 기한"},
                  {"source", "출처"},
                  {.code = "state", .label = "조치 상태", .values = labels(kFindingStates)}},
       .actions = {{"report", "조치 보고"}, {"return", "보완 요구"}, {"confirm", "조치 확인"}},
       .name_field = "title",
       .records = finding_records},
  };
}

std::vector<platform::search::Source> field_search_sources() {
  return {{kAuditSearchSource, "현장감사", reindex_audits},
          {kFindingSearchSource, "지적사항", reindex_findings}};
}

std::vector<platform::attachments::OwnerType> field_attachment_owners() {
  return {{kFindingAttachmentOwner, "지적사항", kFieldView,
           [](store::Connection& c, std::int64_t id) -> std::optional<std::string> {
             const auto f = finding_store::find(c, id);
             if (!f) return std::nullopt;
             const auto* o = platform::OrganizationDirectory::load(c).find(f->organization_id);
             return o ? o->path : std::string();
           },
           [](std::int64_t id) { return finding_href(id); }, may_view_finding, may_change_finding_files}};
}

std::vector<platform::TaskSource> field_tasks() {
  return {{kFieldRespond, 600, organization_tasks}, {kFieldManage, 600, office_tasks}};
}

std::vector<platform::DashboardCard> field_cards() {
  return {{"현장감사·감사협의", kFieldView, 600, card_counts, nullptr,
           "협의 중인 감사와 조치를 기다리는 지적사항의 수입니다. 숫자를 누르면 그 목록으로 갑니다."}};
}

std::vector<platform::Indicator> field_indicators() {
  return {{"audit.field_audits", "현장감사 건수", "건",
           "그해에 시작한 감사(취소한 감사 제외)를 감사받은 기관별로 셉니다.", kFieldView,
           platform::IndicatorPeriod::calendar_year, audits_per_organization}};
}

}  // namespace sotong::audit
