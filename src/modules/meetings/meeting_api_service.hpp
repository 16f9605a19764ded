// The lists of the meetings' JSON API (/api/v1/meetings…) that the pages do not already have: a year of
// meetings across the bodies the person sees, and the open action items by owner organisation.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/result.hpp"
#include "modules/meetings/meeting.hpp"
#include "platform/service_context.hpp"

namespace sotong::meetings {

struct ListedMeeting {
  Meeting meeting;  // host_name filled in
  std::string body_name;
};
/// The meetings of `year` the person may open, of one body or of every body it sees, by date. invalid
/// (field `body`) for a body it does not see, (field `year`) outside 2000–2100.
Result<std::vector<ListedMeeting>> list_meetings(const platform::ServiceContext& svc,
                                                 std::optional<std::int64_t> body, int year);

struct ListedAction {
  ActionItem action;
  std::string owner_name;
  std::string body_name;
  CivilDate meeting_date{};
};
/// The open action items of the meetings the person may open, of one owner organisation or all, by due date.
/// invalid (field `organization`) for an organisation that sits on none of the bodies the person sees.
Result<std::vector<ListedAction>> open_action_items(const platform::ServiceContext& svc,
                                                    std::optional<std::int64_t> organization);

}  // namespace sotong::meetings
