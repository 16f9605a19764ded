#include "modules/suggestions/suggestion_figures_store.hpp"

#include <string>

namespace sotong::suggestions::suggestion_figures_store {
namespace {

// One row per suggestion, the timeline never read: the record keeps every milestone, the outcome decided and
// when the standing rating was given (migrations 0002 and 0006), and the covering index suggestions_figures
// holds exactly these columns, so the scan never touches the long texts. A suggestion last changed before the
// year began can count in it only by being in hand through it: every change of a milestone goes through
// suggestion_store, which sets updated_at, so the others are left out here.
constexpr const char* kSelect =
    "SELECT organization_id, lead_bureau_id, state, outcome, submitted_at, adopted_at, outcome_at, "
    "answered_at, due_date, extensions, satisfaction, rated_at FROM suggestions "
    "WHERE submitted_at < ? AND state <> 'draft' AND (updated_at >= ? OR state IN ('adopted', "
    "'in_progress'))";

FigureRow row_from(const store::Row& row) {
  FigureRow r;
  r.organization_id = row.int64(0);
  r.bureau = row.optional_int64(1).value_or(0);
  r.state = state_from_code(row.text(2)).value_or(State::received);
  if (!row.is_null(3)) r.last_outcome = state_from_code(row.text(3));
  r.submitted_at = row.optional_int64(4);
  r.adopted_at = row.optional_int64(5);
  r.outcome_at = row.optional_int64(6);
  r.answered_at = row.optional_int64(7);
  if (!row.is_null(8)) r.due_date = parse_date(row.text(8));
  r.extensions = static_cast<int>(row.int64(9));
  if (auto s = row.optional_int64(10)) r.satisfaction = static_cast<int>(*s);
  r.rated_at = row.optional_int64(11);
  return r;
}

}  // namespace

void each_row(store::Connection& c, Timestamp from, Timestamp until,
              const suggestion_store::Organizations& organizations,
              const std::function<void(FigureRow&)>& each) {
  std::string sql = kSelect;
  store::Params params{until, from};
  suggestion_store::add_visibility(sql, params, organizations);
  c.each(sql, params, [&](store::Row&& row) {
    FigureRow r = row_from(row);
    each(r);
  });
}

}  // namespace sotong::suggestions::suggestion_figures_store
