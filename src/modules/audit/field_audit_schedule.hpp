// The audit calendar's rule: two audits of one organisation must not overlap or come within 30 days of each
// other, so that a 시·군 is not audited again before it has recovered from the last one. Pure.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/clock.hpp"

namespace sotong::audit {

/// Audits of one organisation closer than this (days from one's end to the next one's start) are warned of.
inline constexpr std::int64_t kMinimumGapDays = 30;

/// An audit as the calendar sees it.
struct ScheduledAudit {
  std::int64_t id = 0;
  std::int64_t organization_id = 0;
  CivilDate start{};
  CivilDate end{};
};

/// Two audits of one organisation too close together: `earlier` starts first (or, starting the same day, has
/// the smaller id).
struct ScheduleConflict {
  std::int64_t organization_id = 0;
  std::int64_t earlier = 0;
  std::int64_t later = 0;
  bool overlap = false;       // the later one starts on or before the day the earlier one ends
  std::int64_t gap_days = 0;  // later's start − earlier's end, in days (≤ 0 when they overlap)
};

/// Every pair of audits of one organisation that overlap or whose gap is under kMinimumGapDays (exactly 30
/// days apart is fine), ordered by organisation, then by the earlier audit's start.
std::vector<ScheduleConflict> schedule_conflicts(std::vector<ScheduledAudit> audits);

/// The conflicts `candidate` would have with `others` (the organisation's other audits; the candidate's own
/// id among them is skipped, so that an edited plan is not compared with itself).
std::vector<ScheduleConflict> conflicts_with(const ScheduledAudit& candidate,
                                             const std::vector<ScheduledAudit>& others);

/// The warning in Korean: "겹칩니다" or "간격이 12일입니다 (30일 미만)".
std::string describe_gap(const ScheduleConflict& conflict);

}  // namespace sotong::audit
