// The SQL of deadline reminders: the items in hand with a due date, and the reminders already sent
// (suggestion_reminders).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "store/database.hpp"

namespace sotong::suggestions::suggestion_reminder_store {

struct InHand {
  std::int64_t id = 0;
  std::string title;
  std::int64_t lead_bureau_id = 0;
  std::string due_date;  // YYYY-MM-DD
};

/// Every adopted or in-progress suggestion with a lead bureau and a due date on or before `until`
/// (YYYY-MM-DD): the only ones a reminder can be due for.
std::vector<InHand> in_hand_due_by(store::Connection& c, std::string_view until);

/// Records that the reminder was sent; false when it had been already (nothing changes then).
bool mark_sent(store::Connection& c, std::int64_t suggestion_id, std::string_view kind,
               std::string_view due_date, Timestamp at);

}  // namespace sotong::suggestions::suggestion_reminder_store
