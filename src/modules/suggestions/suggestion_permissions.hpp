// Who may do what in 건의사항 (suggestions): the module's rows of the one policy and pure predicates over
// them.
#pragma once

#include <string>
#include <vector>

#include "core/role.hpp"
#include "modules/suggestions/suggestion.hpp"
#include "platform/policy.hpp"

namespace sotong::suggestions {

/// Reading records. Scoped: bureau and 시·군 officers see only their own organisation's subtree.
inline constexpr const char* kView = "suggestions.view";
/// Creating records, in the actor's own organisation (scoped the same way).
inline constexpr const char* kManage = "suggestions.manage";

/// The policy rows this module adds (also listed on /admin/roles).
std::vector<platform::Permission> permissions();

/// May `actor` see `record`? Decided by the record's organisation, never by the role alone; a record without
/// an organisation path is refused to everyone.
bool can_view_suggestion(const platform::Policy& policy, const Actor& actor, const Suggestion& record);

/// The organisation subtree whose records `actor` may list: "" for every organisation (a province-wide role
/// holds kView), else the actor's own organisation path.
std::string viewable_path(const platform::Policy& policy, const Actor& actor);

}  // namespace sotong::suggestions
