// The consulting audit's shared words: the types of wrongdoing (비리유형) that classify a field audit's
// findings, the case library's entries and the data-linkage scenarios, so that a finding and a library entry
// of one kind are counted together.
#pragma once

#include <array>

#include "core/vocabulary.hpp"

namespace sotong::audit {

enum class CaseType {
  budget_misuse,
  contract,
  subsidy,
  revenue,
  personnel,
  permits,
  other,
};

inline constexpr std::array<Term<CaseType>, 7> kCaseTypes = {{
    {CaseType::budget_misuse, "budget_misuse", "예산 부당집행"},
    {CaseType::contract, "contract", "계약 부적정"},
    {CaseType::subsidy, "subsidy", "보조금·복지급여 부당지급"},
    {CaseType::revenue, "revenue", "세입·세외수입 관리 소홀"},
    {CaseType::personnel, "personnel", "인사·복무"},
    {CaseType::permits, "permits", "인허가"},
    {CaseType::other, "other", "기타"},
}};

}  // namespace sotong::audit
