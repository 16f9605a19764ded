#include "platform/calendar/calendar_service.hpp"

#include "platform/display_names.hpp"

#include <stdexcept>

#include "core/embedded_file.hpp"
#include "platform/cache/versioned_cache.hpp"
#include "platform/calendar/holiday_rules.hpp"
#include "platform/history/history.hpp"

namespace sotong::embedded {
std::vector<EmbeddedFile> calendar();
}

namespace sotong::platform::calendar {
namespace {
Error duplicate_date(CivilDate date) {
  const std::string message =
      format_date(date) + "에는 이미 공휴일이 등록되어 있습니다. 이름을 바꾸려면 목록에서 수정해 주십시오.";
  return Error::conflict(message, {{"date", message}});
}

Error not_found() {
  return Error::not_found("해당 날짜의 공휴일을 찾을 수 없습니다.");
}

constexpr const char* kRecordType = "holiday";

/// A holiday's record id in the history: the date as a number (2026-10-02 → 20261002).
std::int64_t record_id(CivilDate date) {
  return date.year * 10000LL + date.month * 100 + date.day;
}

/// The row as the history keeps it ("" when there is none).
std::string history_json(store::Connection& c, CivilDate date) {
  auto r = holiday_store::find(c, date);
  if (!r) return "";
  return history::to_json({{"date", format_date(r->holiday.date)},
                           {"name", r->holiday.name},
                           {"kind", holiday_kind_code(r->holiday.kind)},
                           {"source", r->source},
                           {"deleted", r->deleted}});
}

/// Runs `change` and records it in the history, in the caller's transaction.
template <typename F>
void changing(store::Connection& c, const Actor& actor, CivilDate date, const char* action, F&& change) {
  const std::string before = history_json(c, date);
  change();
  history::record_change(c, actor, {kRecordType, record_id(date), action, before, history_json(c, date)});
}
}  // namespace

WorkingCalendar load(store::Connection& c) {
  // Read on most pages that show a deadline; rebuilt only after a holiday changed (holiday_store bumps it).
  static VersionedCache<WorkingCalendar> kept({holiday_store::kDataVersion});
  return *kept.get(c, "", [&] { return WorkingCalendar(holiday_store::active(c)); });
}

WorkingCalendar load(store::Database& db) {
  return db.read([](store::Connection& c) { return load(c); });
}

CivilDate due_date(store::Connection& c, CivilDate start, int working_days) {
  return load(c).add_working_days(start, working_days);
}

std::string_view shipped_csv() {
  for (const auto& f : embedded::calendar())
    if (f.path == "data/holidays.csv") return f.text;
  return {};
}

int seed(store::Database& db) {
  auto shipped = shipped_holidays(shipped_csv());
  if (!shipped) throw std::runtime_error("shipped holidays: " + shipped.error().message);
  return db.write([&](store::Connection& c) { return holiday_store::seed(c, *shipped, now()); });
}

Result<std::vector<HolidayRecord>> list_holidays(const ServiceContext& svc, int year) {
  if (auto ok = svc.policy.check(svc.actor, kView); !ok) return ok.error();
  return svc.db.read([&](store::Connection& c) {
    auto records = holiday_store::year(c, year);
    std::vector<std::int64_t> editors;
    for (const auto& r : records) editors.push_back(r.updated_by_id);
    const auto names = display_names(c, editors);
    for (auto& r : records)
      if (auto it = names.find(r.updated_by_id); it != names.end()) r.updated_by = it->second;
    return records;
  });
}

Result<HolidayRecord> get_holiday(const ServiceContext& svc, CivilDate date) {
  if (auto ok = svc.policy.check(svc.actor, kView); !ok) return ok.error();
  auto found = svc.db.read([&](store::Connection& c) {
    auto record = holiday_store::find(c, date);
    if (record && record->updated_by_id) {
      const auto names = display_names(c, {record->updated_by_id});
      if (auto it = names.find(record->updated_by_id); it != names.end()) record->updated_by = it->second;
    }
    return record;
  });
  if (!found) return not_found();
  return *found;
}

Result<void> add_holiday(const ServiceContext& svc, const HolidayInput& input) {
  if (auto ok = svc.policy.check(svc.actor, kManage); !ok) return ok.error();
  auto valid = validate_holiday(input);
  if (!valid) return valid.error();
  try {
    return svc.db.write([&](store::Connection& c) -> Result<void> {
      auto existing = holiday_store::find(c, valid->date);
      if (existing && !existing->deleted) return duplicate_date(valid->date);
      changing(c, svc.actor, valid->date, "create", [&] {
        if (existing) {
          holiday_store::update(c, *valid, svc.actor.account_id, now());  // takes over the tombstone
        } else {
          holiday_store::insert(c, *valid, svc.actor.account_id, now());
        }
      });
      return success();
    });
  } catch (const store::ConstraintViolation&) {
    return duplicate_date(valid->date);  // another request added the date between our check and insert
  }
}

Result<void> update_holiday(const ServiceContext& svc, CivilDate date, const HolidayInput& input) {
  if (auto ok = svc.policy.check(svc.actor, kManage); !ok) return ok.error();
  HolidayInput with_date = input;
  with_date.date = format_date(date);
  auto valid = validate_holiday(with_date);
  if (!valid) return valid.error();
  return svc.db.write([&](store::Connection& c) -> Result<void> {
    auto existing = holiday_store::find(c, date);
    if (!existing || existing->deleted) return not_found();
    changing(c, svc.actor, date, "update",
             [&] { holiday_store::update(c, *valid, svc.actor.account_id, now()); });
    return success();
  });
}

Result<void> delete_holiday(const ServiceContext& svc, CivilDate date) {
  if (auto ok = svc.policy.check(svc.actor, kManage); !ok) return ok.error();
  return svc.db.write([&](store::Connection& c) -> Result<void> {
    auto existing = holiday_store::find(c, date);
    if (!existing || existing->deleted) return not_found();
    changing(c, svc.actor, date, "delete",
             [&] { holiday_store::mark_deleted(c, date, true, svc.actor.account_id, now()); });
    return success();
  });
}

Result<void> restore_holiday(const ServiceContext& svc, CivilDate date) {
  if (auto ok = svc.policy.check(svc.actor, kManage); !ok) return ok.error();
  return svc.db.write([&](store::Connection& c) -> Result<void> {
    auto existing = holiday_store::find(c, date);
    if (!existing || !existing->deleted) return not_found();
    changing(c, svc.actor, date, "restore",
             [&] { holiday_store::mark_deleted(c, date, false, svc.actor.account_id, now()); });
    return success();
  });
}

}  // namespace sotong::platform::calendar
