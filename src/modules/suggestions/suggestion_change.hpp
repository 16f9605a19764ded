// One write to a suggestion in the making, shared by every handling use case: the record as it was, as it
// becomes, and its timeline entry; `commit` writes them with the change history and the search document, and
// rolls a sub-item's progress up to its agenda item — all on the caller's transaction.
#pragma once

#include <string>
#include <string_view>

#include "modules/suggestions/suggestion.hpp"
#include "modules/suggestions/suggestion_directory.hpp"
#include "platform/service_context.hpp"
#include "store/database.hpp"

namespace sotong::suggestions {

struct Change {
  const platform::ServiceContext& svc;
  store::Connection& c;
  const Directory& directory;
  Suggestion before;
  Suggestion after;
  Event event;
};

/// Saves `after`, appends the event and the history entry named `history_action`, re-indexes it, and
/// recomputes its agenda item's progress when it is a sub-item.
void commit(Change& change, std::string_view history_action);

/// A sub-item counts as done (100 %) once resolved, answered or closed; otherwise at its reported progress.
int rolled_up_progress(const std::vector<Suggestion>& children);

}  // namespace sotong::suggestions
