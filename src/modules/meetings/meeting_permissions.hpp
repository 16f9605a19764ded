// Who may do what with 회의 (meetings): the module's policy rows, and the pure predicates a body's membership
// adds to them — a 시·군 officer sees only the bodies its 시·군 sits on, the secretariat runs a body's
// meetings.
#pragma once

#include <string>
#include <vector>

#include "core/role.hpp"
#include "modules/meetings/meeting.hpp"
#include "platform/policy.hpp"

namespace sotong::meetings {

inline constexpr const char* kView = "meetings.view";
/// Edits a body: cadence, members, blocked dates (the province's coordinator).
inline constexpr const char* kCoordinate = "meetings.coordinate";
/// Runs a body's meetings as its secretariat: schedule, hosts, agenda, minutes.
inline constexpr const char* kRun = "meetings.run";
/// Proposes agenda entries and reports action items done.
inline constexpr const char* kPropose = "meetings.propose";

std::vector<platform::Permission> permissions();

/// True when the actor works in the organisation at `path` or one of its parts.
bool works_in(const Actor& actor, const std::string& path);

/// A province-wide role sees every body; a bureau officer every body too (bureaus report to all of them);
/// anyone else only a body one of whose members (or the secretariat) the actor works in.
bool can_view_body(const platform::Policy& policy, const Actor& actor, const Body& body);

/// The coordinator, or an officer of the body's secretariat with the run action.
bool is_secretariat(const platform::Policy& policy, const Actor& actor, const Body& body);

/// A meeting is seen by whoever sees its body (a cancelled one by the secretariat only).
bool can_view_meeting(const platform::Policy& policy, const Actor& actor, const Body& body,
                      const Meeting& meeting);
/// The agenda is the secretariat's draft until published (a member sees only its own proposals before).
bool agenda_visible(const platform::Policy& policy, const Actor& actor, const Body& body,
                    const Meeting& meeting);
/// Minutes are the secretariat's draft until confirmed; then every viewer of the meeting reads them.
bool can_view_minutes(const platform::Policy& policy, const Actor& actor, const Body& body,
                      const Meeting& meeting);

/// Bureaus and the body's members propose entries while the agenda is still open.
bool can_propose(const platform::Policy& policy, const Actor& actor, const Body& body);

}  // namespace sotong::meetings
