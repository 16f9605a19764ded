// The deadline rules of a suggestion, as the national petition system (국민신문고) has them: a due date in
// working days from the day the clock starts; at most two extensions, each later than the due date it
// replaces and with a reason the submitter is told; a transfer to another organisation, with a reason,
// restarts the clock on the day of the transfer. Pure functions over the platform's working calendar: no I/O,
// so every case is unit-tested.
#pragma once

#include <cstdint>
#include <string_view>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "platform/calendar/working_calendar.hpp"

namespace sotong::suggestions {

/// How many times a due date may be extended.
inline constexpr int kMaxExtensions = 2;

/// The due date `working_days` working days after `start` (the day the clock starts does not count).
CivilDate due_date(const platform::calendar::WorkingCalendar& calendar, CivilDate start, int working_days);

/// The extended due date, or a Korean refusal: a third extension (conflict), a date not after the current due
/// date, or no reason (field errors naming `due_date` and `reason`).
Result<CivilDate> extend_due(int extensions_so_far, CivilDate current_due, CivilDate requested,
                             std::string_view reason);

/// After a transfer the new organisation's clock starts on the transfer day. A refusal when the organisation
/// is the same one (`organization_id`) or no reason is given (`reason`).
Result<CivilDate> due_after_transfer(const platform::calendar::WorkingCalendar& calendar,
                                     std::int64_t from_org, std::int64_t to_org, CivilDate transfer_day,
                                     int working_days, std::string_view reason);

/// True once `today` is past the due date (the due date itself is still in time).
bool is_overdue(CivilDate due, CivilDate today);

}  // namespace sotong::suggestions
