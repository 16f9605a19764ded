// The hash chain on a real SQLite database: appends link up, verify finds an edited or deleted row at the
// right entry, prune keeps the rest verifiable, and the services record their changes in the same
// transaction (the HTTP suite repeats the behaviour on PostgreSQL).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <thread>

#include "platform/accounts/account_service.hpp"
#include "platform/accounts/accounts_module.hpp"
#include "platform/accounts/demo_accounts.hpp"
#include "platform/cache/cache_module.hpp"
#include "platform/crypto.hpp"
#include "platform/exports/exports.hpp"
#include "platform/history/history.hpp"
#include "platform/history/history_labels.hpp"
#include "platform/history/history_module.hpp"
#include "platform/history/history_rules.hpp"
#include "platform/history/history_service.hpp"
#include "platform/history/history_store.hpp"
#include "platform/jobs/jobs_module.hpp"
#include "platform/notifications/notifications_module.hpp"
#include "platform/organizations/organization_import.hpp"
#include "platform/organizations/organization_service.hpp"
#include "platform/organizations/organizations_module.hpp"
#include "platform/search/search_module.hpp"

namespace sotong::platform::history {
namespace {

class HistoryChain : public ::testing::Test {
 protected:
  void SetUp() override {
    init_crypto();
    path_ = std::filesystem::temp_directory_path() /
            ("sotong_history_" +
             std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) + ".db");
    remove_files();
    db_ = store::Database::open("sqlite:" + path_.string(), 4);
    std::vector<store::Migration> migrations;
    const std::vector<ModuleManifest> modules = {
        cache::manifest(),         organizations::manifest(), accounts::manifest(), jobs::manifest(),
        notifications::manifest(), history::manifest(),       search::manifest()};
    register_extensions(modules);  // the record types' labels, as the server registers them
    for (const auto& m : modules) {
      migrations.insert(migrations.end(), m.migrations.begin(), m.migrations.end());
      for (const auto& p : m.permissions) policy_.add(p);
    }
    store::apply_migrations(*db_, migrations);
    admin_.account_id = 1;
    admin_.login_id = "admin";
    admin_.display_name = "김관리";
    admin_.remote_address = "10.0.0.7";
    admin_.roles = {Role::admin};
    admin_.organization_path = "/1/";
  }
  void TearDown() override {
    db_.reset();
    remove_files();
  }
  void remove_files() {
    for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(path_.string() + s);
  }

  /// Appends `n` change entries for organisation `record` by the admin.
  void changes(int n, std::int64_t record = 7) {
    for (int i = 0; i < n; ++i) {
      db_->write([&](store::Connection& c) {
        record_change(c, admin_,
                      {"organization", record, "update", to_json({{"sort_order", i}}),
                       to_json({{"sort_order", i + 1}})});
        return 0;
      });
    }
  }
  /// Appends an entry as if written at `at` (for retention).
  void change_at(Timestamp at) {
    db_->write([&](store::Connection& c) {
      Entry e;
      e.kind = "change";
      e.occurred_at = at;
      e.account_id = 1;
      e.login_id = "admin";
      e.action = "update";
      e.record_type = "organization";
      e.record_id = 3;
      e.after = "{}";
      return history_store::append(c, e).id;
    });
  }
  std::vector<Entry> all() {
    return db_->read([](store::Connection& c) { return history_store::walk(c, 0, 100000); });
  }
  std::vector<Entry> find(Filter f) {
    auto page = search_history({*db_, policy_, admin_}, f);
    EXPECT_TRUE(page.ok());
    return page.ok() ? page->entries : std::vector<Entry>{};
  }
  void sql(const std::string& statement, const store::Params& params = {}) {
    db_->write([&](store::Connection& c) { return c.execute(statement, params); });
  }

  std::filesystem::path path_;
  std::unique_ptr<store::Database> db_;
  Policy policy_;
  Actor admin_;
};

}  // namespace

