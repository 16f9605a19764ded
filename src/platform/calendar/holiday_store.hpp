// The holidays table's SQL: portable statements for both engines.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "platform/calendar/holiday.hpp"
#include "store/database.hpp"

namespace sotong::platform::calendar {

inline constexpr const char* kSourceShipped = "shipped";
inline constexpr const char* kSourceAdmin = "admin";

/// One row of the holidays table, as the admin page shows it.
struct HolidayRecord {
  Holiday holiday;
  std::string source;  // kSourceShipped or kSourceAdmin
  bool deleted = false;
  Timestamp updated_at = 0;
  std::int64_t updated_by_id = 0;  // 0: the shipped data
  std::string updated_by;          // the account's display name, filled by the service
};

namespace holiday_store {

/// The holidays' data version (platform/cache): every write here bumps it, so the calendar kept in memory is
/// read again after any change.
inline constexpr const char* kDataVersion = "holidays";

/// Every holiday in force (tombstones left out), in date order.
std::vector<Holiday> active(store::Connection& c);
/// The rows of one year, tombstones included, in date order.
std::vector<HolidayRecord> year(store::Connection& c, int year);
/// Every row from `first` to `last` inclusive, tombstones included, in date order (the holidays' feed).
std::vector<HolidayRecord> between(store::Connection& c, CivilDate first, CivilDate last);
/// The row for a date, tombstone or not.
std::optional<HolidayRecord> find(store::Connection& c, CivilDate date);

/// Inserts an administrator's holiday; throws ConstraintViolation when the date has a row already.
void insert(store::Connection& c, const Holiday& h, std::int64_t actor_id, Timestamp now);
/// Rewrites a row's name and kind (also reviving a tombstone) as the administrator's.
void update(store::Connection& c, const Holiday& h, std::int64_t actor_id, Timestamp now);
/// Marks a row deleted (a tombstone).
void mark_deleted(store::Connection& c, CivilDate date, bool deleted, std::int64_t actor_id, Timestamp now);

/// Brings the shipped holidays in: adds dates that have no row, refreshes shipped rows whose name or kind
/// changed, and removes shipped rows (not tombstones) that the shipped data no longer lists. Rows an
/// administrator edited or deleted are left alone. Returns the number of rows changed (0 on a second run).
int seed(store::Connection& c, const std::vector<Holiday>& shipped, Timestamp now);

}  // namespace holiday_store
}  // namespace sotong::platform::calendar
