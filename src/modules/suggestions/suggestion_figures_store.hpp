// The one query of the figures (성과 지표): every submitted suggestion up to a year's end, one row each from
// the module's own table. Organisation names and the 시·군 an organisation belongs to are not read here: the
// service asks the directory.
#pragma once

#include <functional>

#include "core/clock.hpp"
#include "modules/suggestions/suggestion_figures.hpp"
#include "modules/suggestions/suggestion_store.hpp"

namespace sotong::suggestions::suggestion_figures_store {

/// Hands `each` every suggestion that can count in [from, until): submitted before `until`, changed since
/// `from` or in hand now, and seen by `organizations` (as the list narrows them). `municipality` is left 0
/// for the caller.
void each_row(store::Connection& c, Timestamp from, Timestamp until,
              const suggestion_store::Organizations& organizations,
              const std::function<void(FigureRow&)>& each);

}  // namespace sotong::suggestions::suggestion_figures_store
