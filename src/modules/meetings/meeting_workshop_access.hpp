// What every workshop use case loads first (meeting_workshop_service.cpp, meeting_workshop_opinions.cpp): the
// meeting with its body, whether the actor is its secretariat or a member, and what it may do now — not_found
// for a meeting the actor may not open, so a 시·군 off the body learns nothing.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/result.hpp"
#include "modules/meetings/meeting.hpp"
#include "modules/meetings/meeting_workshop.hpp"
#include "modules/meetings/meeting_workshop_rules.hpp"
#include "platform/organizations/organization_directory.hpp"
#include "platform/service_context.hpp"
#include "store/database.hpp"

namespace sotong::meetings {

inline constexpr const char* kWorkshopSecretariatOnly =
    "워크숍의 간사 기관이나 시·군정책협력담당만 할 수 있습니다.";

struct WorkshopAccess {
  Body body;
  Meeting meeting;
  platform::OrganizationDirectory directory;
  bool secretariat = false;
  bool member = false;
  /// The body's organisation the actor speaks for: its own when on the body, else the one it works in.
  std::optional<std::int64_t> own_organization;
  bool program_visible = false;  // sessions and accepted presentations (published, or the secretariat)
  WorkshopRights rights;
  /// The body's organisations, the secretariat first.
  std::vector<std::int64_t> organizations() const;
};

/// The workshop meeting as the actor may open it, in the caller's transaction; conflict for a meeting whose
/// body is not a workshop.
Result<WorkshopAccess> load_workshop(store::Connection& c, const platform::Policy& policy, const Actor& actor,
                                     std::int64_t meeting_id);

/// A presentation the actor may see: the secretariat all, others accepted ones once the programme is visible
/// and their own organisation's proposals.
bool presentation_visible(const WorkshopAccess& access, const Actor& actor, const Presentation& p);

}  // namespace sotong::meetings
