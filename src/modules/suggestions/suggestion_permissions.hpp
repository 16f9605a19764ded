// Who may do what in 건의사항 (suggestions): the module's rows of the one policy and pure predicates over
// them. A suggestion is seen by the organisations it involves — the 시·군 that filed it, the 시·군 it
// concerns, its lead and cooperating bureaus — and by province-wide roles; a draft only by the organisation
// writing it.
#pragma once

#include <string>
#include <vector>

#include "core/role.hpp"
#include "modules/suggestions/suggestion.hpp"
#include "modules/suggestions/suggestion_lifecycle.hpp"
#include "platform/policy.hpp"

namespace sotong::suggestions {

/// Reading suggestions. Scoped: bureau and 시·군 officers see those their organisation is involved in.
inline constexpr const char* kView = "suggestions.view";
/// Filing suggestions for one's own 시·군 (or, for the coordinator, on a 시·군's behalf from a meeting).
inline constexpr const char* kFile = "suggestions.file";
/// Triage and decisions: 검토, 의제화, outcomes without a lead, transfers, merging, closing.
inline constexpr const char* kCoordinate = "suggestions.coordinate";
/// Carrying an adopted item as its lead bureau: progress, outcomes, extensions, the reply.
inline constexpr const char* kHandle = "suggestions.handle";

/// The policy rows this module adds (also listed on /admin/roles).
std::vector<platform::Permission> permissions();

/// True when the actor works in `organization` or one of its parts (a 전주시 department officer belongs to
/// 전주시).
bool belongs_to(const Actor& actor, const OrganizationRef& organization);

/// May `actor` see `record`? Decided by the organisations it involves, never by the role alone: a record
/// without an organisation path is refused to everyone, a draft to all but its own organisation.
bool can_view_suggestion(const platform::Policy& policy, const Actor& actor, const Suggestion& record);

/// Internal notes are for the province side: never for an officer of the 시·군 that filed the suggestion or
/// that it concerns, even one who may view it.
bool can_read_internal(const platform::Policy& policy, const Actor& actor, const Suggestion& record);

/// Who the actor is to this suggestion (the life cycle's parties): its submitter, the coordinator, its lead
/// bureau — none, one or several.
std::vector<Party> parties_of(const platform::Policy& policy, const Actor& actor, const Suggestion& record);

/// The organisation subtree whose suggestions `actor` may list: "" for every organisation (a province-wide
/// role holds kView), else the actor's own organisation path.
std::string viewable_path(const platform::Policy& policy, const Actor& actor);

}  // namespace sotong::suggestions
