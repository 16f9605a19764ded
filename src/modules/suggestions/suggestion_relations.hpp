// The steps that relate suggestions to each other: merging a duplicate into the one that carries on, linking
// related items, and adding a sub-item to an agenda item. Each works on the caller's transaction through a
// Change, after suggestion_steps has allowed it.
#pragma once

#include <string>

#include "core/result.hpp"
#include "modules/suggestions/suggestion_change.hpp"
#include "modules/suggestions/suggestion_handling_rules.hpp"

namespace sotong::suggestions {

/// Closes the duplicate as merged into the target, which the duplicate's 시·군 may then see (it becomes
/// concerned); the submitters of both are told.
Result<std::string> merge_duplicate(Change& change, const DecisionInput& input);

/// Links the suggestion and the target both ways (each the person may see).
Result<std::string> link_related(Change& change, const DecisionInput& input);

/// Adds a sub-item led by a bureau, adopted at once with its own due date; its progress rolls up.
Result<std::string> add_sub_item(Change& change, const DecisionInput& input);

}  // namespace sotong::suggestions
