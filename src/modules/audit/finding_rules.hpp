// Pure rules of a field audit's findings (지적사항): what makes a finding and a follow-up valid, which
// follow-up steps each state allows, when a finding is overdue, and how amounts read. No I/O.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "modules/audit/field_audit.hpp"

namespace sotong::audit {

inline constexpr std::size_t kFindingTextMaxChars = 4000;
inline constexpr std::size_t kSourceMaxChars = 300;
/// The largest amount a finding may carry (1조 원): anything above is a typing mistake.
inline constexpr std::int64_t kLargestAmount = 1'000'000'000'000;

/// The follow-up of a finding: the audited organisation reports (report), the audit office confirms it done
/// (confirm) or returns it with a reason (give_back).
enum class FollowUpStep { report, confirm, give_back };

/// The state after `step`, or nullopt when the state does not allow it: a report from open or returned, a
/// confirmation or a return only of a report.
std::optional<FindingState> apply_follow_up(FindingState state, FollowUpStep step);

/// Every step `state` allows, in the order of FollowUpStep (the same table as apply_follow_up).
std::vector<FollowUpStep> available_follow_ups(FindingState state);

/// Not done and its due date before `today`.
bool is_overdue(FindingState state, CivilDate due, CivilDate today);

/// The finding checked field by field: title and what was found required, the type and the action from
/// their lists, the amount a whole number of 원 from 0 (commas and "원" allowed), a real due date, the
/// source at most kSourceMaxChars characters. Korean field errors otherwise.
Result<ValidFinding> validate_finding(const FindingInput& input);

/// A follow-up's text (what was done, or why it is returned): 1–kFindingTextMaxChars characters; `field`
/// names the form field the error stands beside.
Result<std::string> validate_follow_up_text(std::string_view raw, const char* field, const char* label);

/// "1,234,000원"
std::string format_won(std::int64_t amount);

}  // namespace sotong::audit