TEST_F(HistoryChain, EachEntryLinksToThePreviousAndTheChainVerifies) {
  EXPECT_TRUE(verify(*db_).ok());
  EXPECT_EQ(verify(*db_).count, 0);
  changes(3);
  const auto entries = all();
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[0].prev_hash, kGenesis);
  EXPECT_EQ(entries[1].prev_hash, entries[0].hash);
  EXPECT_EQ(entries[2].prev_hash, entries[1].hash);
  EXPECT_EQ(entries[1].login_id, "admin");
  EXPECT_EQ(entries[1].actor_name, "김관리");
  EXPECT_EQ(entries[1].remote_address, "10.0.0.7");
  EXPECT_EQ(entries[1].before, R"({"sort_order":1})");
  EXPECT_GT(entries[1].occurred_at, 0);
  const auto v = verify(*db_);
  EXPECT_TRUE(v.ok()) << v.problem;
  EXPECT_EQ(v.count, 3);
  EXPECT_EQ(v.last_hash, entries[2].hash);
}

TEST_F(HistoryChain, AnEditedRowIsFoundAtThatEntry) {
  changes(4);
  const auto entries = all();
  sql("UPDATE history_entries SET after_data = ? WHERE id = ?", {R"({"sort_order":99})", entries[2].id});
  const auto v = verify(*db_);
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(v.broken->id, entries[2].id);
  EXPECT_EQ(v.broken->occurred_at, entries[2].occurred_at);
  EXPECT_EQ(v.count, 2);
  EXPECT_NE(v.problem.find("바뀌었습니다"), std::string::npos);
}

TEST_F(HistoryChain, AnEditWithARecomputedHashBreaksTheNextLink) {
  changes(4);
  auto entries = all();
  Entry forged = entries[1];
  forged.login_id = "someone-else";
  sql("UPDATE history_entries SET login_id = ?, hash = ? WHERE id = ?",
      {forged.login_id, entry_hash(forged, forged.prev_hash), forged.id});
  const auto v = verify(*db_);
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(v.broken->id, entries[2].id);
}

TEST_F(HistoryChain, ADeletedRowIsFoundAtTheEntryAfterIt) {
  changes(4);
  const auto entries = all();
  sql("DELETE FROM history_entries WHERE id = ?", {entries[1].id});
  const auto v = verify(*db_);
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(v.broken->id, entries[2].id);
  EXPECT_NE(v.problem.find("연결이 끊겼습니다"), std::string::npos);
}

TEST_F(HistoryChain, DeletingTheFirstRowsWithoutPruneIsFound) {
  changes(3);
  const auto entries = all();
  sql("DELETE FROM history_entries WHERE id = ?", {entries[0].id});
  const auto v = verify(*db_);
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(v.broken->id, entries[1].id);
}

TEST_F(HistoryChain, PruneDeletesOldEntriesAndTheRestStillVerifies) {
  const Timestamp t = now();
  for (int i = 0; i < 5; ++i) change_at(t - 800 * 86400 + i);  // older than two years
  for (int i = 0; i < 3; ++i) change_at(t - 10 * 86400 + i);
  const auto before = all();
  ASSERT_EQ(before.size(), 8u);
  auto pruned = prune(*db_, console_actor(), 730, t);
  ASSERT_TRUE(pruned.ok());
  EXPECT_EQ(pruned->count, 5);
  EXPECT_EQ(*pruned->through_id, before[4].id);
  const auto after = all();
  ASSERT_EQ(after.size(), 4u);  // three recent entries and the prune entry
  EXPECT_EQ(after[0].id, before[5].id);
  EXPECT_EQ(after[0].prev_hash, before[4].hash);
  const Entry& mark = after.back();
  EXPECT_EQ(mark.action, "prune");
  EXPECT_EQ(mark.record_type, "history");
  EXPECT_EQ(mark.remote_address, "console");
  EXPECT_NE(mark.after.find(before[4].hash), std::string::npos);
  auto v = verify(*db_);
  EXPECT_TRUE(v.ok()) << v.problem << " at " << (v.broken ? v.broken->id : 0);
  EXPECT_EQ(v.count, 4);

  // Nothing left to prune: still recorded, still verifiable; new entries keep linking.
  auto again = prune(*db_, console_actor(), 730, t);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->count, 0);
  changes(2);
  v = verify(*db_);
  EXPECT_TRUE(v.ok()) << v.problem;
  EXPECT_EQ(v.count, 7);

  // Pruning everything leaves only the prune entry, which verifies on its own.
  auto everything = prune(*db_, console_actor(), 730, t + 3000 * 86400LL);
  ASSERT_TRUE(everything.ok());
  EXPECT_EQ(everything->count, 7);
  ASSERT_EQ(all().size(), 1u);
  EXPECT_TRUE(verify(*db_).ok());
}

