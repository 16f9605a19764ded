#include "modules/meetings/meeting_store.hpp"

#include <string>

#include "platform/cache/data_version.hpp"
#include "platform/calendar/holiday.hpp"

namespace sotong::meetings::meeting_store {
namespace {

constexpr const char* kBodySelect =
    "SELECT id, code, name, kind, cadence, review_level, visiting, secretariat_id, chair, start_time, "
    "duration_minutes, location, active FROM meeting_bodies ";

Body body_from(const store::Row& row) {
  Body b;
  b.id = row.int64(0);
  b.code = row.text(1);
  b.name = row.text(2);
  b.kind = from_code<BodyKind>(kBodyKinds, row.text(3)).value_or(BodyKind::regular);
  b.cadence = row.text(4);
  b.review_level = row.text(5);
  b.visiting = row.boolean(6);
  b.secretariat_id = row.int64(7);
  b.chair = row.text(8);
  b.start_time = row.text(9);
  b.duration_minutes = row.int64(10);
  b.location = row.text(11);
  b.active = row.boolean(12);
  return b;
}

constexpr const char* kMeetingSelect =
    "SELECT id, body_id, title, meets_on, start_time, end_time, location, host_id, host_reason, host_pinned, "
    "moved_from, move_reason, state, cancel_reason, sequence, created_at, updated_at FROM meetings ";

Meeting meeting_from(const store::Row& row) {
  Meeting m;
  m.id = row.int64(0);
  m.body_id = row.int64(1);
  m.title = row.text(2);
  m.date = parse_date(row.text(3)).value_or(CivilDate{1970, 1, 1});
  m.start_time = row.text(4);
  m.end_time = row.text(5);
  m.location = row.text(6);
  m.host_id = row.optional_int64(7);
  m.host_reason = row.text(8);
  m.host_pinned = row.boolean(9);
  m.moved_from = row.text(10);
  m.move_reason = row.text(11);
  m.state = from_code<MeetingState>(kMeetingStates, row.text(12)).value_or(MeetingState::planned);
  m.cancel_reason = row.text(13);
  m.sequence = row.int64(14);
  m.created_at = row.int64(15);
  m.updated_at = row.int64(16);
  return m;
}

}  // namespace

std::vector<Body> list_bodies(store::Connection& c) {
  std::vector<Body> out;
  for (const auto& row : c.query(std::string(kBodySelect) + "ORDER BY id", {})) out.push_back(body_from(row));
  return out;
}

std::optional<Body> find_body(store::Connection& c, std::int64_t id) {
  auto rows = c.query(std::string(kBodySelect) + "WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return body_from(rows.front());
}

std::optional<std::int64_t> find_body_by_code(store::Connection& c, const std::string& code) {
  auto rows = c.query("SELECT id FROM meeting_bodies WHERE code = ?", {code});
  if (rows.empty()) return std::nullopt;
  return rows.front().int64(0);
}

std::int64_t insert_body(store::Connection& c, const Body& b, Timestamp at) {
  platform::data_version::bump(c, kDataVersion);
  platform::data_version::bump(c, kBodiesDataVersion);
  return c
      .query(
          "INSERT INTO meeting_bodies (code, name, kind, cadence, review_level, visiting, secretariat_id, "
          "chair, "
          "start_time, duration_minutes, location, active, created_at) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
          {b.code, b.name, code_of<BodyKind>(kBodyKinds, b.kind), b.cadence, b.review_level, b.visiting,
           b.secretariat_id, b.chair, b.start_time, b.duration_minutes, b.location, b.active, at})
      .front()
      .int64(0);
}

void update_cadence(store::Connection& c, std::int64_t body_id, const std::string& cadence) {
  platform::data_version::bump(c, kDataVersion);
  platform::data_version::bump(c, kBodiesDataVersion);
  c.execute("UPDATE meeting_bodies SET cadence = ? WHERE id = ?", {cadence, body_id});
}

namespace {
BodyMember member_from(const store::Row& row) {
  BodyMember m;
  m.organization_id = row.int64(0);
  m.account_id = row.optional_int64(1);
  m.role = from_code<MemberRole>(kMemberRoles, row.text(2)).value_or(MemberRole::member);
  return m;
}
}  // namespace

std::vector<BodyMember> members(store::Connection& c, std::int64_t body_id) {
  std::vector<BodyMember> out;
  c.each("SELECT organization_id, account_id, role FROM meeting_body_members WHERE body_id = ? ORDER BY id",
         {body_id}, [&](store::Row&& row) { out.push_back(member_from(row)); });
  return out;
}

std::map<std::int64_t, std::vector<BodyMember>> all_members(store::Connection& c) {
  std::map<std::int64_t, std::vector<BodyMember>> out;
  c.each("SELECT organization_id, account_id, role, body_id FROM meeting_body_members ORDER BY body_id, id",
         {}, [&](store::Row&& row) { out[row.int64(3)].push_back(member_from(row)); });
  return out;
}

bool add_member(store::Connection& c, std::int64_t body_id, const BodyMember& m) {
  if (c.scalar("SELECT COUNT(*) FROM meeting_body_members WHERE body_id = ? AND organization_id = ?",
               {body_id, m.organization_id}) > 0)
    return false;
  platform::data_version::bump(c, kDataVersion);
  platform::data_version::bump(c, kBodiesDataVersion);
  c.execute(
      "INSERT INTO meeting_body_members (body_id, organization_id, account_id, role) VALUES (?, ?, ?, ?)",
      {body_id, m.organization_id, m.account_id, code_of<MemberRole>(kMemberRoles, m.role)});
  return true;
}

std::vector<BlockedDate> blocked_dates(store::Connection& c, std::int64_t body_id) {
  std::vector<BlockedDate> out;
  for (const auto& row : c.query("SELECT organization_id, blocked_on, reason FROM meeting_blocked_dates "
                                 "WHERE body_id = ? ORDER BY blocked_on, id",
                                 {body_id}))
    out.push_back({row.int64(0), parse_date(row.text(1)).value_or(CivilDate{1970, 1, 1}), row.text(2)});
  return out;
}

bool add_blocked_date(store::Connection& c, std::int64_t body_id, const BlockedDate& b) {
  const std::string on = platform::calendar::format_date(b.date);
  if (c.scalar("SELECT COUNT(*) FROM meeting_blocked_dates WHERE body_id = ? AND organization_id = ? AND "
               "blocked_on = ?",
               {body_id, b.organization_id, on}) > 0)
    return false;
  platform::data_version::bump(c, kDataVersion);
  platform::data_version::bump(c, kBodiesDataVersion);
  c.execute(
      "INSERT INTO meeting_blocked_dates (body_id, organization_id, blocked_on, reason) VALUES (?, ?, ?, ?)",
      {body_id, b.organization_id, on, b.reason});
  return true;
}

std::vector<Meeting> meetings_of(store::Connection& c, std::int64_t body_id) {
  std::vector<Meeting> out;
  for (const auto& row :
       c.query(std::string(kMeetingSelect) + "WHERE body_id = ? ORDER BY meets_on", {body_id}))
    out.push_back(meeting_from(row));
  return out;
}

std::optional<Meeting> find_meeting(store::Connection& c, std::int64_t id) {
  auto rows = c.query(std::string(kMeetingSelect) + "WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  return meeting_from(rows.front());
}

std::int64_t insert_meeting(store::Connection& c, const Meeting& m, Timestamp at) {
  platform::data_version::bump(c, kDataVersion);
  return c
      .query(
          "INSERT INTO meetings (body_id, title, meets_on, start_time, end_time, location, host_id, "
          "host_reason, "
          "host_pinned, moved_from, move_reason, state, sequence, created_at, updated_at) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?) RETURNING id",
          {m.body_id, m.title, platform::calendar::format_date(m.date), m.start_time, m.end_time, m.location,
           m.host_id, m.host_reason, m.host_pinned, m.moved_from, m.move_reason,
           code_of<MeetingState>(kMeetingStates, m.state), at, at})
      .front()
      .int64(0);
}

void update_host(store::Connection& c, std::int64_t id, std::optional<std::int64_t> host,
                 const std::string& reason, bool pinned, Timestamp at) {
  platform::data_version::bump(c, kDataVersion);
  c.execute(
      "UPDATE meetings SET host_id = ?, host_reason = ?, host_pinned = ?, sequence = sequence + 1, "
      "updated_at = ? WHERE id = ?",
      {host, reason, pinned, at, id});
}

void update_state(store::Connection& c, std::int64_t id, MeetingState state, Timestamp at) {
  platform::data_version::bump(c, kDataVersion);
  c.execute("UPDATE meetings SET state = ?, sequence = sequence + 1, updated_at = ? WHERE id = ?",
            {code_of<MeetingState>(kMeetingStates, state), at, id});
}

std::vector<Meeting> meetings_between(store::Connection& c, CivilDate from, CivilDate to) {
  std::vector<Meeting> out;
  for (const auto& row :
       c.query(std::string(kMeetingSelect) +
                   "WHERE meets_on >= ? AND meets_on <= ? ORDER BY meets_on, start_time, id",
               {platform::calendar::format_date(from), platform::calendar::format_date(to)}))
    out.push_back(meeting_from(row));
  return out;
}

}  // namespace sotong::meetings::meeting_store
