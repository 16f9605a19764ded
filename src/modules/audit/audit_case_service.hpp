// Use cases of the audit-case library: reading it (every official), entering and editing entries (the audit
// office), and turning a notified consultation into an anonymised entry the auditor reviews before
// publishing.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "modules/audit/audit_case.hpp"
#include "modules/audit/consultation.hpp"
#include "platform/service_context.hpp"
#include "store/database.hpp"

namespace sotong::audit {

inline constexpr const char* kCaseNotFound = "찾으시는 감사사례가 없습니다.";
inline constexpr const char* kCaseSource = "audit_cases";

struct AuditCaseFilter {
  std::optional<CaseType> case_type;
  std::optional<CaseArea> area;
  std::string text;
};

struct AuditCasePage {
  std::vector<AuditCase> items;
  std::int64_t next_before = 0;
};

/// A consultation's draft entry, to be reviewed.
struct CaseDraft {
  Consultation consultation;
  AuditCaseInput input;
};

Result<AuditCasePage> list_cases(const platform::ServiceContext& svc, const AuditCaseFilter& filter,
                                 std::int64_t before_id, std::int64_t page_size);
Result<AuditCase> get_case(const platform::ServiceContext& svc, std::int64_t id);
/// Enters an entry by hand; returns its id.
Result<std::int64_t> create_case(const platform::ServiceContext& svc, const AuditCaseInput& input);
Result<void> update_case(const platform::ServiceContext& svc, std::int64_t id, const AuditCaseInput& input);

/// The anonymised draft of a notified consultation not yet in the library (conflict otherwise).
Result<CaseDraft> draft_case_from_consultation(const platform::ServiceContext& svc,
                                               std::int64_t consultation_id);
/// Publishes the reviewed entry, refused while it still names the organisation or a person; links it to the
/// consultation. Returns the entry's id.
Result<std::int64_t> register_case_from_consultation(const platform::ServiceContext& svc,
                                                     std::int64_t consultation_id,
                                                     const AuditCaseInput& input);

std::string case_href(std::int64_t id);
void index_case(store::Connection& c, const AuditCase& entry);
void reindex_cases(store::Connection& c);

}  // namespace sotong::audit
