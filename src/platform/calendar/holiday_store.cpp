#include "platform/calendar/holiday_store.hpp"

#include <map>

#include "platform/cache/data_version.hpp"

namespace sotong::platform::calendar::holiday_store {
namespace {
constexpr const char* kColumns =
    "SELECT h.date, h.name, h.kind, h.source, h.deleted, h.updated_at, COALESCE(h.updated_by, 0) "
    "FROM calendar_holidays h ";

HolidayRecord from_row(const store::Row& r) {
  HolidayRecord rec;
  rec.holiday.date = parse_date(r.text(0)).value_or(CivilDate{1970, 1, 1});
  rec.holiday.name = r.text(1);
  rec.holiday.kind = holiday_kind_from_code(r.text(2)).value_or(HolidayKind::statutory);
  rec.source = r.text(3);
  rec.deleted = r.boolean(4);
  rec.updated_at = r.int64(5);
  rec.updated_by_id = r.int64(6);
  return rec;
}
}  // namespace

std::vector<Holiday> active(store::Connection& c) {
  std::vector<Holiday> out;
  for (const auto& r :
       c.query("SELECT date, name, kind FROM calendar_holidays WHERE deleted = 0 ORDER BY date")) {
    auto date = parse_date(r.text(0));
    if (!date) continue;  // a row written by hand with a broken date: not a holiday we can place
    out.push_back({*date, r.text(1), holiday_kind_from_code(r.text(2)).value_or(HolidayKind::statutory)});
  }
  return out;
}

std::vector<HolidayRecord> year(store::Connection& c, int year) {
  std::vector<HolidayRecord> out;
  for (const auto& r : c.query(std::string(kColumns) + "WHERE h.date >= ? AND h.date < ? ORDER BY h.date",
                               {format_date({year, 1, 1}), format_date({year + 1, 1, 1})})) {
    out.push_back(from_row(r));
  }
  return out;
}

std::vector<HolidayRecord> between(store::Connection& c, CivilDate first, CivilDate last) {
  std::vector<HolidayRecord> out;
  for (const auto& r : c.query(std::string(kColumns) + "WHERE h.date >= ? AND h.date <= ? ORDER BY h.date",
                               {format_date(first), format_date(last)})) {
    out.push_back(from_row(r));
  }
  return out;
}

std::optional<HolidayRecord> find(store::Connection& c, CivilDate date) {
  auto rows = c.query(std::string(kColumns) + "WHERE h.date = ?", {format_date(date)});
  if (rows.empty()) return std::nullopt;
  return from_row(rows.front());
}

void insert(store::Connection& c, const Holiday& h, std::int64_t actor_id, Timestamp now) {
  c.execute(
      "INSERT INTO calendar_holidays (date, name, kind, source, deleted, updated_at, updated_by) VALUES (?, "
      "?, ?, ?, "
      "0, "
      "?, ?)",
      {format_date(h.date), h.name, holiday_kind_code(h.kind), kSourceAdmin, now, actor_id});
  data_version::bump(c, kDataVersion);
}

void update(store::Connection& c, const Holiday& h, std::int64_t actor_id, Timestamp now) {
  c.execute(
      "UPDATE calendar_holidays SET name = ?, kind = ?, source = ?, deleted = 0, updated_at = ?, updated_by "
      "= ? WHERE "
      "date = ?",
      {h.name, holiday_kind_code(h.kind), kSourceAdmin, now, actor_id, format_date(h.date)});
  data_version::bump(c, kDataVersion);
}

void mark_deleted(store::Connection& c, CivilDate date, bool deleted, std::int64_t actor_id, Timestamp now) {
  c.execute("UPDATE calendar_holidays SET deleted = ?, updated_at = ?, updated_by = ? WHERE date = ?",
            {deleted ? 1 : 0, now, actor_id, format_date(date)});
  data_version::bump(c, kDataVersion);
}

int seed(store::Connection& c, const std::vector<Holiday>& shipped, Timestamp now) {
  struct Existing {
    std::string name, kind, source;
  };
  std::map<std::string, Existing> existing;
  for (const auto& r : c.query("SELECT date, name, kind, source FROM calendar_holidays"))
    existing[r.text(0)] = {r.text(1), r.text(2), r.text(3)};

  int changed = 0;
  std::map<std::string, bool> listed;
  for (const auto& h : shipped) {
    const std::string date = format_date(h.date);
    const std::string kind(holiday_kind_code(h.kind));
    listed[date] = true;
    auto it = existing.find(date);
    if (it == existing.end()) {
      // Another node starting at the same moment may have added it: DO NOTHING keeps the run idempotent.
      changed += static_cast<int>(
          c.execute("INSERT INTO calendar_holidays (date, name, kind, source, deleted, updated_at, "
                    "updated_by) VALUES (?, ?, ?, ?, "
                    "0, ?, NULL) ON CONFLICT (date) DO NOTHING",
                    {date, h.name, kind, kSourceShipped, now}));
    } else if (it->second.source == kSourceShipped &&
               (it->second.name != h.name || it->second.kind != kind)) {
      changed += static_cast<int>(c.execute(
          "UPDATE calendar_holidays SET name = ?, kind = ?, updated_at = ? WHERE date = ? AND source = ?",
          {h.name, kind, now, date, kSourceShipped}));
    }
  }
  for (const auto& [date, row] : existing) {
    if (row.source != kSourceShipped || listed.count(date)) continue;
    changed += static_cast<int>(
        c.execute("DELETE FROM calendar_holidays WHERE date = ? AND source = ? AND deleted = 0",
                  {date, kSourceShipped}));
  }
  if (changed > 0)
    data_version::bump(c, kDataVersion);
  else
    data_version::mark_if_unmarked(c, kDataVersion);
  return changed;
}

}  // namespace sotong::platform::calendar::holiday_store