TEST_F(HistoryChain, DeletingByHandAfterAPruneIsFound) {
  const Timestamp t = now();
  for (int i = 0; i < 3; ++i) change_at(t - 800 * 86400 + i);
  changes(2);
  ASSERT_TRUE(prune(*db_, console_actor(), 730, t).ok());
  const auto entries = all();
  ASSERT_EQ(entries.size(), 3u);
  // Someone removes the remaining first entry by hand: no checkpoint vouches for the new start.
  sql("DELETE FROM history_entries WHERE id = ?", {entries[0].id});
  const auto v = verify(*db_);
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(v.broken->id, entries[1].id);
}

TEST_F(HistoryChain, RetentionBelowOneYearIsRefused) {
  auto refused = prune(*db_, console_actor(), 364, now());
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::invalid_input);
  EXPECT_FALSE(retention_problem(365));
  EXPECT_TRUE(all().empty());
}

TEST_F(HistoryChain, AppendingOutsideATransactionIsRefused) {
  EXPECT_THROW(db_->read([&](store::Connection& c) {
    record_change(c, admin_, {"organization", 1, "update", "{}", "{}"});
    return 0;
  }),
               store::DatabaseError);
  EXPECT_TRUE(all().empty());
}

TEST_F(HistoryChain, ConcurrentAppendsNeverForkTheChain) {
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) threads.emplace_back([&, t] { changes(25, 100 + t); });
  for (auto& th : threads) th.join();
  const auto v = verify(*db_);
  EXPECT_TRUE(v.ok()) << v.problem;
  EXPECT_EQ(v.count, 100);
}

TEST_F(HistoryChain, OrganisationChangesAreRecordedWithBeforeAndAfter) {
  ASSERT_TRUE(organizations::import_csv(*db_, organizations::jeonbuk_csv()).ok());
  const auto jiri =
      *db_->read([](store::Connection& c) { return organization_store::find_by_code(c, "A-JIRI"); });
  OrganizationInput in{jiri.code, "전북연구원(신)", "agency", std::to_string(*jiri.parent_id),
                       "10",      "조직 개편"};
  ASSERT_TRUE(organizations::update_organization({*db_, policy_, admin_}, jiri.id, in).ok());
  Filter f;
  f.record_type = "organization";
  f.record_id = jiri.id;
  auto found = find(f);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].action, "update");
  EXPECT_EQ(found[0].login_id, "admin");
  const auto changes = diff(found[0].before, found[0].after);
  ASSERT_GE(changes.size(), 2u);
  EXPECT_EQ(changes[0].field, "name");
  EXPECT_EQ(changes[0].before, "전북연구원");
  EXPECT_EQ(changes[0].after, "전북연구원(신)");
  EXPECT_EQ(changes.back().field, "rename_reason");

  // A refused change rolls back with its entry.
  in.name = "또 다른 이름";
  in.rename_reason = "";
  ASSERT_FALSE(organizations::update_organization({*db_, policy_, admin_}, jiri.id, in).ok());
  EXPECT_EQ(find(f).size(), 1u);

  ASSERT_TRUE(organizations::deactivate_organization({*db_, policy_, admin_}, jiri.id).ok());
  found = find(f);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].action, "deactivate");
  EXPECT_EQ(summary(found[0]), "상태: 사용 → 비활성");

  auto created = organizations::create_organization(
      {*db_, policy_, admin_}, {"T-1", "시험기관", "agency", std::to_string(*jiri.parent_id), "1", ""});
  ASSERT_TRUE(created.ok());
  f.record_id = *created;
  found = find(f);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].action, "create");
  EXPECT_TRUE(found[0].before.empty());
  EXPECT_TRUE(verify(*db_).ok());
}

