#include "modules/audit/field_audit_schedule.hpp"

#include <algorithm>
#include <optional>
#include <tuple>

namespace sotong::audit {
namespace {

bool starts_before(const ScheduledAudit& a, const ScheduledAudit& b) {
  return std::make_tuple(a.organization_id, days_from_civil(a.start), a.id) <
         std::make_tuple(b.organization_id, days_from_civil(b.start), b.id);
}

/// The conflict of two audits of one organisation, `first` starting no later than `second`; nullopt when
/// they are far enough apart.
std::optional<ScheduleConflict> compare(const ScheduledAudit& first, const ScheduledAudit& second) {
  const std::int64_t gap = days_from_civil(second.start) - days_from_civil(first.end);
  const bool overlap = gap <= 0;
  if (!overlap && gap >= kMinimumGapDays) return std::nullopt;
  return ScheduleConflict{first.organization_id, first.id, second.id, overlap, gap};
}

}  // namespace

std::vector<ScheduleConflict> schedule_conflicts(std::vector<ScheduledAudit> audits) {
  std::sort(audits.begin(), audits.end(), starts_before);
  std::vector<ScheduleConflict> out;
  // Every pair within one organisation, not only neighbours: a long audit may be near several short ones.
  for (std::size_t i = 0; i < audits.size(); ++i)
    for (std::size_t j = i + 1; j < audits.size() && audits[j].organization_id == audits[i].organization_id;
         ++j)
      if (auto conflict = compare(audits[i], audits[j])) out.push_back(*conflict);
  return out;
}

std::vector<ScheduleConflict> conflicts_with(const ScheduledAudit& candidate,
                                             const std::vector<ScheduledAudit>& others) {
  std::vector<ScheduleConflict> out;
  for (const auto& other : others) {
    if (other.id == candidate.id && candidate.id != 0) continue;
    if (other.organization_id != candidate.organization_id) continue;
    const bool candidate_first = !starts_before(other, candidate);
    auto conflict = candidate_first ? compare(candidate, other) : compare(other, candidate);
    if (conflict) out.push_back(*conflict);
  }
  return out;
}

std::string describe_gap(const ScheduleConflict& conflict) {
  if (conflict.overlap) return "감사 기간이 겹칩니다";
  return "간격이 " + std::to_string(conflict.gap_days) + "일입니다 (" + std::to_string(kMinimumGapDays) +
         "일 미만)";
}

}  // namespace sotong::audit
