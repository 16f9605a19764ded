// Pure rules of 컨설팅 감사 (audit): what makes an input valid. No I/O, so unit tests call them directly.
#pragma once

#include <cstddef>

#include "core/result.hpp"
#include "modules/audit/field_audit.hpp"

namespace sotong::audit {

/// The longest title, counted in characters rather than bytes (200 Hangul syllables are 600 bytes of UTF-8).
inline constexpr std::size_t kTitleMaxChars = 200;

/// The input checked field by field: the title is trimmed and composed to NFC, then must be present and at
/// most kTitleMaxChars characters. Every problem comes back as a Korean field error
/// (ErrorCode::invalid_input).
Result<ValidFieldAudit> validate_field_audit(const FieldAuditInput& input);

}  // namespace sotong::audit
