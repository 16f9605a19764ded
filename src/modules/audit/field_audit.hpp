// 컨설팅 감사 (audit): the module's records as plain values, without behaviour.
#pragma once

#include <cstdint>
#include <string>

#include "core/clock.hpp"

namespace sotong::audit {

/// One record. The names and the path come from the platform's organisations and accounts (the service fills
/// them in); the organisation's path decides who may see the record.
struct FieldAudit {
  std::int64_t id = 0;
  std::int64_t organization_id = 0;
  std::string organization_name;
  std::string organization_path;  // "/1/12/": materialised path of the organisation, for scope checks
  std::string title;
  std::int64_t created_by = 0;  // account id
  std::string created_by_name;
  Timestamp created_at = 0;
};

/// What a person submits to create a record, as typed.
struct FieldAuditInput {
  std::string title;
};

/// An input that passed the rules, ready to store (trimmed, Hangul composed to NFC).
struct ValidFieldAudit {
  std::string title;
};

}  // namespace sotong::audit
