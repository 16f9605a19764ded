#include "modules/suggestions/suggestion_store.hpp"

#include <algorithm>
#include <map>
#include <string>

#include "platform/cache/data_version.hpp"
#include "platform/calendar/holiday.hpp"

namespace sotong::suggestions::suggestion_store {
namespace {

// A list page's row first: each column read costs on every row (SQLite decodes the record column by column),
// and the list is the coordinator's most used page. Every other read takes these and the rest after them;
// the long texts (content, answer) come last and only a single record reads them, so that a list page does
// not copy kilobytes per row it never shows.
constexpr const char* kRowColumns =
    "id, organization_id, title, domain, state, lead_bureau_id, due_date, progress";
constexpr std::size_t kRowColumnCount = 8;
constexpr const char* kColumns =
    "id, organization_id, title, domain, state, lead_bureau_id, due_date, progress, channel, "
    "addressed_bureau_id, desired_date, working_days, extensions, appealed, review_level, next_review, "
    "satisfaction, satisfaction_comment, created_by, created_at, submitted_at, adopted_at, outcome_at, "
    "answered_at, closed_at, updated_at, merged_into, parent_id, outcome, rated_at";
constexpr std::size_t kContentColumn = 30;
constexpr const char* kLongColumns = ", content, answer";
constexpr const char* kNoDue = "9999-12-31";

std::optional<CivilDate> date_at(const store::Row& row, std::size_t i) {
  if (row.is_null(i)) return std::nullopt;
  return parse_date(row.text(i));
}

std::optional<OrganizationRef> organization_at(const store::Row& row, std::size_t i) {
  if (row.is_null(i)) return std::nullopt;
  return OrganizationRef{row.int64(i), "", ""};
}

std::optional<std::string> date_text(const std::optional<CivilDate>& date) {
  if (!date) return std::nullopt;
  return platform::calendar::format_date(*date);
}

/// The fields of kRowColumns.
Suggestion from_list_row(const store::Row& row) {
  Suggestion r;
  r.id = row.int64(0);
  r.organization.id = row.int64(1);
  r.title = row.text(2);
  r.domain = from_code<Domain>(kDomains, row.text(3)).value_or(Domain::project);
  r.state = state_from_code(row.text(4)).value_or(State::draft);
  r.lead_bureau = organization_at(row, 5);
  r.due_date = date_at(row, 6);
  r.progress = static_cast<int>(row.int64(7));
  return r;
}

/// The fields of kColumns (and kLongColumns when read): the row's, then the rest in kColumns' order.
Suggestion from_row(const store::Row& row) {
  Suggestion r = from_list_row(row);
  std::size_t i = kRowColumnCount;
  r.channel = from_code<Channel>(kChannels, row.text(i++)).value_or(Channel::direct);
  r.addressed_bureau = organization_at(row, i++);
  r.desired_date = date_at(row, i++);
  r.working_days = static_cast<int>(row.int64(i++));
  r.extensions = static_cast<int>(row.int64(i++));
  r.appealed = row.boolean(i++);
  if (!row.is_null(i)) r.review_level = from_code<ReviewLevel>(kReviewLevels, row.text(i));
  ++i;
  r.next_review = date_at(row, i++);
  if (auto s = row.optional_int64(i++)) r.satisfaction = static_cast<int>(*s);
  r.satisfaction_comment = row.text(i++);
  r.created_by = row.int64(i++);
  r.created_at = row.int64(i++);
  r.submitted_at = row.optional_int64(i++);
  r.adopted_at = row.optional_int64(i++);
  r.outcome_at = row.optional_int64(i++);
  r.answered_at = row.optional_int64(i++);
  r.closed_at = row.optional_int64(i++);
  r.updated_at = row.int64(i++);
  r.merged_into = row.optional_int64(i++);
  r.parent_id = row.optional_int64(i++);
  if (!row.is_null(i)) r.outcome = state_from_code(row.text(i));
  ++i;
  r.rated_at = row.optional_int64(i++);
  if (row.size() > kContentColumn) {
    r.content = row.text(kContentColumn);
    r.answer = row.text(kContentColumn + 1);
  }
  return r;
}

/// " (?, ?, ?)" for `ids`, each bound (portable: no array parameters). Never called with none.
std::string placeholders(store::Params& params, const std::vector<std::int64_t>& ids) {
  std::string sql = "(";
  for (std::size_t i = 0; i < ids.size(); ++i) {
    sql += i == 0 ? "?" : ", ?";
    params.emplace_back(ids[i]);
  }
  return sql + ")";
}

/// Narrows to what the organisations may see: their own filings (drafts too) and, past the draft, whatever
/// they lead or are concerned in or cooperate on. Province-wide (nullopt) sees everything but drafts.
void add_organizations(std::string& sql, store::Params& params, const Organizations& organizations) {
  if (!organizations) {
    sql += " AND state <> 'draft'";
    return;
  }
  if (organizations->empty()) {
    sql += " AND 1 = 0";
    return;
  }
  sql += " AND (organization_id IN " + placeholders(params, *organizations);
  sql += " OR (state <> 'draft' AND (lead_bureau_id IN " + placeholders(params, *organizations);
  sql +=
      " OR EXISTS (SELECT 1 FROM suggestion_organizations so WHERE so.suggestion_id = suggestions.id AND "
      "so.organization_id IN " +
      placeholders(params, *organizations) + "))))";
}

constexpr const char* kInHand = "('received', 'reviewing', 'adopted', 'in_progress')";

void add_filters(std::string& sql, store::Params& params, const ListQuery& q) {
  add_organizations(sql, params, q.organizations);
  if (q.state) {
    sql += " AND state = ?";
    params.emplace_back(std::string(state_code(*q.state)));
  }
  if (q.open_only) sql += std::string(" AND state IN ") + kInHand;
  if (q.lead_bureau) {
    sql += " AND lead_bureau_id = ?";
    params.emplace_back(*q.lead_bureau);
  }
  if (q.filed_by) {
    if (q.filed_by->empty()) {
      sql += " AND 1 = 0";
    } else {
      sql += " AND (organization_id IN " + placeholders(params, *q.filed_by) +
             " OR EXISTS (SELECT 1 FROM suggestion_organizations sc WHERE sc.suggestion_id = suggestions.id "
             "AND sc.relation = 'concerned' AND sc.organization_id IN " +
             placeholders(params, *q.filed_by) + "))";
    }
  }
  if (q.domain) {
    sql += " AND domain = ?";
    params.emplace_back(std::string(domain_code(*q.domain)));
  }
  if (!q.title_contains.empty()) {
    // Exact text, case as typed (the same on both engines); the engine's dialect names the function.
    sql += " AND {{find_text}}(title, ?) > 0";
    params.emplace_back(q.title_contains);
  }
  if (q.overdue_on) {
    sql += " AND state IN ('adopted', 'in_progress') AND due_date < ?";
    params.emplace_back(platform::calendar::format_date(*q.overdue_on));
  }
  if (q.unrated) sql += " AND state = 'answered' AND satisfaction IS NULL";
  if (q.due_until) {
    sql += " AND state IN ('adopted', 'in_progress') AND due_date <= ?";
    params.emplace_back(platform::calendar::format_date(*q.due_until));
  }
}

void load_relations(store::Connection& c, Suggestion& record) {
  for (const auto& row : c.query("SELECT organization_id, relation FROM suggestion_organizations WHERE "
                                 "suggestion_id = ? ORDER BY relation, organization_id",
                                 {record.id})) {
    OrganizationRef ref{row.int64(0), "", ""};
    if (row.text(1) == "concerned")
      record.concerned.push_back(ref);
    else
      record.cooperating.push_back(ref);
  }
}

void replace_relation(store::Connection& c, std::int64_t id, std::string_view relation,
                      const std::vector<std::int64_t>& organizations) {
  c.execute("DELETE FROM suggestion_organizations WHERE suggestion_id = ? AND relation = ?",
            {id, std::string(relation)});
  for (std::int64_t o : organizations)
    c.execute(
        "INSERT INTO suggestion_organizations (suggestion_id, organization_id, relation) VALUES (?, ?, ?)",
        {id, o, std::string(relation)});
}

std::vector<std::int64_t> ids_of(const std::vector<OrganizationRef>& refs) {
  std::vector<std::int64_t> out;
  for (const auto& r : refs) out.push_back(r.id);
  return out;
}

}  // namespace

std::string due_key(const Suggestion& record) {
  return record.due_date ? platform::calendar::format_date(*record.due_date) : kNoDue;
}

void add_visibility(std::string& sql, store::Params& params, const Organizations& organizations) {
  add_organizations(sql, params, organizations);
}

std::vector<Suggestion> list(store::Connection& c, const ListQuery& query) {
  const bool row_only = query.columns == Columns::row;
  std::string sql =
      std::string("SELECT ") + (row_only ? kRowColumns : kColumns) + " FROM suggestions WHERE 1 = 1";
  store::Params params;
  add_filters(sql, params, query);
  // Keyset paging (never OFFSET): a deep page costs the same as the first.
  if (query.sort == Sort::due) {
    const std::string key = std::string("COALESCE(due_date, '") + kNoDue + "')";
    if (query.after.id > 0) {
      sql += " AND (" + key + " > ? OR (" + key + " = ? AND id > ?))";
      params.emplace_back(query.after.due_key);
      params.emplace_back(query.after.due_key);
      params.emplace_back(query.after.id);
    }
    sql += " ORDER BY " + key + ", id LIMIT ?";
  } else {
    if (query.after.id > 0) {
      sql += " AND id < ?";
      params.emplace_back(query.after.id);
    }
    sql += " ORDER BY id DESC LIMIT ?";
  }
  params.emplace_back(query.limit);
  std::vector<Suggestion> out;
  out.reserve(
      static_cast<std::size_t>(std::clamp<std::int64_t>(query.limit, 0, 100)));  // a page; an export grows
  c.each(c.dialect(sql), params,
         [&](store::Row&& row) { out.push_back(row_only ? from_list_row(row) : from_row(row)); });
  return out;
}

std::optional<Suggestion> find(store::Connection& c, std::int64_t id) {
  auto rows =
      c.query(std::string("SELECT ") + kColumns + kLongColumns + " FROM suggestions WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  auto record = from_row(rows.front());
  load_relations(c, record);
  return record;
}

std::int64_t count(store::Connection& c, const Organizations& organizations) {
  std::string sql = "SELECT COUNT(*) FROM suggestions WHERE 1 = 1";
  store::Params params;
  add_organizations(sql, params, organizations);
  return c.scalar(sql, params);
}

std::int64_t count_matching(store::Connection& c, const ListQuery& query) {
  std::string sql = "SELECT COUNT(*) FROM suggestions WHERE 1 = 1";
  store::Params params;
  add_filters(sql, params, query);
  return c.scalar(c.dialect(sql), params);
}

std::vector<std::pair<std::int64_t, std::int64_t>> count_submitted_per_organization(store::Connection& c,
                                                                                    Timestamp from,
                                                                                    Timestamp to) {
  std::vector<std::pair<std::int64_t, std::int64_t>> out;
  for (const auto& row : c.query(
           "SELECT organization_id, COUNT(*) FROM suggestions WHERE submitted_at >= ? AND submitted_at < ? "
           "GROUP BY organization_id ORDER BY organization_id",
           {from, to}))
    out.emplace_back(row.int64(0), row.int64(1));
  return out;
}

std::vector<std::pair<std::int64_t, double>> mean_satisfaction_per_lead_bureau(store::Connection& c,
                                                                               Timestamp from, Timestamp to) {
  std::vector<std::pair<std::int64_t, double>> out;
  for (const auto& row :
       c.query("SELECT lead_bureau_id, SUM(satisfaction), COUNT(*) FROM suggestions "
               "WHERE satisfaction IS NOT NULL AND lead_bureau_id IS NOT NULL "
               "AND rated_at >= ? AND rated_at < ? GROUP BY lead_bureau_id ORDER BY lead_bureau_id",
               {from, to}))
    out.emplace_back(row.int64(0), static_cast<double>(row.int64(1)) / static_cast<double>(row.int64(2)));
  return out;
}

std::int64_t count_all(store::Connection& c) {
  return c.scalar("SELECT COUNT(*) FROM suggestions");
}

std::int64_t insert_whole(store::Connection& c, const Suggestion& r) {
  auto id_of = [](const std::optional<OrganizationRef>& o) -> std::optional<std::int64_t> {
    if (!o) return std::nullopt;
    return o->id;
  };
  std::optional<std::string> level;
  if (r.review_level) level = std::string(review_level_code(*r.review_level));
  std::optional<std::int64_t> satisfaction;
  if (r.satisfaction) satisfaction = *r.satisfaction;
  std::optional<std::string> outcome;
  if (r.outcome) outcome = std::string(state_code(*r.outcome));
  const auto id =
      c.query(
           "INSERT INTO suggestions (organization_id, title, content, domain, channel, addressed_bureau_id, "
           "desired_date, state, lead_bureau_id, working_days, due_date, extensions, appealed, progress, "
           "review_level, next_review, answer, satisfaction, satisfaction_comment, created_by, created_at, "
           "submitted_at, adopted_at, outcome_at, answered_at, closed_at, updated_at, outcome, rated_at) "
           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
           "RETURNING id",
           {r.organization.id,
            r.title,
            r.content,
            std::string(domain_code(r.domain)),
            std::string(channel_code(r.channel)),
            id_of(r.addressed_bureau),
            date_text(r.desired_date),
            std::string(state_code(r.state)),
            id_of(r.lead_bureau),
            r.working_days,
            date_text(r.due_date),
            r.extensions,
            r.appealed,
            r.progress,
            level,
            date_text(r.next_review),
            r.answer,
            satisfaction,
            r.satisfaction_comment,
            r.created_by,
            r.created_at,
            r.submitted_at,
            r.adopted_at,
            r.outcome_at,
            r.answered_at,
            r.closed_at,
            r.updated_at,
            outcome,
            r.rated_at})
          .front()
          .int64(0);
  for (const auto& o : r.concerned)
    c.execute(
        "INSERT INTO suggestion_organizations (suggestion_id, organization_id, relation) VALUES (?, ?, ?)",
        {id, o.id, std::string("concerned")});
  for (const auto& o : r.cooperating)
    c.execute(
        "INSERT INTO suggestion_organizations (suggestion_id, organization_id, relation) VALUES (?, ?, ?)",
        {id, o.id, std::string("cooperating")});
  platform::data_version::bump(c, kDataVersion);
  return id;
}

std::int64_t insert(store::Connection& c, const ValidSuggestion& filing, std::int64_t organization_id,
                    State state, std::int64_t created_by, Timestamp at) {
  const auto id =
      c.query(
           "INSERT INTO suggestions (organization_id, title, content, domain, channel, "
           "addressed_bureau_id, desired_date, state, created_by, created_at, updated_at) "
           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
           {organization_id, filing.title, filing.content, std::string(domain_code(filing.domain)),
            std::string(channel_code(filing.channel)), filing.addressed_bureau,
            date_text(filing.desired_date), std::string(state_code(state)), created_by, at, at})
          .front()
          .int64(0);
  // A draft has not been submitted: submitted_at stays NULL until it is.
  if (state != State::draft) c.execute("UPDATE suggestions SET submitted_at = ? WHERE id = ?", {at, id});
  replace_relation(c, id, "concerned", filing.concerned);
  platform::data_version::bump(c, kDataVersion);
  return id;
}

void update_filing(store::Connection& c, std::int64_t id, const ValidSuggestion& filing, Timestamp at) {
  c.execute(
      "UPDATE suggestions SET title = ?, content = ?, domain = ?, addressed_bureau_id = ?, "
      "desired_date = ?, updated_at = ? WHERE id = ?",
      {filing.title, filing.content, std::string(domain_code(filing.domain)), filing.addressed_bureau,
       date_text(filing.desired_date), at, id});
  replace_relation(c, id, "concerned", filing.concerned);
  platform::data_version::bump(c, kDataVersion);
}

void save_handling(store::Connection& c, const Suggestion& r, Timestamp at) {
  std::optional<std::int64_t> lead;
  if (r.lead_bureau) lead = r.lead_bureau->id;
  std::optional<std::string> level;
  if (r.review_level) level = std::string(review_level_code(*r.review_level));
  std::optional<std::int64_t> satisfaction;
  if (r.satisfaction) satisfaction = *r.satisfaction;
  std::optional<std::string> outcome;
  if (r.outcome) outcome = std::string(state_code(*r.outcome));
  c.execute(
      "UPDATE suggestions SET state = ?, lead_bureau_id = ?, working_days = ?, due_date = ?, "
      "extensions = ?, appealed = ?, progress = ?, review_level = ?, next_review = ?, answer = ?, "
      "satisfaction = ?, satisfaction_comment = ?, submitted_at = ?, adopted_at = ?, outcome_at = ?, "
      "answered_at = ?, closed_at = ?, updated_at = ?, merged_into = ? WHERE id = ?",
      {std::string(state_code(r.state)),
       lead,
       r.working_days,
       date_text(r.due_date),
       r.extensions,
       r.appealed,
       r.progress,
       level,
       date_text(r.next_review),
       r.answer,
       satisfaction,
       r.satisfaction_comment,
       r.submitted_at,
       r.adopted_at,
       r.outcome_at,
       r.answered_at,
       r.closed_at,
       at,
       r.merged_into,
       r.id});
  // What the figures read besides the milestones (migration 0006).
  c.execute("UPDATE suggestions SET outcome = ?, rated_at = ? WHERE id = ?", {outcome, r.rated_at, r.id});
  replace_relation(c, r.id, "cooperating", ids_of(r.cooperating));
  platform::data_version::bump(c, kDataVersion);
}

std::vector<Suggestion> due_for_review(store::Connection& c, const Organizations& organizations,
                                       ReviewLevel level, CivilDate until, std::int64_t limit) {
  std::string sql = std::string("SELECT ") + kColumns +
                    " FROM suggestions WHERE state IN ('adopted', 'in_progress') AND review_level = ? AND "
                    "next_review <= ?";
  store::Params params{std::string(review_level_code(level)), platform::calendar::format_date(until)};
  add_organizations(sql, params, organizations);
  sql += " ORDER BY next_review, id LIMIT ?";
  params.emplace_back(limit);
  std::vector<Suggestion> out;
  for (const auto& row : c.query(sql, params)) out.push_back(from_row(row));
  return out;
}

void add_concerned(store::Connection& c, std::int64_t id, std::int64_t organization_id) {
  c.execute(
      "INSERT INTO suggestion_organizations (suggestion_id, organization_id, relation) VALUES (?, ?, "
      "'concerned') ON CONFLICT (suggestion_id, relation, organization_id) DO NOTHING",
      {id, organization_id});
  platform::data_version::bump(c, kDataVersion);
}

void set_parent(store::Connection& c, std::int64_t id, std::int64_t parent_id) {
  c.execute("UPDATE suggestions SET parent_id = ? WHERE id = ?", {parent_id, id});
  platform::data_version::bump(c, kDataVersion);
}

std::vector<Suggestion> children(store::Connection& c, std::int64_t parent_id) {
  std::vector<Suggestion> out;
  for (const auto& row :
       c.query(std::string("SELECT ") + kColumns + " FROM suggestions WHERE parent_id = ? ORDER BY id",
               {parent_id}))
    out.push_back(from_row(row));
  return out;
}

std::vector<Suggestion> merged_from(store::Connection& c, std::int64_t survivor_id) {
  std::vector<Suggestion> out;
  for (const auto& row :
       c.query(std::string("SELECT ") + kColumns + " FROM suggestions WHERE merged_into = ? ORDER BY id",
               {survivor_id}))
    out.push_back(from_row(row));
  return out;
}

bool add_link(store::Connection& c, std::int64_t a, std::int64_t b, std::int64_t created_by, Timestamp at) {
  const auto added = c.execute(
      "INSERT INTO suggestion_links (suggestion_id, related_id, created_by, created_at) "
      "VALUES (?, ?, ?, ?) ON CONFLICT (suggestion_id, related_id) DO NOTHING",
      {a, b, created_by, at});
  c.execute(
      "INSERT INTO suggestion_links (suggestion_id, related_id, created_by, created_at) VALUES (?, ?, ?, ?) "
      "ON CONFLICT (suggestion_id, related_id) DO NOTHING",
      {b, a, created_by, at});
  return added > 0;
}

std::vector<Suggestion> related(store::Connection& c, std::int64_t id) {
  std::vector<Suggestion> out;
  for (const auto& row :
       c.query(std::string("SELECT ") + kColumns +
                   " FROM suggestions WHERE id IN (SELECT related_id FROM suggestion_links WHERE "
                   "suggestion_id = ?) ORDER BY id",
               {id}))
    out.push_back(from_row(row));
  return out;
}

void insert_event(store::Connection& c, const Event& e) {
  std::optional<std::string> from, to;
  if (e.from_state) from = std::string(state_code(*e.from_state));
  if (e.to_state) to = std::string(state_code(*e.to_state));
  std::optional<std::int64_t> percent;
  if (e.percent) percent = *e.percent;
  c.execute(
      "INSERT INTO suggestion_events (suggestion_id, kind, from_state, to_state, body, detail, percent, "
      "internal, actor_id, actor_organization_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {e.suggestion_id, e.kind, from, to, e.body, e.detail, percent, e.internal, e.actor_id,
       e.actor_organization_id, e.created_at});
}

std::vector<Event> events(store::Connection& c, std::int64_t suggestion_id, bool include_internal) {
  std::string sql =
      "SELECT id, kind, from_state, to_state, body, detail, percent, internal, actor_id, "
      "actor_organization_id, "
      "created_at FROM suggestion_events WHERE suggestion_id = ?";
  if (!include_internal) sql += " AND internal = 0";
  sql += " ORDER BY id";
  std::vector<Event> out;
  for (const auto& row : c.query(sql, {suggestion_id})) {
    Event e;
    e.id = row.int64(0);
    e.suggestion_id = suggestion_id;
    e.kind = row.text(1);
    if (!row.is_null(2)) e.from_state = state_from_code(row.text(2));
    if (!row.is_null(3)) e.to_state = state_from_code(row.text(3));
    e.body = row.text(4);
    e.detail = row.text(5);
    if (auto p = row.optional_int64(6)) e.percent = static_cast<int>(*p);
    e.internal = row.boolean(7);
    e.actor_id = row.int64(8);
    e.actor_organization_id = row.int64(9);
    e.created_at = row.int64(10);
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace sotong::suggestions::suggestion_store
