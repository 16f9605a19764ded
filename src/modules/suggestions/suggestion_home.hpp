// What 건의사항 puts on the home page: the work waiting for each role (처리할 일) and the dashboard card.
#pragma once

#include <vector>

#include "platform/extension_points.hpp"
#include "platform/policy.hpp"
#include "store/database.hpp"

namespace sotong::suggestions {

/// The coordinator's triage queue and overdue items; a bureau's items in hand and due this week; a 시·군's
/// drafts and replies waiting for a rating. Each links to the list showing exactly those.
std::vector<platform::WaitingTask> waiting_tasks(store::Connection& c, const Actor& actor,
                                                 const platform::Policy& policy);

/// The card: how many suggestions the person may see, in hand, and overdue.
std::vector<platform::CardCount> card_counts(store::Connection& c, const Actor& actor,
                                             const platform::Policy& policy);

}  // namespace sotong::suggestions
