// Demo 건의사항: a year of suggestions from all 14 시·군 for `sotong demo-data`, planned here, made by
// suggestion_samples and written through the module's store together with their search documents.
#pragma once

#include <cstdint>
#include <vector>

#include "core/clock.hpp"
#include "modules/suggestions/suggestion_samples.hpp"
#include "platform/calendar/working_calendar.hpp"
#include "store/database.hpp"

namespace sotong::suggestions {

/// The demo's plans, one per sample topic: every state reached, filed over the twelve months before `today`,
/// with notes, extensions, one transfer, an appeal, a reopening and ratings. Always the same for one day.
std::vector<SamplePlan> demo_plans(const platform::calendar::WorkingCalendar& calendar, CivilDate today);

/// Loads the demo's suggestions in one transaction, each submitted one indexed for search. Does nothing when
/// the database holds any suggestion, so that loading the demo data again adds nothing. Throws
/// std::runtime_error when the demo organisations or accounts are missing.
void load_demo_suggestions(store::Database& db);

}  // namespace sotong::suggestions
