// Pure rules of the audit-case library: what makes an entry valid, and the draft a finished consultation
// becomes (anonymised) before the auditor reviews it.
#pragma once

#include <cstddef>

#include "core/result.hpp"
#include "modules/audit/audit_case.hpp"
#include "modules/audit/consultation.hpp"
#include "modules/audit/consultation_anonymise.hpp"

namespace sotong::audit {

inline constexpr std::size_t kCaseTitleMax = 200;
inline constexpr std::size_t kCaseLegalBasisMax = 300;
inline constexpr std::size_t kCaseTextMax = 4000;
inline constexpr int kCaseFirstYear = 2000;

std::string_view case_type_label(CaseType type);
std::string_view case_type_code(CaseType type);
std::string_view case_area_label(CaseArea area);
std::string_view case_area_code(CaseArea area);

/// The entry checked field by field (trimmed, NFC, limits in characters): a title, a type and an area from
/// their lists, the legal basis, the summary, the prevention advice, and a year from 2000 to `this_year`.
Result<ValidAuditCase> validate_audit_case(const AuditCaseInput& input, int this_year);

/// The draft entry of a notified consultation with every identifying name replaced: its title, the legal
/// basis, the question and the answer as the summary, the year of the answer; type 기타 and area 일반행정
/// until the auditor picks.
AuditCaseInput draft_case(const Consultation& consultation, const IdentifyingNames& names);

/// An approval refused while the entry still names the organisation or a person (field errors on the fields
/// that do), so that nothing identifying is published by oversight.
Result<void> check_anonymous(const ValidAuditCase& entry, const IdentifyingNames& names);

}  // namespace sotong::audit
