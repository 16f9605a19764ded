// Use cases of a meeting's attendance: invitations written when the agenda is published, an organisation's
// answer (참석 / 불참 / 대리참석), the attendance the secretariat records after the meeting, and the
// cancellation of a meeting not yet held (members told). Each checks the policy and the body's membership,
// then writes in one transaction with the change history.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/result.hpp"
#include "modules/meetings/meeting.hpp"
#include "modules/meetings/meeting_attendance.hpp"
#include "platform/service_context.hpp"
#include "store/database.hpp"

namespace sotong::meetings {

struct AttendanceRow {
  Invitation invitation;
  std::string organization_name;
  bool may_answer = false;  // the actor works in this organisation and answers are still open
};
struct AttendanceSection {
  std::vector<AttendanceRow> rows;  // every invitation (a member sees them all once the agenda is public)
  bool may_record = false;          // the secretariat, once the meeting's day has come
  bool may_cancel = false;          // the secretariat, while the meeting is not held
};
/// The attendance of a meeting as the actor may see it; not_found when the actor may not open the meeting.
Result<AttendanceSection> get_attendance(const platform::ServiceContext& svc, std::int64_t meeting_id);

/// Invites every member organisation of the body (and the secretariat) to the meeting, each once, and
/// records the invitations in the history; inside the publication's transaction.
void invite_members(store::Connection& c, const Actor& actor, const Body& body, std::int64_t meeting_id);

/// An organisation's answer, by one of its officers (`organization`: the invited organisation; the actor's
/// own when absent). not_found for a meeting the actor may not open; forbidden for another organisation or
/// one not invited; conflict once the meeting's day has passed; invalid_input for an incomplete answer.
Result<void> answer_invitation(const platform::ServiceContext& svc, std::int64_t meeting_id,
                               std::optional<std::int64_t> organization, const RsvpInput& input);

/// The secretariat records, for every invited organisation, whether it attended ("yes"/"no" by organisation
/// id). invalid_input unless every invitation has an answer; conflict before the meeting's day or once the
/// minutes are confirmed.
Result<void> record_attendance(const platform::ServiceContext& svc, std::int64_t meeting_id,
                               const std::vector<std::pair<std::int64_t, std::string>>& answers);

/// Cancels a meeting not yet held, with the reason (required, ≤ 200 characters): state cancelled, its
/// sequence bumped, the members' people told. The secretariat only.
Result<void> cancel_meeting(const platform::ServiceContext& svc, std::int64_t meeting_id,
                            const std::string& reason);

}  // namespace sotong::meetings
