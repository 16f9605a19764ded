// The SQL of a meeting's attendance (meeting_attendance), its cancellation and the marker of a minutes
// reminder sent (meeting_minutes_reminders). Portable statements with ? placeholders; callers pass the
// connection of their transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "modules/meetings/meeting_attendance.hpp"
#include "store/database.hpp"

namespace sotong::meetings::attendance_store {

/// The invitations of a meeting, by id (the order they were written: the body's members in order).
std::vector<Invitation> of_meeting(store::Connection& c, std::int64_t meeting_id);
std::optional<Invitation> find(store::Connection& c, std::int64_t meeting_id, std::int64_t organization_id);
/// The invitations of every meeting dated from `from` to `to` (both included), in one statement.
std::vector<Invitation> between(store::Connection& c, CivilDate from, CivilDate to);
/// Invites an organisation unless it is invited already; true when written.
bool invite(store::Connection& c, std::int64_t meeting_id, std::int64_t organization_id, Timestamp at);
void write_rsvp(store::Connection& c, std::int64_t id, const ValidRsvp& answer, std::int64_t account_id,
                Timestamp at);
void write_attended(store::Connection& c, std::int64_t id, bool attended, Timestamp at);

/// Cancels a meeting with its reason; bumps its sequence.
void cancel_meeting(store::Connection& c, std::int64_t meeting_id, const std::string& reason, Timestamp at);

/// Held or published meetings dated on or before `through` (ISO) whose minutes are not confirmed and whose
/// secretariat was not reminded yet: (meeting id, body id, date).
struct Unconfirmed {
  std::int64_t meeting_id = 0;
  std::int64_t body_id = 0;
  std::string title;
  CivilDate date{};
};
std::vector<Unconfirmed> unconfirmed_without_reminder(store::Connection& c, const std::string& through);
/// Writes the marker of a reminder; false when another node wrote it first (nothing to send then).
bool mark_reminded(store::Connection& c, std::int64_t meeting_id, Timestamp at);

}  // namespace sotong::meetings::attendance_store
