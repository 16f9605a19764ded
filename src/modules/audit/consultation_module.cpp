#include "modules/audit/consultation_module.hpp"

#include <map>
#include <string>

#include "modules/audit/audit_case_rules.hpp"
#include "modules/audit/audit_case_service.hpp"
#include "modules/audit/audit_case_store.hpp"
#include "modules/audit/audit_permissions.hpp"
#include "modules/audit/consultation_rules.hpp"
#include "modules/audit/consultation_service.hpp"
#include "modules/audit/consultation_store.hpp"

namespace sotong::audit {
namespace {

std::map<std::int64_t, platform::HistoryRecord> consultation_records(store::Connection& c,
                                                                     const std::vector<std::int64_t>& ids) {
  std::map<std::int64_t, platform::HistoryRecord> out;
  for (std::int64_t id : ids)
    if (const auto r = consultation_store::find(c, id))
      out[id] = {r->title, consultation_href(id), kConsultationView};
  return out;
}

std::map<std::int64_t, platform::HistoryRecord> case_records(store::Connection& c,
                                                             const std::vector<std::int64_t>& ids) {
  std::map<std::int64_t, platform::HistoryRecord> out;
  for (std::int64_t id : ids)
    if (const auto e = audit_case_store::find(c, id)) out[id] = {e->title, case_href(id), kCaseView};
  return out;
}

}  // namespace

std::vector<platform::HistoryVocabulary> consultation_history() {
  std::vector<platform::Label> states, kinds, types, areas;
  for (const auto& s : kConsultationStates) states.push_back({std::string(s.code), std::string(s.label)});
  for (const auto& k : kConsultationKinds) kinds.push_back({std::string(k.code), std::string(k.label)});
  for (const auto& t : kCaseTypes) types.push_back({std::string(t.code), std::string(t.label)});
  for (const auto& a : kCaseAreas) areas.push_back({std::string(a.code), std::string(a.label)});
  return {
      {.record_type = "audit_consultation",
       .label = "감사 컨설팅",
       .fields = {{"title", "제목"},
                  {.code = "kind", .label = "요청 유형", .values = kinds},
                  {.code = "state", .label = "단계", .values = states},
                  {.code = "organization_id", .label = "요청 기관", .refers_to = "organization"},
                  {"due_date", "회신 기한"},
                  {"legal_basis", "법적 근거"},
                  {"note", "사유"},
                  {.code = "expert_id", .label = "초청한 전문가", .refers_to = "account"},
                  {.code = "opinion_by", .label = "분석 의견 작성자", .refers_to = "account"},
                  {.code = "case_id", .label = "감사사례", .refers_to = "audit_case"}},
       .actions = {{"step", "단계 변경"},
                   {"invite", "전문가 초청"},
                   {"opinion", "분석 의견 등록"},
                   {"answer", "결과통보"},
                   {"case", "감사사례로 등록"}},
       .name_field = "title",
       .records = consultation_records},
      {.record_type = "audit_case",
       .label = "감사사례",
       .fields = {{"title", "제목"},
                  {.code = "case_type", .label = "비리유형", .values = types},
                  {.code = "area", .label = "분야", .values = areas},
                  {"legal_basis", "법적 근거"},
                  {"year", "연도"},
                  {.code = "consultation_id", .label = "감사 컨설팅", .refers_to = "audit_consultation"}},
       .actions = {},
       .name_field = "title",
       .records = case_records},
  };
}

platform::attachments::OwnerType consultation_attachment_owner() {
  // Every role passes the action (the module's front page), so that `permits` alone decides and a refusal —
  // another 시·군, an expert not invited, the administrator — reads as not found.
  return {"audit_consultation",
          "감사 컨설팅",
          kOverview,
          [](store::Connection& c, std::int64_t id) -> std::optional<std::string> {
            auto found = find_consultation(c, id);
            if (!found) return std::nullopt;
            return found->organization_path;
          },
          [](std::int64_t id) { return consultation_href(id); },
          may_view_consultation,
          may_change_consultation_files};
}

std::vector<platform::TaskSource> consultation_tasks() {
  return {{kConsultationHandle, 600,
           [](store::Connection& c, const Actor&, const platform::Policy&) {
             return std::vector<platform::WaitingTask>{
                 {"회신을 기다리는 감사 컨설팅", count_waiting_consultations(c, false), "건",
                  "/audit/consultations?view=open"},
                 {"회신 기한이 지난 감사 컨설팅", count_waiting_consultations(c, true), "건",
                  "/audit/consultations?view=overdue"}};
           }},
          {kConsultationAdvise, 600, [](store::Connection& c, const Actor& actor, const platform::Policy&) {
             return std::vector<platform::WaitingTask>{{"분석 의견을 기다리는 감사 컨설팅",
                                                        count_expert_invitations(c, actor.account_id), "건",
                                                        "/audit/advice"}};
           }}};
}

}  // namespace sotong::audit
