// Who hosts each visiting meeting (찾아가는 현장회의): the venue rotates among the member 시·군 so that every
// member hosts once before anyone hosts twice in a round, never on a date the member cannot host, with the
// secretariat's own choices kept; each choice comes with the reason in Korean. Pure and deterministic: the
// service re-runs it over the year whenever a date, a block or a manual choice changes, which is how a manual
// change rebalances the rest of the year.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"

namespace sotong::meetings {

/// A member organisation that may host.
struct RotationMember {
  std::int64_t id = 0;
  std::string name;                // "김제시", for the explanations
  std::vector<CivilDate> blocked;  // the dates it cannot host (any order)
};

/// A meeting already held (or planned before this plan), and who hosted it.
struct PastHosting {
  std::int64_t host = 0;
  CivilDate date;
};

/// A host fixed by the secretariat for one of the plan's dates.
struct HostPin {
  CivilDate date;
  std::int64_t host = 0;
};

struct RotationInput {
  // In their stable order (e.g. by organisation code), which breaks the last tie.
  std::vector<RotationMember> members;
  std::vector<PastHosting> history;  // oldest first; the round carries on from it across years
  std::vector<CivilDate> dates;      // the dates to assign, strictly ascending
  std::vector<HostPin> pins;         // any order, at most one per date
};

/// One date of the plan.
struct HostAssignment {
  CivilDate date;
  std::optional<std::int64_t> host;  // none when every member is blocked that day
  bool pinned = false;               // chosen by the secretariat, kept as given
  std::string explanation;           // why this host, in Korean; never empty
};

/// The host of every date, in date order. A round is the stretch in which every member hosts once; it starts
/// again as soon as the last one has hosted (a former member in the history is ignored). For each date that
/// is not pinned the choice is, among the members free that day: first those that have not hosted in this
/// round (only when every one of them is blocked, those that have), then those not pinned to a later date of
/// the plan, then the least recently hosted (never hosted first), then the stable order. A pinned host counts
/// as that member's turn. Refused (ErrorCode::invalid_input, in Korean) when there are no members, a member
/// appears twice, the dates are not strictly ascending, or a pin names a date outside the plan, a second host
/// for a date, an organisation that is not a member or a date its member cannot host (that one with
/// ErrorCode::conflict).
Result<std::vector<HostAssignment>> plan_rotation(const RotationInput& input);

}  // namespace sotong::meetings
