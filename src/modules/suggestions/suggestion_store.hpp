// The SQL of 건의사항 (suggestions): portable statements with ? placeholders over the module's own tables —
// suggestions, suggestion_organizations, suggestion_events. No other file of the module writes SQL; callers
// pass the connection of their transaction. Organisation names and paths are not read here: they belong to
// the platform, and the service fills them in.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/clock.hpp"
#include "modules/suggestions/suggestion.hpp"
#include "store/database.hpp"

namespace sotong::suggestions::suggestion_store {

/// The suggestions' data version (platform/cache): every write of a suggestion or of the organisations it
/// names bumps it, so figures and counts kept in memory are computed again after any change.
inline constexpr const char* kDataVersion = "suggestions";

/// Which organisations' suggestions: nullopt for every organisation (drafts excepted), else those these
/// organisations filed (drafts included) or are involved in (concerned, leading, cooperating).
using Organizations = std::optional<std::vector<std::int64_t>>;

enum class Sort { newest, due };

/// What a list reads of each suggestion: the fields a list page's row shows (id, filer, title, domain,
/// state, lead bureau, due date, progress), or every field but the long texts (exports and the API).
enum class Columns { row, whole };

/// Where a page starts: after the last row of the previous page, in the sort's order.
struct Cursor {
  std::int64_t id = 0;  // 0: from the start
  std::string due_key;  // for Sort::due: the last row's due date ("9999-12-31" for none)
};

struct ListQuery {
  Organizations organizations;
  std::optional<State> state;
  bool open_only = false;  // not yet answered or closed (adopted, in progress, or before)
  std::optional<std::int64_t> lead_bureau;
  std::optional<std::vector<std::int64_t>> filed_by;  // a 시·군's subtree: filed by or concerning it
  std::optional<Domain> domain;
  std::string title_contains;
  std::optional<CivilDate> overdue_on;  // only items still in hand whose due date is before this day
  std::optional<CivilDate> due_until;   // only items still in hand due on or before this day
  bool unrated = false;                 // only answered items the submitter has not rated yet
  Sort sort = Sort::newest;
  Cursor after;
  std::int64_t limit = 25;
  Columns columns = Columns::whole;
};

/// The due key a row sorts by in Sort::due ("9999-12-31" when it has no due date).
std::string due_key(const Suggestion& record);

/// At most `limit` suggestions in the sort's order (newest first, or earliest due first), starting after
/// `after`. The organisation ids are filled in, names are not.
std::vector<Suggestion> list(store::Connection& c, const ListQuery& query);
std::optional<Suggestion> find(store::Connection& c, std::int64_t id);
/// Appends to `sql` (a WHERE clause over the unaliased suggestions table) what the organisations may see,
/// exactly as the list narrows it; for a query of another file of the module (the figures).
void add_visibility(std::string& sql, store::Params& params, const Organizations& organizations);
/// How many suggestions the organisations may see (drafts only their own).
std::int64_t count(store::Connection& c, const Organizations& organizations);
/// How many suggestions match the query's filters (its sort, cursor and limit are ignored).
std::int64_t count_matching(store::Connection& c, const ListQuery& query);
/// (organization_id, suggestions submitted in [from, to)), in organisation id order.
std::vector<std::pair<std::int64_t, std::int64_t>> count_submitted_per_organization(store::Connection& c,
                                                                                    Timestamp from,
                                                                                    Timestamp to);
/// (lead bureau id, mean satisfaction) of the suggestions rated in [from, to), in bureau id order.
std::vector<std::pair<std::int64_t, double>> mean_satisfaction_per_lead_bureau(store::Connection& c,
                                                                               Timestamp from, Timestamp to);

/// How many suggestions there are, drafts included.
std::int64_t count_all(store::Connection& c);
/// Inserts a whole record as it stands — handling fields, milestones, concerned 시·군 and cooperating
/// bureaus — and returns its id: demo and generated records, whose timeline is written beside them.
std::int64_t insert_whole(store::Connection& c, const Suggestion& record);
/// Inserts a filed suggestion (state `state`) with its concerned 시·군, and returns its id.
std::int64_t insert(store::Connection& c, const ValidSuggestion& filing, std::int64_t organization_id,
                    State state, std::int64_t created_by, Timestamp at);
/// Rewrites what the filer wrote (a draft being edited), concerned 시·군 included.
void update_filing(store::Connection& c, std::int64_t id, const ValidSuggestion& filing, Timestamp at);
/// Writes every handling field of `record` (state, lead, due date, counters, milestones, reply, rating) and
/// its cooperating bureaus.
void save_handling(store::Connection& c, const Suggestion& record, Timestamp at);

/// Items in hand (adopted or in progress) the organisations may see whose review at `level` falls on or
/// before `until`, earliest review first, at most `limit`.
std::vector<Suggestion> due_for_review(store::Connection& c, const Organizations& organizations,
                                       ReviewLevel level, CivilDate until, std::int64_t limit);

/// Adds a 시·군 the suggestion concerns (nothing when it is there already).
void add_concerned(store::Connection& c, std::int64_t id, std::int64_t organization_id);
/// Makes `id` a sub-item of `parent_id`.
void set_parent(store::Connection& c, std::int64_t id, std::int64_t parent_id);
/// The sub-items of a suggestion, oldest first.
std::vector<Suggestion> children(store::Connection& c, std::int64_t parent_id);
/// The duplicates merged into `survivor_id`.
std::vector<Suggestion> merged_from(store::Connection& c, std::int64_t survivor_id);
/// Links two suggestions both ways; false when they were linked already.
bool add_link(store::Connection& c, std::int64_t a, std::int64_t b, std::int64_t created_by, Timestamp at);
/// The suggestions linked to `id`.
std::vector<Suggestion> related(store::Connection& c, std::int64_t id);

void insert_event(store::Connection& c, const Event& event);
/// The timeline of one suggestion in the order made; internal notes only when `include_internal`.
std::vector<Event> events(store::Connection& c, std::int64_t suggestion_id, bool include_internal);

}  // namespace sotong::suggestions::suggestion_store
