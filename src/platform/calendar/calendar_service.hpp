// The working-day calendar for other modules (load, due_date) and the administrator's holiday use cases.
#pragma once

#include <string>
#include <vector>

#include "core/result.hpp"
#include "core/role.hpp"
#include "platform/calendar/calendar_forms.hpp"
#include "platform/calendar/holiday_store.hpp"
#include "platform/calendar/working_calendar.hpp"
#include "platform/policy.hpp"
#include "platform/service_context.hpp"
#include "store/database.hpp"

namespace sotong::platform::calendar {

inline constexpr const char* kView = "calendar.view";
inline constexpr const char* kManage = "calendar.manage";

/// The calendar in force: every holiday in the table, kept in memory until a holiday changes (one indexed
/// query for its data version). For a module: `calendar::load(conn)`.
WorkingCalendar load(store::Connection& c);
WorkingCalendar load(store::Database& db);
/// The deadline `working_days` working days after `start` (the first day not counted), e.g. a reply due
/// ten working days after receipt: `calendar::due_date(conn, received, 10)`. See add_working_days.
CivilDate due_date(store::Connection& c, CivilDate start, int working_days);

/// The shipped CSV (data/holidays.csv) compiled into the program.
std::string_view shipped_csv();
/// Loads the shipped holidays and their computed substitutes without touching administrators' rows;
/// safe on every start and on several nodes at once. Returns the rows changed. Throws std::runtime_error
/// when the shipped data is broken (a build defect).
int seed(store::Database& db);

/// The rows of one year for the admin page, tombstones included.
Result<std::vector<HolidayRecord>> list_holidays(const ServiceContext& svc, int year);
/// One row, tombstone or not; not found when the date has no row.
Result<HolidayRecord> get_holiday(const ServiceContext& svc, CivilDate date);
/// Adds a holiday; a conflict (with a field error) when the date already has one in force. A date whose
/// shipped holiday was deleted is taken over by the new one.
Result<void> add_holiday(const ServiceContext& svc, const HolidayInput& input);
/// Renames a holiday or changes its kind; the date itself does not change.
Result<void> update_holiday(const ServiceContext& svc, CivilDate date, const HolidayInput& input);
/// Deletes a holiday: it stays as a tombstone so the seed never brings it back.
Result<void> delete_holiday(const ServiceContext& svc, CivilDate date);
/// Brings a deleted holiday back.
Result<void> restore_holiday(const ServiceContext& svc, CivilDate date);

}  // namespace sotong::platform::calendar
