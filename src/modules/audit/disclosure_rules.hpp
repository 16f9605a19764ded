// Pure rules of self-disclosure: what a filing and a decision must hold, the receipt number, the year a
// filing counts in, and the province-wide figures. No I/O, no policy, no database.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/result.hpp"
#include "modules/audit/disclosure.hpp"

namespace sotong::audit {

inline constexpr std::size_t kDisclosureTitleMax = 100;
inline constexpr std::size_t kDisclosureTextMax = 4000;
inline constexpr std::size_t kDisclosureReasonsMax = 2000;
inline constexpr std::size_t kRelatedAuditMax = 200;
/// A trillion won: more than any one matter of a 시·군 or bureau, so a larger figure is a typing slip.
inline constexpr std::int64_t kDisclosureAmountMax = 1'000'000'000'000;

/// The filing as it will be stored: text trimmed and composed (NFC), the period checked against `today`
/// (Korean date: nothing after it), the kind one of the listed codes, the amount whole won (commas allowed).
/// Korean field errors otherwise.
Result<ValidDisclosure> validate_disclosure(const DisclosureInput& input, CivilDate today);

/// A decision needs one of 감경 / 면제 / 해당없음 and its reasons. Korean field errors otherwise.
Result<ValidDecision> validate_decision(const DecisionInput& input);

/// Only a filing waiting for its decision may be decided; a decided one is a conflict.
Result<void> may_decide(DisclosureState state);

/// The receipt number the filer is given: the Korean year of filing and the filing's number, "2026-0007".
std::string receipt_number(std::int64_t id, Timestamp filed_at);

/// "2026-03-04".
std::string date_text(CivilDate date);
/// "1,234,000".
std::string won_text(std::int64_t amount);

/// (year, decision code or "" for pending, count) rows → one row per year, newest first.
std::vector<DisclosureYearCount> year_counts(
    const std::vector<std::tuple<int, std::string, std::int64_t>>& rows);

}  // namespace sotong::audit