TEST_F(HistoryChain, TheLogNamesRecordsThroughTheirOwnersWithTheirPages) {
  ASSERT_TRUE(organizations::import_csv(*db_, organizations::jeonbuk_csv()).ok());
  const auto jiri =
      *db_->read([](store::Connection& c) { return organization_store::find_by_code(c, "A-JIRI"); });
  const auto parent =
      *db_->read([&](store::Connection& c) { return organization_store::find(c, *jiri.parent_id); });
  auto created = organizations::create_organization(
      {*db_, policy_, admin_}, {"T-2", "이름시험기관", "agency", std::to_string(parent.id), "1", ""});
  ASSERT_TRUE(created.ok());
  Filter f;
  f.record_type = "organization";
  f.record_id = *created;
  auto page = search_history({*db_, policy_, admin_}, f);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->entries.size(), 1u);
  const auto& e = page->entries[0];
  const auto& own = page->names.at({"organization", *created});
  EXPECT_EQ(own.name, "이름시험기관");
  EXPECT_EQ(own.href, "/organizations/" + std::to_string(*created));
  EXPECT_EQ(own.action, "organization.view");
  EXPECT_EQ(record_text(e, page->names), "기관 이름시험기관");
  bool parent_named = false;
  for (const auto& c : diff(e.before, e.after, e.record_type, page->names)) {
    if (c.field == "parent_id") parent_named = c.label == "상위 기관" && c.after == parent.name;
    if (c.field == "kind") {
      EXPECT_EQ(c.after, "유관기관");
    }
  }
  EXPECT_TRUE(parent_named);

  // An inactive organisation's page is for its managers only.
  ASSERT_TRUE(organizations::deactivate_organization({*db_, policy_, admin_}, *created).ok());
  auto shown = get_entry({*db_, policy_, admin_}, e.id);
  ASSERT_TRUE(shown.ok());
  EXPECT_EQ(shown->names.at({"organization", *created}).action, "organization.manage");
}

TEST_F(HistoryChain, AccountChangesAndSignInsAreRecordedWithoutPasswords) {
  ASSERT_TRUE(organizations::import_csv(*db_, organizations::jeonbuk_csv()).ok());
  accounts::load_demo_accounts(*db_);
  const auto jeonju =
      *db_->read([](store::Connection& c) { return organization_store::find_by_code(c, "52110"); });
  auto issued = accounts::create_account(
      {*db_, policy_, admin_},
      {"jeonju.new", "신규전주", "new@example.kr", "주무관", std::to_string(jeonju.id), {"municipal"}, true});
  ASSERT_TRUE(issued.ok());
  ASSERT_TRUE(accounts::update_account({*db_, policy_, admin_}, issued->account_id,
                                       {"jeonju.new",
                                        "신규전주",
                                        "changed@example.kr",
                                        "주무관",
                                        std::to_string(jeonju.id),
                                        {"municipal"},
                                        true})
                  .ok());
  ASSERT_TRUE(accounts::reset_account_password({*db_, policy_, admin_}, issued->account_id).ok());
  ASSERT_TRUE(accounts::unlock_account({*db_, policy_, admin_}, issued->account_id).ok());
  Settings settings;
  EXPECT_FALSE(accounts::sign_in(*db_, settings, "jeonju.new", "wrong-password-1", "10.1.1.1", "").ok());
  EXPECT_FALSE(accounts::sign_in(*db_, settings, "nobody", "wrong-password-1", "10.1.1.2", "").ok());
  EXPECT_TRUE(accounts::sign_in(*db_, settings, "gunsan", "sotong-demo-2026", "10.1.1.3", "").ok());

  Filter f;
  f.record_type = "account";
  f.record_id = issued->account_id;
  f.kind = "change";
  std::vector<std::string> actions;
  for (const auto& e : find(f)) actions.push_back(e.action);
  EXPECT_EQ(actions, (std::vector<std::string>{"unlock", "reset_password", "update", "create"}));
  const auto update = find(f)[2];
  const auto changes = diff(update.before, update.after);
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(changes[0].label, "전자우편");

  Filter sign_ins;
  sign_ins.kind = "access";
  sign_ins.record_type = "account";  // the searches above are access entries too (record type history)
  auto log = find(sign_ins);
  ASSERT_EQ(log.size(), 3u);
  EXPECT_EQ(log[0].action, "login");
  EXPECT_EQ(log[0].subject, "gunsan");
  EXPECT_EQ(log[0].remote_address, "10.1.1.3");
  EXPECT_EQ(log[1].action, "login_failed");
  EXPECT_EQ(log[1].account_id, 0);
  EXPECT_EQ(log[1].login_id, "nobody");
  EXPECT_EQ(log[2].action, "login_failed");
  EXPECT_EQ(log[2].account_id, issued->account_id);

  for (const auto& e : all()) {
    EXPECT_EQ(e.before.find("argon2"), std::string::npos);
    EXPECT_EQ(e.after.find("argon2"), std::string::npos);
    EXPECT_EQ(e.after.find(issued->initial_password), std::string::npos);
  }
  EXPECT_TRUE(verify(*db_).ok());
}

