// Pure rules of an audit and its pre-audit consultation (감사협의): what makes a plan valid, and which steps
// each state allows. No I/O, so unit tests call them directly.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "modules/audit/field_audit.hpp"

namespace sotong::audit {

inline constexpr std::size_t kTitleMaxChars = 200;
inline constexpr std::size_t kPurposeMaxChars = 2000;
inline constexpr std::size_t kAreasMaxChars = 1000;
inline constexpr std::size_t kShortTextMaxChars = 500;  // the method's note, the team
inline constexpr std::size_t kOpinionMaxChars = 4000;
/// An audit lasts at most this many days (a plan of a year or more is a typing mistake).
inline constexpr std::int64_t kLongestAuditDays = 180;

/// The steps of an audit, each taken by the audit office (revise, finish, cancel, record a finding) or by the
/// audited organisation (opinion, agree).
enum class AuditStep { revise, opinion, agree, finish, cancel, record_finding };

/// The state after `step` from `state`, or nullopt when the state does not allow it. A revision of an agreed
/// plan opens the consultation again: the audited organisation agrees to the plan it will be audited by.
std::optional<AuditState> apply_step(AuditState state, AuditStep step);

/// Every step `state` allows, in the order of AuditStep (the same table as apply_step).
std::vector<AuditStep> available_steps(AuditState state);

/// The plan checked field by field (text trimmed and composed to NFC, limits in characters, the end on or
/// after the start and at most kLongestAuditDays later). Korean field errors (invalid_input) otherwise. The
/// organisation is only parsed here; the service checks that it exists.
Result<ValidAuditPlan> validate_plan(const AuditPlanInput& input);

/// An opinion of the audited organisation: a topic of kOpinionTopics and 1–kOpinionMaxChars characters.
Result<ConsultationEntry> validate_opinion(const OpinionInput& input);

/// "2026-03-02"
std::string format_date(CivilDate date);

}  // namespace sotong::audit
