// The holiday calendar against a real SQLite database: the seed is idempotent and never overwrites or
// resurrects an administrator's change; the service's add/update/remove/restore and their refusals.
// The HTTP suite repeats the routes on PostgreSQL.
#include <gtest/gtest.h>

#include <filesystem>

#include "platform/accounts/accounts_module.hpp"
#include "platform/cache/cache_module.hpp"
#include "platform/calendar/calendar_module.hpp"
#include "platform/calendar/calendar_service.hpp"
#include "platform/calendar/calendar_test_support.hpp"
#include "platform/calendar/holiday_rules.hpp"
#include "platform/history/history_module.hpp"
#include "platform/organizations/organizations_module.hpp"

namespace sotong::platform::calendar {
namespace {

class CalendarStore : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() /
            ("sotong_calendar_" +
             std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) + ".db");
    std::filesystem::remove(path_);
    db_ = store::Database::open("sqlite:" + path_.string(), 2);
    std::vector<store::Migration> migrations;
    for (const auto& m : {cache::manifest(), organizations::manifest(), accounts::manifest(),
                          history::manifest(), calendar::manifest()}) {
      migrations.insert(migrations.end(), m.migrations.begin(), m.migrations.end());
      for (const auto& p : m.permissions) policy_.add(p);
    }
    store::apply_migrations(*db_, migrations);
    admin_.account_id = 1;
    admin_.roles = {Role::admin};
    officer_.account_id = 2;
    officer_.roles = {Role::municipal};
    officer_.organization_path = "/1/2/";
  }
  void TearDown() override {
    db_.reset();
    for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + s);
  }
  std::int64_t rows() {
    return db_->read([](store::Connection& c) { return c.scalar("SELECT COUNT(*) FROM calendar_holidays"); });
  }
  std::optional<HolidayRecord> row(const char* date) {
    return db_->read([&](store::Connection& c) { return holiday_store::find(c, date_on(date)); });
  }

  std::filesystem::path path_;
  std::unique_ptr<store::Database> db_;
  Policy policy_;
  Actor admin_, officer_;
};
}  // namespace

TEST_F(CalendarStore, SeedLoadsTheShippedCalendarOnceAndIsIdempotent) {
  const auto shipped = shipped_holidays(shipped_csv());
  ASSERT_TRUE(shipped.ok());
  const int first = seed(*db_);
  EXPECT_EQ(first, static_cast<int>(shipped->size()));
  EXPECT_EQ(rows(), static_cast<std::int64_t>(shipped->size()));
  EXPECT_EQ(seed(*db_), 0);  // a second start changes nothing
  EXPECT_EQ(rows(), static_cast<std::int64_t>(shipped->size()));
  // Both holidays of 2025-05-05 are one row.
  EXPECT_EQ(row("2025-05-05")->holiday.name, "어린이날·부처님오신날");
  EXPECT_EQ(row("2026-10-05")->holiday.kind, HolidayKind::substitute);
  EXPECT_EQ(row("2026-10-05")->source, kSourceShipped);
  // The module's one-line interface.
  const WorkingCalendar cal = load(*db_);
  EXPECT_FALSE(cal.is_working_day(date_on("2026-09-25")));
  EXPECT_EQ(
      format_date(db_->read([](store::Connection& c) { return due_date(c, date_on("2026-09-23"), 5); })),
      "2026-10-02");
}

TEST_F(CalendarStore, SeedKeepsAdministratorsEditsAndDeletions) {
  seed(*db_);
  ASSERT_TRUE(
      update_holiday({*db_, policy_, admin_}, date_on("2026-01-01"), {"", "새해 첫날", "statutory"}).ok());
  ASSERT_TRUE(delete_holiday({*db_, policy_, admin_}, date_on("2026-10-05")).ok());
  ASSERT_TRUE(add_holiday({*db_, policy_, admin_}, {"2026-10-02", "임시공휴일(시험)", "temporary"}).ok());
  EXPECT_EQ(seed(*db_), 0);
  EXPECT_EQ(row("2026-01-01")->holiday.name, "새해 첫날");
  EXPECT_EQ(row("2026-01-01")->source, kSourceAdmin);
  EXPECT_TRUE(row("2026-10-05")->deleted);  // not resurrected
  EXPECT_EQ(row("2026-10-02")->holiday.name, "임시공휴일(시험)");
  const WorkingCalendar cal = load(*db_);
  EXPECT_TRUE(cal.is_working_day(date_on("2026-10-05")));
  EXPECT_FALSE(cal.is_working_day(date_on("2026-10-02")));
}

TEST_F(CalendarStore, SeedRefreshesAndRetiresOnlyShippedRows) {
  seed(*db_);
  db_->write([](store::Connection& c) {
    // As if an older release had shipped another name, and a date the data no longer lists.
    c.execute("UPDATE calendar_holidays SET name = '옛 이름' WHERE date = '2027-02-09'");
    c.execute(
        "INSERT INTO calendar_holidays (date, name, kind, source, deleted, updated_at) VALUES ('2027-03-02', "
        "'옛 "
        "대체', "
        "'substitute', 'shipped', 0, 0)");
    c.execute(
        "INSERT INTO calendar_holidays (date, name, kind, source, deleted, updated_at) VALUES ('2027-03-03', "
        "'관리자 "
        "등록', "
        "'temporary', 'admin', 0, 0)");
    return 0;
  });
  EXPECT_EQ(seed(*db_), 2);
  EXPECT_EQ(row("2027-02-09")->holiday.name, "대체공휴일(설날)");
  EXPECT_FALSE(row("2027-03-02"));
  EXPECT_EQ(row("2027-03-03")->holiday.name, "관리자 등록");
}