TEST_F(HistoryChain, TheFifthWrongPasswordIsRecordedAsALock) {
  ASSERT_TRUE(organizations::import_csv(*db_, organizations::jeonbuk_csv()).ok());
  accounts::load_demo_accounts(*db_);
  Settings settings;
  for (int i = 0; i < 6; ++i) (void)accounts::sign_in(*db_, settings, "jeonju", "wrong-password-1", "", "");
  Filter f;
  f.login_id = "jeonju";
  std::vector<std::string> actions;
  for (const auto& e : find(f)) actions.push_back(e.action);
  EXPECT_EQ(actions, (std::vector<std::string>{"login_locked", "login_locked", "login_failed", "login_failed",
                                               "login_failed", "login_failed"}));
}

TEST_F(HistoryChain, SearchFiltersByPersonKindActionAndPeriodAndPagesByKeyset) {
  changes(60, 1);
  Actor other = admin_;
  other.login_id = "auditor";
  db_->write([&](store::Connection& c) {
    record_access(c, other, {"account", 5, "최전주 (jeonju)", AccessAction::download});
    return 0;
  });
  Filter f;
  auto first = search_history({*db_, policy_, admin_}, f);
  ASSERT_TRUE(first.ok());
  ASSERT_EQ(first->entries.size(), 50u);
  EXPECT_EQ(first->entries[0].action, "download");
  ASSERT_TRUE(first->next_before);
  f.before_id = first->next_before;
  auto second = search_history({*db_, policy_, admin_}, f);
  ASSERT_EQ(second->entries.size(), 11u);
  EXPECT_FALSE(second->next_before);
  EXPECT_LT(second->entries[0].id, first->entries.back().id);

  Filter by_person;
  by_person.login_id = "auditor";
  EXPECT_EQ(find(by_person).size(), 1u);
  Filter by_subject;
  by_subject.subject = "전주";
  EXPECT_EQ(find(by_subject).size(), 1u);
  by_subject.subject = "100%";
  EXPECT_TRUE(find(by_subject).empty());
  Filter by_action;
  by_action.action = "download";
  by_action.kind = "access";
  EXPECT_EQ(find(by_action).size(), 1u);
  Filter by_period;
  by_period.from = now() - 3600;
  by_period.until = now() + 3600;
  EXPECT_EQ(search_history({*db_, policy_, admin_}, by_period)->entries.size(), 50u);
  by_period.until = now() - 1800;
  EXPECT_TRUE(find(by_period).empty());
}

TEST_F(HistoryChain, ReadingTheLogIsItselfRecordedAsAView) {
  changes(3);
  Filter f;
  f.record_type = "organization";
  auto page = search_history({*db_, policy_, admin_}, f);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->entries.size(), 3u);
  ASSERT_TRUE(get_entry({*db_, policy_, admin_}, page->entries[0].id).ok());
  auto log = all();
  ASSERT_EQ(log.size(), 5u);
  const Entry& list = log[3];
  EXPECT_EQ(list.kind, kAccess);
  EXPECT_EQ(list.action, "view");
  EXPECT_EQ(list.record_type, kHistoryRecord);
  EXPECT_EQ(list.record_id, 0);
  EXPECT_EQ(list.login_id, admin_.login_id);
  EXPECT_EQ(list.subject, "변경·접속 기록 3건");
  EXPECT_EQ(list.after, R"({"filter":"record_type=organization","count":3})");
  const Entry& one = log[4];
  EXPECT_EQ(one.kind, kAccess);
  EXPECT_EQ(one.action, "view");
  EXPECT_EQ(one.record_id, page->entries[0].id);
  EXPECT_EQ(one.subject, "변경·접속 기록 #" + std::to_string(page->entries[0].id));
  // A refused or missing reading records nothing.
  Actor municipal;
  municipal.account_id = 4;
  municipal.roles = {Role::municipal};
  EXPECT_FALSE(search_history({*db_, policy_, municipal}, f).ok());
  EXPECT_FALSE(get_entry({*db_, policy_, admin_}, 999999).ok());
  EXPECT_EQ(all().size(), 5u);
  EXPECT_TRUE(verify(*db_).ok());
}

