// Use cases of 회의체 (meeting bodies) and their year of meetings, verb–noun: check the policy and the body's
// membership, validate with the pure rules, then read, or write in one transaction with the change history.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/result.hpp"
#include "modules/meetings/meeting.hpp"
#include "modules/meetings/meeting_permissions.hpp"
#include "platform/organizations/organization_directory.hpp"
#include "platform/service_context.hpp"
#include "store/database.hpp"

namespace sotong::meetings {

inline constexpr const char* kNotFound = "찾으시는 회의가 없거나 볼 수 있는 범위 밖에 있습니다.";

/// The bodies the actor may see, in the order they were set up.
Result<std::vector<Body>> list_bodies(const platform::ServiceContext& svc);

struct BodyPage {
  Body body;
  std::string cadence_label;
  std::vector<Meeting> meetings;  // the body's meetings, by date
  std::vector<bool> openable;     // per meeting: may the actor open its page
  std::vector<BlockedDate> blocked;
  bool may_run = false;         // the secretariat (or the coordinator)
  bool may_coordinate = false;  // edits cadence, members, blocked dates
  /// The active organisations not on the body yet (id, name), for the coordinator's member form.
  std::vector<std::pair<std::int64_t, std::string>> candidates;
};
/// A body with its members and meetings; not_found when the actor may not see it.
Result<BodyPage> get_body(const platform::ServiceContext& svc, std::int64_t id);

/// Changes a body's cadence (its storage code); the coordinator only. Field error `cadence` when unreadable.
Result<void> change_cadence(const platform::ServiceContext& svc, std::int64_t id, const std::string& code);
/// Adds a member organisation to a body (the coordinator). conflict when it already sits on it.
Result<void> add_body_member(const platform::ServiceContext& svc, std::int64_t id,
                             std::optional<std::int64_t> org);
/// Records a date a member cannot host (the coordinator); the rest of the year's hosts are planned again.
Result<void> add_blocked_date(const platform::ServiceContext& svc, std::int64_t id,
                              std::optional<std::int64_t> org, const std::string& date,
                              const std::string& reason);

/// Creates the meetings of `year` from the body's cadence that are not there yet (never touching one that
/// exists), and for a visiting body plans the hosts of the year's unheld meetings. Returns how many were
/// created. The secretariat or the coordinator.
Result<int> generate_year(const platform::ServiceContext& svc, std::int64_t body_id, int year);

/// Convenes one meeting of the body on `date` (a 수시 meeting, or one the cadence does not give) and returns
/// its id; conflict when the body already meets that day. The secretariat or the coordinator.
Result<std::int64_t> convene_meeting(const platform::ServiceContext& svc, std::int64_t body_id,
                                     const std::string& date);

/// Fixes the host of one unheld visiting meeting and plans the rest of that year's unheld meetings again.
Result<void> pin_host(const platform::ServiceContext& svc, std::int64_t meeting_id,
                      std::optional<std::int64_t> host);

// For the agenda's use cases (meeting_agenda_service.cpp): a body with its members and names filled in.
std::optional<Body> load_body(store::Connection& c, const platform::OrganizationDirectory& directory,
                              std::int64_t id);
/// Every body, each as load_body gives it, in two statements (for pages that list or count them all).
std::vector<Body> load_bodies(store::Connection& c, const platform::OrganizationDirectory& directory);

}  // namespace sotong::meetings
