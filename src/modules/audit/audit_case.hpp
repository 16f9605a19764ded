// The audit-case library (감사사례): an anonymised finding every official may read, as a plain value.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/vocabulary.hpp"
#include "modules/audit/audit_vocabulary.hpp"

namespace sotong::audit {

/// The field of administration a case belongs to (분야).
enum class CaseArea {
  general,
  finance,
  tax,
  welfare,
  construction,
  environment,
  agriculture,
  culture,
  economy,
  safety
};

inline constexpr std::array<Term<CaseArea>, 10> kCaseAreas = {{
    {CaseArea::general, "general", "일반행정"},
    {CaseArea::finance, "finance", "재정·회계"},
    {CaseArea::tax, "tax", "지방세·세외수입"},
    {CaseArea::welfare, "welfare", "사회복지"},
    {CaseArea::construction, "construction", "건설·도시"},
    {CaseArea::environment, "environment", "환경"},
    {CaseArea::agriculture, "agriculture", "농림·축산"},
    {CaseArea::culture, "culture", "문화·관광"},
    {CaseArea::economy, "economy", "경제·산업"},
    {CaseArea::safety, "safety", "안전·재난"},
}};

struct AuditCase {
  std::int64_t id = 0;
  std::string title;
  CaseType case_type = CaseType::other;
  CaseArea area = CaseArea::general;
  std::string legal_basis;
  std::string summary;     // what was found (or asked and answered)
  std::string prevention;  // how to prevent it
  int year = 0;
  std::optional<std::int64_t> consultation_id;  // the consultation it was made from
  std::int64_t created_by = 0;
  std::string created_by_name;
  Timestamp created_at = 0;
  Timestamp updated_at = 0;
};

/// What the auditor submits, as typed.
struct AuditCaseInput {
  std::string title;
  std::string case_type;
  std::string area;
  std::string legal_basis;
  std::string summary;
  std::string prevention;
  std::string year;
};

struct ValidAuditCase {
  std::string title;
  CaseType case_type = CaseType::other;
  CaseArea area = CaseArea::general;
  std::string legal_basis;
  std::string summary;
  std::string prevention;
  int year = 0;
};

}  // namespace sotong::audit