TEST_F(HistoryChain, OnlyAdminsAndAuditorsReadTheLogAndAnExportIsRecorded) {
  changes(2);
  Actor municipal;
  municipal.account_id = 4;
  municipal.roles = {Role::municipal};
  EXPECT_EQ(search_history({*db_, policy_, municipal}, {}).error().code, ErrorCode::forbidden);
  EXPECT_EQ(export_history({*db_, policy_, municipal}, {}, exports::Format::csv).error().code,
            ErrorCode::forbidden);
  Actor auditor = admin_;
  auditor.login_id = "auditor";
  auditor.roles = {Role::auditor};
  auto table = export_history({*db_, policy_, auditor}, {}, exports::Format::csv);
  ASSERT_TRUE(table.ok());
  ASSERT_EQ(table->rows.size(), 2u);
  EXPECT_EQ(table->columns.front().header, "번호");
  const std::string csv = exports::to_csv(*table);
  EXPECT_EQ(csv.rfind("\xEF\xBB\xBF번호,", 0), 0u);
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 3);  // header and two entries
  Filter downloads;
  downloads.action = "download";
  const auto logged = find(downloads);
  ASSERT_EQ(logged.size(), 1u);
  EXPECT_EQ(logged[0].login_id, "auditor");
  EXPECT_EQ(logged[0].subject, "변경·접속 기록 2건");
}

TEST_F(HistoryChain, ARecordTypeWithAReadActionIsHiddenFromReadersWithoutIt) {
  // A record type only the audit office may read: the administrator, who reads the rest of the log, is told
  // nothing of it — not in a search, a file or one entry — and is not offered it as a filter.
  policy_.add({"test.secret.read", {Role::auditor}, Scope::everywhere, "비공개 기록 열람"});
  register_vocabulary(
      {.record_type = "test_secret", .label = "비공개 기록", .read_action = "test.secret.read"});
  db_->write([&](store::Connection& c) {
    record_change(c, admin_, {"test_secret", 5, "create", "", to_json({{"state", "pending"}})});
    record_change(c, admin_, {"organization", 7, "update", "", to_json({{"sort_order", 1}})});
    return 0;
  });
  Actor auditor = admin_;
  auditor.account_id = 2;
  auditor.login_id = "auditor";
  auditor.roles = {Role::auditor};
  const auto types = [](const std::vector<Entry>& entries) {
    std::vector<std::string> out;
    for (const auto& e : entries)
      if (e.kind == "change") out.push_back(e.record_type);
    return out;
  };

  auto admin_page = search_history({*db_, policy_, admin_}, Filter{});
  ASSERT_TRUE(admin_page.ok());
  EXPECT_EQ(types(admin_page->entries), std::vector<std::string>{"organization"});
  Filter asked;
  asked.record_type = "test_secret";
  asked.record_id = 5;
  EXPECT_TRUE(search_history({*db_, policy_, admin_}, asked)->entries.empty());
  auto file = export_history({*db_, policy_, admin_}, Filter{}, exports::Format::csv);
  ASSERT_TRUE(file.ok());
  for (const auto& row : file->rows)
    for (const auto& cell : row) EXPECT_EQ(cell.find("비공개 기록"), std::string::npos);

  auto auditor_page = search_history({*db_, policy_, auditor}, asked);
  ASSERT_TRUE(auditor_page.ok());
  ASSERT_EQ(types(auditor_page->entries), std::vector<std::string>{"test_secret"});
  const std::int64_t secret_id = auditor_page->entries.front().id;
  EXPECT_TRUE(get_entry({*db_, policy_, auditor}, secret_id).ok());
  auto refused = get_entry({*db_, policy_, admin_}, secret_id);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::not_found);
  EXPECT_EQ(refused.error().message, get_entry({*db_, policy_, admin_}, 999999).error().message);

  EXPECT_FALSE(may_read_record_type(policy_, admin_, "test_secret"));
  EXPECT_TRUE(may_read_record_type(policy_, auditor, "test_secret"));
  EXPECT_TRUE(may_read_record_type(policy_, admin_, "organization"));
  // Other tests register their modules' record types in the same process: only test_secret is looked at.
  const auto hides_secret = [&](const Actor& a) {
    const auto hidden = hidden_record_types(policy_, a);
    return std::find(hidden.begin(), hidden.end(), "test_secret") != hidden.end();
  };
  EXPECT_TRUE(hides_secret(admin_));
  EXPECT_FALSE(hides_secret(auditor));
}

}  // namespace sotong::platform::history
