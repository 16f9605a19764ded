// The SQL of agenda entries (meeting_agenda_entries) and action items (meeting_action_items); declared in
// meeting_store.hpp with the rest of the module's statements.
#include <string>

#include "modules/meetings/meeting_store.hpp"
#include "platform/cache/data_version.hpp"
#include "platform/calendar/holiday.hpp"

namespace sotong::meetings::meeting_store {
namespace {

constexpr const char* kEntrySelect =
    "SELECT id, meeting_id, position, title, presenter_id, duration_minutes, source, source_code, item_id, "
    "action_item_id, status, proposer_id, discussion, decision, decision_action, decision_outcome, "
    "created_at "
    "FROM meeting_agenda_entries ";

AgendaEntry entry_from(const store::Row& row) {
  AgendaEntry e;
  e.id = row.int64(0);
  e.meeting_id = row.int64(1);
  e.position = row.int64(2);
  e.title = row.text(3);
  e.presenter_id = row.optional_int64(4);
  e.duration_minutes = row.int64(5);
  e.source = from_code<EntrySource>(kEntrySources, row.text(6)).value_or(EntrySource::proposal);
  e.source_code = row.text(7);
  e.item_id = row.int64(8);
  e.action_item_id = row.int64(9);
  e.status = from_code<EntryStatus>(kEntryStatuses, row.text(10)).value_or(EntryStatus::proposed);
  e.proposer_id = row.int64(11);
  e.discussion = row.text(12);
  e.decision = row.text(13);
  e.decision_action = row.text(14);
  e.decision_outcome = row.text(15);
  e.created_at = row.int64(16);
  return e;
}

constexpr const char* kActionSelect =
    "SELECT a.id, a.meeting_id, a.agenda_entry_id, a.title, a.owner_id, a.owner_account_id, a.due_on, "
    "a.status, "
    "a.done_at, a.created_at, m.meets_on FROM meeting_action_items a JOIN meetings m ON m.id = a.meeting_id ";

ActionItem action_from(const store::Row& row) {
  ActionItem a;
  a.id = row.int64(0);
  a.meeting_id = row.int64(1);
  a.agenda_entry_id = row.int64(2);
  a.title = row.text(3);
  a.owner_id = row.int64(4);
  a.owner_account_id = row.optional_int64(5);
  a.due = parse_date(row.text(6)).value_or(CivilDate{1970, 1, 1});
  a.status = from_code<ActionStatus>(kActionStatuses, row.text(7)).value_or(ActionStatus::open);
  a.done_at = row.optional_int64(8);
  a.created_at = row.int64(9);
  return a;
}

}  // namespace

std::vector<AgendaEntry> entries_of(store::Connection& c, std::int64_t meeting_id) {
  std::vector<AgendaEntry> out;
  for (const auto& row :
       c.query(std::string(kEntrySelect) + "WHERE meeting_id = ? ORDER BY position, id", {meeting_id}))
    out.push_back(entry_from(row));
  return out;
}

std::vector<AgendaEntry> entries_between(store::Connection& c, CivilDate from, CivilDate to) {
  std::vector<AgendaEntry> out;
  c.each(std::string(kEntrySelect) +
             "WHERE meeting_id IN (SELECT id FROM meetings WHERE meets_on >= ? AND meets_on <= ?) "
             "ORDER BY meeting_id, position, id",
         {platform::calendar::format_date(from), platform::calendar::format_date(to)},
         [&](store::Row&& row) { out.push_back(entry_from(row)); });
  return out;
}

std::optional<AgendaEntry> find_entry(store::Connection& c, std::int64_t id) {
  auto rows = c.query(std::string(kEntrySelect) + "WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return entry_from(rows.front());
}

std::int64_t insert_entry(store::Connection& c, const AgendaEntry& e, Timestamp at) {
  platform::data_version::bump(c, kDataVersion);
  // A new entry goes last.
  const auto position =
      c.scalar("SELECT COALESCE(MAX(position), 0) FROM meeting_agenda_entries WHERE meeting_id = ?",
               {e.meeting_id}) +
      1;
  return c
      .query(
          "INSERT INTO meeting_agenda_entries (meeting_id, position, title, presenter_id, duration_minutes, "
          "source, source_code, item_id, action_item_id, status, proposer_id, created_at) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
          {e.meeting_id, position, e.title, e.presenter_id, e.duration_minutes,
           code_of<EntrySource>(kEntrySources, e.source), e.source_code, e.item_id, e.action_item_id,
           code_of<EntryStatus>(kEntryStatuses, e.status), e.proposer_id, at})
      .front()
      .int64(0);
}

void update_entry_status(store::Connection& c, std::int64_t id, EntryStatus status) {
  platform::data_version::bump(c, kDataVersion);
  c.execute("UPDATE meeting_agenda_entries SET status = ? WHERE id = ?",
            {code_of<EntryStatus>(kEntryStatuses, status), id});
}

void update_entry_position(store::Connection& c, std::int64_t id, std::int64_t position) {
  platform::data_version::bump(c, kDataVersion);
  c.execute("UPDATE meeting_agenda_entries SET position = ? WHERE id = ?", {position, id});
}

void update_entry_minutes(store::Connection& c, const AgendaEntry& e) {
  platform::data_version::bump(c, kDataVersion);
  c.execute(
      "UPDATE meeting_agenda_entries SET discussion = ?, decision = ?, decision_action = ?, decision_outcome "
      "= ? "
      "WHERE id = ?",
      {e.discussion, e.decision, e.decision_action, e.decision_outcome, e.id});
}

std::vector<ActionItem> actions_of_meeting(store::Connection& c, std::int64_t meeting_id) {
  std::vector<ActionItem> out;
  for (const auto& row :
       c.query(std::string(kActionSelect) + "WHERE a.meeting_id = ? ORDER BY a.id", {meeting_id}))
    out.push_back(action_from(row));
  return out;
}

std::vector<ActionItem> actions_between(store::Connection& c, CivilDate from, CivilDate to) {
  std::vector<ActionItem> out;
  c.each(std::string(kActionSelect) + "WHERE m.meets_on >= ? AND m.meets_on <= ? ORDER BY a.meeting_id, a.id",
         {platform::calendar::format_date(from), platform::calendar::format_date(to)},
         [&](store::Row&& row) { out.push_back(action_from(row)); });
  return out;
}

std::vector<std::pair<ActionItem, CivilDate>> actions_of_body(store::Connection& c, std::int64_t body_id) {
  std::vector<std::pair<ActionItem, CivilDate>> out;
  for (const auto& row : c.query(std::string(kActionSelect) + "WHERE m.body_id = ? ORDER BY a.id", {body_id}))
    out.emplace_back(action_from(row), parse_date(row.text(10)).value_or(CivilDate{1970, 1, 1}));
  return out;
}

std::optional<ActionItem> find_action(store::Connection& c, std::int64_t id) {
  auto rows = c.query(std::string(kActionSelect) + "WHERE a.id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return action_from(rows.front());
}

std::int64_t insert_action(store::Connection& c, const ActionItem& a, Timestamp at) {
  platform::data_version::bump(c, kDataVersion);
  return c
      .query(
          "INSERT INTO meeting_action_items (meeting_id, agenda_entry_id, title, owner_id, owner_account_id, "
          "due_on, "
          "status, created_at) VALUES (?, ?, ?, ?, ?, ?, 'open', ?) RETURNING id",
          {a.meeting_id, a.agenda_entry_id, a.title, a.owner_id, a.owner_account_id,
           platform::calendar::format_date(a.due), at})
      .front()
      .int64(0);
}

void mark_action_done(store::Connection& c, std::int64_t id, Timestamp at) {
  platform::data_version::bump(c, kDataVersion);
  c.execute("UPDATE meeting_action_items SET status = 'done', done_at = ? WHERE id = ?", {at, id});
}

}  // namespace sotong::meetings::meeting_store
