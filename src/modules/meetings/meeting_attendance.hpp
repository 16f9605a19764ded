// Attendance of a meeting (참석): the invitations of its member organisations, each organisation's answer
// (참석 / 불참 / 대리참석 with the substitute) and the attendance the secretariat records after the meeting;
// with the pure rules of when each may be written and what an answer must hold.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "core/vocabulary.hpp"
#include "modules/meetings/meeting.hpp"

namespace sotong::meetings {

enum class Rsvp { none, attend, absent, substitute };
inline constexpr std::array<Term<Rsvp>, 4> kRsvps = {{
    {Rsvp::none, "", "미회신"},
    {Rsvp::attend, "attend", "참석"},
    {Rsvp::absent, "absent", "불참"},
    {Rsvp::substitute, "substitute", "대리참석"},
}};

struct Invitation {
  std::int64_t id = 0;
  std::int64_t meeting_id = 0;
  std::int64_t organization_id = 0;
  Timestamp invited_at = 0;
  Rsvp rsvp = Rsvp::none;
  std::string substitute_name;
  std::string substitute_position;
  std::optional<std::int64_t> rsvp_by;
  std::optional<Timestamp> rsvp_at;
  std::optional<bool> attended;  // nullopt until recorded
  std::optional<Timestamp> recorded_at;
};

inline constexpr std::size_t kSubstituteMaxChars = 50;

struct RsvpInput {
  std::string response;  // a kRsvps code
  std::string substitute_name;
  std::string substitute_position;
};
struct ValidRsvp {
  Rsvp response = Rsvp::attend;
  std::string substitute_name;  // empty unless substitute
  std::string substitute_position;
};
/// An answer: 참석, 불참 or 대리참석; for 대리참석 the substitute's name and position (each ≤
/// kSubstituteMaxChars characters, NFC) are required, for the others they are dropped. Korean field errors
/// (`response`, `substitute_name`, `substitute_position`) otherwise.
Result<ValidRsvp> validate_rsvp(const RsvpInput& input);

/// Whether an organisation may still answer: the agenda is published (the invitations exist) and the
/// meeting's day has not passed. A Korean refusal (conflict) otherwise.
Result<void> rsvp_open(MeetingState state, CivilDate meeting_date, CivilDate today);

/// Whether the secretariat may record attendance: the meeting's day has come, the agenda was published and
/// the minutes are not confirmed. A Korean refusal (conflict) otherwise.
Result<void> attendance_open(MeetingState state, CivilDate meeting_date, CivilDate today);

/// Reads an attendance answer as posted: "yes" → true, "no" → false, anything else nullopt (not recorded).
std::optional<bool> read_attended(std::string_view value);

}  // namespace sotong::meetings
