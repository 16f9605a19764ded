// The pieces every write of the module shares, so that each use case reads as its steps: load a suggestion
// with its organisations described, add a timeline entry, record the change history, tell people.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/role.hpp"
#include "modules/suggestions/suggestion.hpp"
#include "modules/suggestions/suggestion_directory.hpp"
#include "store/database.hpp"

namespace sotong::suggestions {

std::string detail_url(std::int64_t id);

/// The suggestion with the names and paths of the organisations it names, or nullopt.
std::optional<Suggestion> load_described(store::Connection& c, const Directory& directory, std::int64_t id);

/// Appends a timeline entry made by `actor` now.
void add_event(store::Connection& c, const Actor& actor, Event event);

/// Records the change in the history: the fields kept of a suggestion before and after (before empty for a
/// new one).
void record_history(store::Connection& c, const Actor& actor, std::string_view action,
                    const std::optional<Suggestion>& before, const Suggestion& after);

/// Who hears about a suggestion: the person who filed it and the liaison officers of the 시·군 that filed it;
/// the officers of the lead bureau; every coordinator.
std::vector<std::int64_t> submitter_side(store::Connection& c, const Suggestion& record);
std::vector<std::int64_t> lead_side(store::Connection& c, const Suggestion& record);
std::vector<std::int64_t> coordinators(store::Connection& c);

/// One notification to each account (each once), except the actor, linking to the suggestion.
void tell(store::Connection& c, const Actor& actor, std::vector<std::int64_t> accounts,
          const Suggestion& record, std::string_view title, std::string_view body);

}  // namespace sotong::suggestions
