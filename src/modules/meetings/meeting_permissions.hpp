// Who may do what in 회의 (meetings): the module's rows of the one policy and pure predicates over them.
#pragma once

#include <string>
#include <vector>

#include "core/role.hpp"
#include "modules/meetings/meeting.hpp"
#include "platform/policy.hpp"

namespace sotong::meetings {

/// Reading records. Scoped: bureau and 시·군 officers see only their own organisation's subtree.
inline constexpr const char* kView = "meetings.view";
/// Creating records, in the actor's own organisation (scoped the same way).
inline constexpr const char* kManage = "meetings.manage";

/// The policy rows this module adds (also listed on /admin/roles).
std::vector<platform::Permission> permissions();

/// May `actor` see `record`? Decided by the record's organisation, never by the role alone; a record without
/// an organisation path is refused to everyone.
bool can_view_meeting(const platform::Policy& policy, const Actor& actor, const Meeting& record);

/// The organisation subtree whose records `actor` may list: "" for every organisation (a province-wide role
/// holds kView), else the actor's own organisation path.
std::string viewable_path(const platform::Policy& policy, const Actor& actor);

}  // namespace sotong::meetings
