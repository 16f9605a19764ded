// The SQL of 회의 (meetings): portable statements with ? placeholders over the module's own tables (bodies,
// members, blocked dates, meetings in meeting_store.cpp; agenda entries and action items in
// meeting_agenda_store.cpp). Callers pass the connection of their transaction.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "modules/meetings/meeting.hpp"
#include "store/database.hpp"

namespace sotong::meetings::meeting_store {

/// The data version every write below (and in attendance_store, but for the reminders) bumps in its
/// transaction (platform::data_version), so that values kept from the module's tables (the year's figures on
/// the home card) are computed again after any change.
inline constexpr const char* kDataVersion = "meetings";
/// Bumped (besides kDataVersion) by the writes of bodies and their members, which change far less often than
/// meetings: every page that lists the bodies keeps them until one changes.
inline constexpr const char* kBodiesDataVersion = "meeting_bodies";

// Bodies. Members and names are not filled in (the service asks the platform's directory).
std::vector<Body> list_bodies(store::Connection& c);
std::optional<Body> find_body(store::Connection& c, std::int64_t id);
std::optional<std::int64_t> find_body_by_code(store::Connection& c, const std::string& code);
std::int64_t insert_body(store::Connection& c, const Body& body, Timestamp at);
void update_cadence(store::Connection& c, std::int64_t body_id, const std::string& cadence);
std::vector<BodyMember> members(store::Connection& c, std::int64_t body_id);
/// Every body's members, by body id, in one statement.
std::map<std::int64_t, std::vector<BodyMember>> all_members(store::Connection& c);
/// Adds a member unless the organisation already sits on the body; true when added.
bool add_member(store::Connection& c, std::int64_t body_id, const BodyMember& member);
std::vector<BlockedDate> blocked_dates(store::Connection& c, std::int64_t body_id);
/// Adds a blocked date unless it is there; true when added.
bool add_blocked_date(store::Connection& c, std::int64_t body_id, const BlockedDate& blocked);

// Meetings.
std::vector<Meeting> meetings_of(store::Connection& c, std::int64_t body_id);
std::optional<Meeting> find_meeting(store::Connection& c, std::int64_t id);
std::int64_t insert_meeting(store::Connection& c, const Meeting& m, Timestamp at);
/// Writes the host, its reason and pin of a meeting; bumps its sequence.
void update_host(store::Connection& c, std::int64_t id, std::optional<std::int64_t> host,
                 const std::string& reason, bool pinned, Timestamp at);
/// Writes a meeting's state; bumps its sequence.
void update_state(store::Connection& c, std::int64_t id, MeetingState state, Timestamp at);

// Agenda entries, in position order.
std::vector<AgendaEntry> entries_of(store::Connection& c, std::int64_t meeting_id);
std::optional<AgendaEntry> find_entry(store::Connection& c, std::int64_t id);
std::int64_t insert_entry(store::Connection& c, const AgendaEntry& e, Timestamp at);
void update_entry_status(store::Connection& c, std::int64_t id, EntryStatus status);
void update_entry_position(store::Connection& c, std::int64_t id, std::int64_t position);
void update_entry_minutes(store::Connection& c, const AgendaEntry& e);

// Action items.
std::vector<ActionItem> actions_of_meeting(store::Connection& c, std::int64_t meeting_id);
/// Every action item of the body's meetings, with the date of the meeting that handed it out.
std::vector<std::pair<ActionItem, CivilDate>> actions_of_body(store::Connection& c, std::int64_t body_id);
std::optional<ActionItem> find_action(store::Connection& c, std::int64_t id);
std::int64_t insert_action(store::Connection& c, const ActionItem& a, Timestamp at);
void mark_action_done(store::Connection& c, std::int64_t id, Timestamp at);

// Calendar and figures: every body's meetings from `from` to `to` (ISO dates, both included), by date.
std::vector<Meeting> meetings_between(store::Connection& c, CivilDate from, CivilDate to);
/// The agenda entries and the action items of those meetings, in one statement each (not one per meeting).
std::vector<AgendaEntry> entries_between(store::Connection& c, CivilDate from, CivilDate to);
std::vector<ActionItem> actions_between(store::Connection& c, CivilDate from, CivilDate to);

}  // namespace sotong::meetings::meeting_store
