// Field audits (현장감사) with their pre-audit consultation (감사협의) and findings (지적사항): the records
// as plain values, and the closed lists they use, without behaviour.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/vocabulary.hpp"
#include "modules/audit/audit_vocabulary.hpp"

namespace sotong::audit {

enum class AuditKind { general, special, service, financial, other };

inline constexpr std::array<Term<AuditKind>, 5> kAuditKinds = {{
    {AuditKind::general, "general", "종합감사"},
    {AuditKind::special, "special", "특정감사"},
    {AuditKind::service, "service", "복무감사"},
    {AuditKind::financial, "financial", "재무감사"},
    {AuditKind::other, "other", "기타"},
}};

enum class AuditMethod { field, document, mixed };

inline constexpr std::array<Term<AuditMethod>, 3> kAuditMethods = {{
    {AuditMethod::field, "field", "현장"},
    {AuditMethod::document, "document", "서면"},
    {AuditMethod::mixed, "mixed", "병행"},
}};

/// Where an audit stands: agreed with the audited organisation before it starts, then done, or cancelled.
enum class AuditState { consulting, agreed, done, cancelled };

inline constexpr std::array<Term<AuditState>, 4> kAuditStates = {{
    {AuditState::consulting, "consulting", "협의 중"},
    {AuditState::agreed, "agreed", "협의 완료"},
    {AuditState::done, "done", "감사 종료"},
    {AuditState::cancelled, "cancelled", "취소"},
}};

/// What the audited organisation comments on in one round of the consultation.
enum class OpinionTopic { general, purpose, areas, schedule, method };

inline constexpr std::array<Term<OpinionTopic>, 5> kOpinionTopics = {{
    {OpinionTopic::general, "general", "전반"},
    {OpinionTopic::purpose, "purpose", "감사 목적"},
    {OpinionTopic::areas, "areas", "감사 분야"},
    {OpinionTopic::schedule, "schedule", "일정"},
    {OpinionTopic::method, "method", "감사 방법"},
}};

/// One entry of an audit's consultation: the audited organisation's opinion or agreement, the audit office's
/// change of the plan (with its note), the end or cancellation.
enum class PlanEventKind { plan, opinion, revision, agreement, finish, cancel };

inline constexpr std::array<Term<PlanEventKind>, 6> kPlanEventKinds = {{
    {PlanEventKind::plan, "plan", "감사 계획 등록"},
    {PlanEventKind::opinion, "opinion", "의견 제출"},
    {PlanEventKind::revision, "revision", "계획 수정"},
    {PlanEventKind::agreement, "agreement", "협의 동의"},
    {PlanEventKind::finish, "finish", "감사 종료"},
    {PlanEventKind::cancel, "cancel", "감사 취소"},
}};

/// The plan of an audit as the audit office writes it (and changes it in response to the consultation).
struct AuditPlan {
  std::string title;
  AuditKind kind = AuditKind::general;
  std::string purpose;
  std::string areas;
  AuditMethod method = AuditMethod::field;
  std::string method_note;
  CivilDate start{};
  CivilDate end{};
  std::string team;
};

/// One audit of one organisation. Names and the path come from the platform's organisations and accounts.
struct FieldAudit {
  std::int64_t id = 0;
  std::int64_t organization_id = 0;
  std::string organization_name;
  std::string organization_path;  // "/1/12/": decides who may see the audit
  AuditPlan plan;
  AuditState state = AuditState::consulting;
  std::int64_t created_by = 0;
  std::string created_by_name;
  Timestamp created_at = 0;
  Timestamp updated_at = 0;
};

/// A plan as typed on the form (or the API), nothing checked yet.
struct AuditPlanInput {
  std::string organization_id;
  std::string title;
  std::string kind;
  std::string purpose;
  std::string areas;
  std::string method;
  std::string method_note;
  std::string start_date;
  std::string end_date;
  std::string team;
  std::string note;               // why the plan changes (a revision): shown to the audited organisation
  bool confirm_conflict = false;  // 「그래도 저장」: save although another audit is within 30 days
};

/// A plan that passed the rules.
struct ValidAuditPlan {
  std::int64_t organization_id = 0;
  AuditPlan plan;
  std::string note;
};

struct ConsultationEntry {
  std::int64_t id = 0;
  std::int64_t field_audit_id = 0;
  PlanEventKind kind = PlanEventKind::opinion;
  std::optional<OpinionTopic> topic;
  std::string body;
  std::int64_t account_id = 0;
  std::string account_name;
  Timestamp created_at = 0;
};

struct OpinionInput {
  std::string topic;
  std::string body;
};

/// What the audit office asks the audited organisation to do about a finding.
enum class RequiredAction { correction, caution, improvement, recommendation, notice };

inline constexpr std::array<Term<RequiredAction>, 5> kRequiredActions = {{
    {RequiredAction::correction, "correction", "시정"},
    {RequiredAction::caution, "caution", "주의"},
    {RequiredAction::improvement, "improvement", "개선"},
    {RequiredAction::recommendation, "recommendation", "권고"},
    {RequiredAction::notice, "notice", "통보"},
}};

/// The follow-up of a finding: waiting for the audited organisation's report, reported, returned for more
/// (보완 요구, waiting again), done (confirmed by the audit office).
enum class FindingState { open, reported, returned, done };

inline constexpr std::array<Term<FindingState>, 4> kFindingStates = {{
    {FindingState::open, "open", "조치 대기"},
    {FindingState::reported, "reported", "조치 보고"},
    {FindingState::returned, "returned", "보완 요구"},
    {FindingState::done, "done", "조치 완료"},
}};

enum class FollowUpKind { report, returned, confirmed };

inline constexpr std::array<Term<FollowUpKind>, 3> kFollowUpKinds = {{
    {FollowUpKind::report, "report", "조치 보고"},
    {FollowUpKind::returned, "return", "보완 요구"},
    {FollowUpKind::confirmed, "confirm", "조치 확인"},
}};

struct Finding {
  std::int64_t id = 0;
  std::int64_t field_audit_id = 0;
  std::string audit_title;
  std::int64_t organization_id = 0;  // the audited organisation (the audit's)
  std::string organization_name;
  std::string organization_path;
  std::string title;
  CaseType case_type = CaseType::other;
  std::string description;
  std::int64_t amount = 0;  // 원: 재정상 조치 금액
  std::string recommendation;
  RequiredAction action = RequiredAction::correction;
  CivilDate due{};
  std::string source;  // where it came from ("전산감사 결과 #12"); may be empty
  FindingState state = FindingState::open;
  std::int64_t created_by = 0;
  Timestamp created_at = 0;
  Timestamp updated_at = 0;
  bool overdue = false;  // filled by the service for today
};

/// A finding as typed on the form, or as another part of the module hands it over.
struct FindingInput {
  std::string title;
  std::string case_type;
  std::string description;
  std::string amount;
  std::string recommendation;
  std::string action;
  std::string due_date;
  std::string source;
};

struct ValidFinding {
  std::string title;
  CaseType case_type = CaseType::other;
  std::string description;
  std::int64_t amount = 0;
  std::string recommendation;
  RequiredAction action = RequiredAction::correction;
  CivilDate due{};
  std::string source;
};

struct FollowUp {
  std::int64_t id = 0;
  std::int64_t finding_id = 0;
  FollowUpKind kind = FollowUpKind::report;
  std::string body;
  std::int64_t account_id = 0;
  std::string account_name;
  Timestamp created_at = 0;
};

}  // namespace sotong::audit
