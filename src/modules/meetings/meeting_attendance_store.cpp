#include "modules/meetings/meeting_attendance_store.hpp"

#include <string>

#include "modules/meetings/meeting_store.hpp"
#include "platform/cache/data_version.hpp"
#include "platform/calendar/holiday.hpp"

namespace sotong::meetings::attendance_store {
namespace {

constexpr const char* kSelect =
    "SELECT id, meeting_id, organization_id, invited_at, rsvp, substitute_name, substitute_position, "
    "rsvp_by, "
    "rsvp_at, attended, recorded_at FROM meeting_attendance ";

Invitation from(const store::Row& row) {
  Invitation i;
  i.id = row.int64(0);
  i.meeting_id = row.int64(1);
  i.organization_id = row.int64(2);
  i.invited_at = row.int64(3);
  i.rsvp = from_code<Rsvp>(kRsvps, row.text(4)).value_or(Rsvp::none);
  i.substitute_name = row.text(5);
  i.substitute_position = row.text(6);
  i.rsvp_by = row.optional_int64(7);
  i.rsvp_at = row.optional_int64(8);
  if (const auto attended = row.optional_int64(9)) i.attended = *attended != 0;
  i.recorded_at = row.optional_int64(10);
  return i;
}

}  // namespace

std::vector<Invitation> of_meeting(store::Connection& c, std::int64_t meeting_id) {
  std::vector<Invitation> out;
  for (const auto& row : c.query(std::string(kSelect) + "WHERE meeting_id = ? ORDER BY id", {meeting_id}))
    out.push_back(from(row));
  return out;
}

std::vector<Invitation> between(store::Connection& c, CivilDate first, CivilDate last) {
  std::vector<Invitation> out;
  c.each(std::string(kSelect) +
             "WHERE meeting_id IN (SELECT id FROM meetings WHERE meets_on >= ? AND meets_on <= ?) "
             "ORDER BY meeting_id, id",
         {platform::calendar::format_date(first), platform::calendar::format_date(last)},
         [&](store::Row&& row) { out.push_back(from(row)); });
  return out;
}

std::optional<Invitation> find(store::Connection& c, std::int64_t meeting_id, std::int64_t organization_id) {
  auto rows = c.query(std::string(kSelect) + "WHERE meeting_id = ? AND organization_id = ?",
                      {meeting_id, organization_id});
  if (rows.empty()) return std::nullopt;
  return from(rows.front());
}

bool invite(store::Connection& c, std::int64_t meeting_id, std::int64_t organization_id, Timestamp at) {
  if (c.scalar("SELECT COUNT(*) FROM meeting_attendance WHERE meeting_id = ? AND organization_id = ?",
               {meeting_id, organization_id}) > 0)
    return false;
  platform::data_version::bump(c, meeting_store::kDataVersion);
  c.execute("INSERT INTO meeting_attendance (meeting_id, organization_id, invited_at) VALUES (?, ?, ?)",
            {meeting_id, organization_id, at});
  return true;
}

void write_rsvp(store::Connection& c, std::int64_t id, const ValidRsvp& answer, std::int64_t account_id,
                Timestamp at) {
  platform::data_version::bump(c, meeting_store::kDataVersion);
  c.execute(
      "UPDATE meeting_attendance SET rsvp = ?, substitute_name = ?, substitute_position = ?, rsvp_by = ?, "
      "rsvp_at = ? WHERE id = ?",
      {code_of<Rsvp>(kRsvps, answer.response), answer.substitute_name, answer.substitute_position, account_id,
       at, id});
}

void write_attended(store::Connection& c, std::int64_t id, bool attended, Timestamp at) {
  platform::data_version::bump(c, meeting_store::kDataVersion);
  c.execute("UPDATE meeting_attendance SET attended = ?, recorded_at = ? WHERE id = ?",
            {static_cast<std::int64_t>(attended ? 1 : 0), at, id});
}

void cancel_meeting(store::Connection& c, std::int64_t meeting_id, const std::string& reason, Timestamp at) {
  platform::data_version::bump(c, meeting_store::kDataVersion);
  c.execute(
      "UPDATE meetings SET state = 'cancelled', cancel_reason = ?, sequence = sequence + 1, updated_at = ? "
      "WHERE id = ?",
      {reason, at, meeting_id});
}

std::vector<Unconfirmed> unconfirmed_without_reminder(store::Connection& c, const std::string& through) {
  std::vector<Unconfirmed> out;
  for (const auto& row : c.query(
           "SELECT id, body_id, title, meets_on FROM meetings WHERE state IN ('agenda_published', 'held') "
           "AND meets_on <= ? AND id NOT IN (SELECT meeting_id FROM meeting_minutes_reminders) "
           "ORDER BY meets_on, id",
           {through}))
    out.push_back({row.int64(0), row.int64(1), row.text(2), parse_date(row.text(3)).value_or(CivilDate{})});
  return out;
}

bool mark_reminded(store::Connection& c, std::int64_t meeting_id, Timestamp at) {
  // No data version: nothing kept in memory reads the reminders.
  // ON CONFLICT DO NOTHING changes no row when another run wrote the marker: the count says whether to send.
  return c.execute(
             "INSERT INTO meeting_minutes_reminders (meeting_id, sent_at) VALUES (?, ?) "
             "ON CONFLICT (meeting_id) DO NOTHING",
             {meeting_id, at}) > 0;
}

}  // namespace sotong::meetings::attendance_store
