// Demo and generated 건의사항: a year of suggestions from all 14 시·군 for `sotong demo-data`, and any number
// over three years for benchmarks (`sotong generate suggestions`). Both are planned here, made by
// suggestion_samples and written through the module's store together with their search documents.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "modules/suggestions/suggestion_samples.hpp"
#include "platform/calendar/working_calendar.hpp"
#include "store/database.hpp"

namespace sotong::suggestions {

/// The demo's plans, one per sample topic: every state reached, filed over the twelve months before `today`,
/// with notes, extensions, one transfer, an appeal, a reopening and ratings. Always the same for one day.
std::vector<SamplePlan> demo_plans(const platform::calendar::WorkingCalendar& calendar, CivilDate today);

/// One generated plan over the three years before `today`, the state fitting the age (old matters are mostly
/// closed), drawn from `topics`, which must not be empty.
SamplePlan generated_plan(SampleRandom& random, std::span<const SampleTopic* const> topics,
                          const platform::calendar::WorkingCalendar& calendar, CivilDate today);

/// Loads the demo's suggestions in one transaction, each submitted one indexed for search. Does nothing when
/// the database holds any suggestion, so that loading the demo data again adds nothing. Throws
/// std::runtime_error when the demo organisations or accounts are missing.
void load_demo_suggestions(store::Database& db);

/// Writes `count` generated suggestions (see generated_plan), a thousand to a transaction, each submitted one
/// indexed for search, and returns how many it wrote. Refused in Korean when the database lacks the demo
/// organisations and accounts (`sotong demo-data` first).
Result<std::int64_t> generate_suggestions(store::Database& db, std::int64_t count);

}  // namespace sotong::suggestions
