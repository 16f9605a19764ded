// Who may do what in the consulting audit (컨설팅 감사): the module's rows of the one policy, for all of its
// parts (consultations, the case library, field audits with their pre-audit consultation, self-disclosures
// and data linkage), and the pure predicates over them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/role.hpp"
#include "platform/policy.hpp"

namespace sotong::audit {

/// The audit office's front page: what waits, and the way to each part. Everyone who holds any action below.
inline constexpr const char* kOverview = "audit.overview";

/// Standing consultation (상시 감사 컨설팅): a 시·군 or bureau asks, and reads what its own organisation
/// asked.
inline constexpr const char* kConsultationAsk = "audit.consultation.ask";
/// Reading consultations: the asking organisation's subtree; the audit office everywhere.
inline constexpr const char* kConsultationView = "audit.consultation.view";
/// Moving a consultation through its steps and answering it: the audit office.
inline constexpr const char* kConsultationHandle = "audit.consultation.handle";
/// An invited expert's analysis on a consultation (the service also checks the invitation).
inline constexpr const char* kConsultationAdvise = "audit.consultation.advise";

/// The audit-case library (감사사례): anonymised findings and finished consultations, for every official.
inline constexpr const char* kCaseView = "audit.case.view";
inline constexpr const char* kCaseManage = "audit.case.manage";

/// Field audits (현장감사) with their pre-audit consultation (감사협의) and findings: the audited 시·군's
/// subtree reads its own; the audit office everywhere.
inline constexpr const char* kFieldView = "audit.field.view";
/// Planning audits, recording findings and closing them: the audit office.
inline constexpr const char* kFieldManage = "audit.field.manage";
/// The audited organisation's side: its opinion on the plan, and the follow-up of each finding.
inline constexpr const char* kFieldRespond = "audit.field.respond";

/// Self-disclosure (자율적 시정·플리바겐): an official files one for their own organisation and sees only a
/// receipt.
inline constexpr const char* kDisclosureFile = "audit.disclosure.file";
/// Reading and deciding self-disclosures: the audit office only; every other role is answered 404.
inline constexpr const char* kDisclosureRead = "audit.disclosure.read";
/// Counts of self-disclosures per year and decision, with nothing of any one filing.
inline constexpr const char* kDisclosureFigures = "audit.disclosure.figures";

/// Data linkage (전산감사): data sets, scenarios, runs and their flagged rows: the audit office only.
inline constexpr const char* kLinkage = "audit.linkage";

/// The policy rows this module adds (also listed on /admin/roles).
std::vector<platform::Permission> permissions();

/// May `actor` act under `action` on a record of the organisation at `organization_path`? A record without a
/// path is refused to everyone.
bool may_reach(const platform::Policy& policy, const Actor& actor, std::string_view action,
               const std::string& organization_path);

/// The organisation subtree whose records `actor` may list under `action`: "" for every organisation (a
/// province-wide grant), else the actor's own organisation path.
std::string viewable_path(const platform::Policy& policy, const Actor& actor, std::string_view action);

}  // namespace sotong::audit
