// Use cases of a 정책협력 워크숍 meeting: its programme (sessions and case presentations, the secretariat's
// to shape, members proposing presentations), the opinions collected there, and an opinion turned into a
// suggestion through the platform's intake target "suggestions" (this module includes nothing of the
// suggestions module). Each checks the policy and the body's membership, validates with the pure rules, and
// writes in one transaction with the change history.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/result.hpp"
#include "modules/meetings/meeting.hpp"
#include "modules/meetings/meeting_workshop.hpp"
#include "modules/meetings/meeting_workshop_rules.hpp"
#include "platform/intake_targets.hpp"
#include "platform/service_context.hpp"
#include "store/database.hpp"

namespace sotong::meetings {

/// The workshop part of a meeting's page, as the actor may see it.
struct WorkshopSection {
  std::vector<WorkshopSession> sessions;  // once the programme is visible to the actor
  std::vector<Presentation>
      presentations;              // all for the secretariat; else accepted ones and its own proposals
  std::vector<Opinion> opinions;  // every opinion, for everyone who sees the meeting
  std::map<std::int64_t, std::string> names;  // organisation id → name
  /// The body's organisations (secretariat first), which presentations and opinions may name.
  std::vector<std::pair<std::int64_t, std::string>> organizations;
  /// The actor's own organisation on the body (a member's proposals and opinions are its), if any.
  std::optional<std::int64_t> own_organization;
  WorkshopRights rights;
};
/// not_found when the actor may not open the meeting; conflict when its body is not a workshop.
Result<WorkshopSection> get_workshop(const platform::ServiceContext& svc, std::int64_t meeting_id);

/// The meeting a session, presentation or opinion belongs to, when the actor may open that meeting.
Result<std::int64_t> meeting_of_session(const platform::ServiceContext& svc, std::int64_t session_id);
Result<std::int64_t> meeting_of_presentation(const platform::ServiceContext& svc,
                                             std::int64_t presentation_id);
Result<std::int64_t> meeting_of_opinion(const platform::ServiceContext& svc, std::int64_t opinion_id);

/// The secretariat adds, edits and removes sessions until the minutes are confirmed.
Result<std::int64_t> add_session(const platform::ServiceContext& svc, std::int64_t meeting_id,
                                 const SessionInput& input);
Result<void> edit_session(const platform::ServiceContext& svc, std::int64_t session_id,
                          const SessionInput& input);
Result<void> remove_session(const platform::ServiceContext& svc, std::int64_t session_id);

/// The secretariat adds a presentation (accepted) by any of the body's organisations; a member proposes one
/// by its own organisation (proposed) until the meeting is held.
Result<std::int64_t> add_presentation(const platform::ServiceContext& svc, std::int64_t meeting_id,
                                      const PresentationInput& input);
Result<void> edit_presentation(const platform::ServiceContext& svc, std::int64_t presentation_id,
                               const PresentationInput& input);
/// The secretariat accepts or declines a presentation.
Result<void> decide_presentation(const platform::ServiceContext& svc, std::int64_t presentation_id,
                                 PresentationStatus status);
/// Removes a presentation (its attachments are then found no more).
Result<void> remove_presentation(const platform::ServiceContext& svc, std::int64_t presentation_id);

/// From the meeting's day on: the secretariat records an opinion from any of the body's organisations; a
/// member submits its own (its organisation is the one it came from, whatever was posted).
Result<std::int64_t> add_opinion(const platform::ServiceContext& svc, std::int64_t meeting_id,
                                 const OpinionInput& input);

/// The secretariat turns an opinion into a suggestion: the intake target "suggestions" files it (raised at
/// the workshop) under its own rules, then the opinion is linked to it; turned once. The target's refusal
/// comes back as it is and the opinion is unchanged.
Result<platform::IntakeResult> turn_opinion(const platform::ServiceContext& svc, std::int64_t opinion_id);

/// Whether the actor may see a presentation (and so its attachments): the attachments owner's check.
bool may_see_presentation(store::Connection& c, const platform::Policy& policy, const Actor& actor,
                          std::int64_t presentation_id);
/// Whether the actor may also attach to it and delete its files (may_manage_presentation_files), as the page
/// offers: the attachments owner's permits_change.
bool may_change_presentation_files(store::Connection& c, const platform::Policy& policy, const Actor& actor,
                                   std::int64_t presentation_id);

}  // namespace sotong::meetings
