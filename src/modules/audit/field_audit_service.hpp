// Use cases of 컨설팅 감사 (audit), verb–noun: check the policy against the record's organisation, validate,
// then read, or write in one transaction together with the change history and the search document.
#pragma once

#include <cstdint>
#include <vector>

#include "core/result.hpp"
#include "modules/audit/audit_permissions.hpp"
#include "modules/audit/field_audit.hpp"
#include "modules/audit/field_audit_rules.hpp"
#include "platform/policy.hpp"
#include "platform/service_context.hpp"
#include "store/database.hpp"

namespace sotong::audit {

inline constexpr const char* kNotFound = "찾으시는 항목이 없거나 볼 수 있는 범위 밖에 있습니다.";

/// One page of a list, and where the next one starts.
struct FieldAuditPage {
  std::vector<FieldAudit> items;
  std::int64_t next_before = 0;  // the `before` of the next page; 0 when this is the last page
};

/// The records the actor may view, newest first, `page_size` from `before_id` (0: the newest). Refused
/// (unauthenticated, forbidden) to an actor without the view action.
Result<FieldAuditPage> list_audit(const platform::ServiceContext& svc, std::int64_t before_id,
                                  std::int64_t page_size);

/// One record. not_found also when it belongs to an organisation outside the actor's reach, so that a refusal
/// does not tell that it exists.
Result<FieldAudit> get_field_audit(const platform::ServiceContext& svc, std::int64_t id);

/// Creates a record in the actor's organisation and returns its id: field errors for bad input, forbidden
/// without the manage action. Its history entry and search document commit with it or not at all.
Result<std::int64_t> create_field_audit(const platform::ServiceContext& svc, const FieldAuditInput& input);

/// How many records `actor` may view (the dashboard card's figure; the list shows exactly these).
std::int64_t count_viewable(store::Connection& c, const platform::Policy& policy, const Actor& actor);

/// Writes the record's search document on the caller's connection, so inside the caller's transaction.
void index_for_search(store::Connection& c, const FieldAudit& record);
/// Indexes every record: the "audit" search source's rebuild.
void reindex_search(store::Connection& c);

}  // namespace sotong::audit