TEST_F(CalendarStore, AddRefusesDuplicatesAndTakesOverATombstone) {
  seed(*db_);
  auto dup = add_holiday({*db_, policy_, admin_}, {"2026-09-25", "또 추석", "temporary"});
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().code, ErrorCode::conflict);
  ASSERT_EQ(dup.error().fields.size(), 1u);
  EXPECT_EQ(dup.error().fields[0].field, "date");
  ASSERT_TRUE(delete_holiday({*db_, policy_, admin_}, date_on("2026-09-25")).ok());
  ASSERT_TRUE(add_holiday({*db_, policy_, admin_}, {"2026-09-25", "추석(관리자)", "statutory"}).ok());
  EXPECT_FALSE(row("2026-09-25")->deleted);
  EXPECT_EQ(row("2026-09-25")->source, kSourceAdmin);
  auto invalid = add_holiday({*db_, policy_, admin_}, {"2026-02-30", "", "x"});
  ASSERT_FALSE(invalid.ok());
  EXPECT_EQ(invalid.error().code, ErrorCode::invalid_input);
  EXPECT_EQ(invalid.error().fields.size(), 3u);
}

TEST_F(CalendarStore, RemoveAndRestoreNeedARow) {
  seed(*db_);
  EXPECT_EQ(delete_holiday({*db_, policy_, admin_}, date_on("2026-11-25")).error().code,
            ErrorCode::not_found);
  EXPECT_EQ(restore_holiday({*db_, policy_, admin_}, date_on("2026-08-17")).error().code,
            ErrorCode::not_found);  // not deleted
  ASSERT_TRUE(delete_holiday({*db_, policy_, admin_}, date_on("2026-08-17")).ok());
  EXPECT_EQ(delete_holiday({*db_, policy_, admin_}, date_on("2026-08-17")).error().code,
            ErrorCode::not_found);
  EXPECT_EQ(
      update_holiday({*db_, policy_, admin_}, date_on("2026-08-17"), {"", "x", "substitute"}).error().code,
      ErrorCode::not_found);
  ASSERT_TRUE(restore_holiday({*db_, policy_, admin_}, date_on("2026-08-17")).ok());
  EXPECT_FALSE(row("2026-08-17")->deleted);
  EXPECT_EQ(row("2026-08-17")->holiday.name, "대체공휴일(광복절)");
  auto year = list_holidays({*db_, policy_, admin_}, 2026);
  ASSERT_TRUE(year.ok());
  EXPECT_EQ(year->front().holiday.name, "신정");
  EXPECT_EQ(format_date(year->back().holiday.date), "2026-12-25");
}

TEST_F(CalendarStore, EveryChangeIsInTheHistory) {
  seed(*db_);
  ASSERT_TRUE(add_holiday({*db_, policy_, admin_}, {"2026-10-02", "임시공휴일", "temporary"}).ok());
  ASSERT_TRUE(
      update_holiday({*db_, policy_, admin_}, date_on("2026-10-02"), {"", "임시공휴일(추석)", "temporary"})
          .ok());
  ASSERT_TRUE(delete_holiday({*db_, policy_, admin_}, date_on("2026-10-02")).ok());
  ASSERT_TRUE(restore_holiday({*db_, policy_, admin_}, date_on("2026-10-02")).ok());
  EXPECT_FALSE(
      add_holiday({*db_, policy_, admin_}, {"2026-10-02", "또", "temporary"}).ok());  // refused: no entry
  const auto entries = db_->read([](store::Connection& c) {
    return c.query(
        "SELECT action, before_data, after_data FROM history_entries WHERE record_type = 'holiday' AND "
        "record_id = "
        "20261002 ORDER BY id");
  });
  ASSERT_EQ(entries.size(), 4u);
  EXPECT_EQ(entries[0].text(0), "create");
  EXPECT_EQ(entries[0].text(1), "");
  EXPECT_NE(entries[0].text(2).find("\"name\":\"임시공휴일\""), std::string::npos);
  EXPECT_EQ(entries[1].text(0), "update");
  EXPECT_NE(entries[1].text(2).find("임시공휴일(추석)"), std::string::npos);
  EXPECT_EQ(entries[2].text(0), "delete");
  EXPECT_NE(entries[2].text(2).find("\"deleted\":true"), std::string::npos);
  EXPECT_EQ(entries[3].text(0), "restore");
  // The seed's own loading is reference data, not anyone's change: it records nothing.
  EXPECT_EQ(db_->read([](store::Connection& c) {
    return c.scalar("SELECT COUNT(*) FROM history_entries WHERE record_type = 'holiday'");
  }),
            4);
}

TEST_F(CalendarStore, OnlyTheAdministratorMayChangeTheCalendar) {
  seed(*db_);
  EXPECT_TRUE(list_holidays({*db_, policy_, officer_}, 2026).ok());
  EXPECT_EQ(add_holiday({*db_, policy_, officer_}, {"2026-10-02", "임시", "temporary"}).error().code,
            ErrorCode::forbidden);
  EXPECT_EQ(
      update_holiday({*db_, policy_, officer_}, date_on("2026-01-01"), {"", "x", "statutory"}).error().code,
      ErrorCode::forbidden);
  EXPECT_EQ(delete_holiday({*db_, policy_, officer_}, date_on("2026-01-01")).error().code,
            ErrorCode::forbidden);
  EXPECT_EQ(restore_holiday({*db_, policy_, officer_}, date_on("2026-01-01")).error().code,
            ErrorCode::forbidden);
  EXPECT_FALSE(row("2026-10-02"));
  EXPECT_EQ(row("2026-01-01")->holiday.name, "신정");
}

}  // namespace sotong::platform::calendar
