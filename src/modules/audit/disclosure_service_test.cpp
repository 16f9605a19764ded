// Self-disclosure's services on a real database: an official files for their own organisation and cannot read
// it back; only the audit office lists, reads and decides; the decision tells the filer nothing of its
// content; the history holds the state only, for the audit office only; figures are province-wide counts.
#include "modules/audit/disclosure_service.hpp"

#include <gtest/gtest.h>

#include "modules/audit/audit_module.hpp"
#include "modules/audit/disclosure_manifest.hpp"
#include "modules/audit/disclosure_rules.hpp"
#include "platform/history/history_service.hpp"
#include "platform/notifications/notifications.hpp"
#include "platform/testing/test_database.hpp"

namespace sotong::audit {
namespace {

DisclosureInput filing(const std::string& title) {
  return {title, "정산 서류를 받지 않았습니다.", "2026-03-04", "", "subsidy", "1,200,000", "환수했습니다.",
          ""};
}

TEST(DisclosureService, AnOfficialFilesAndOnlyTheAuditOfficeReadsIt) {
  platform::testing::TestDatabase test{{manifest()}};
  const auto jeonju = test.actor("jeonju");
  const auto auditor = test.actor("auditor");
  auto receipt = file_disclosure(test.service(jeonju), filing("보조금 정산 누락"),
                                 {{"files", "정산서.pdf", "application/pdf", "%PDF-1.4\n%%EOF\n"}});
  ASSERT_TRUE(receipt.ok()) << receipt.error().message;
  EXPECT_EQ(receipt->number, receipt_number(receipt->id, receipt->filed_at));

  auto read = get_disclosure(test.service(auditor), receipt->id);
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read->title, "보조금 정산 누락");
  EXPECT_EQ(read->organization_name, "전주시");
  EXPECT_EQ(read->filed_by_name, "최전주");
  EXPECT_EQ(read->amount, 1'200'000);

  // The filer, the administrator and everyone else: not found, worded as for a filing that does not exist.
  for (const char* login : {"jeonju", "admin", "coordinator", "gunsan", "planning", "expert"}) {
    const auto actor = test.actor(login);
    auto refused = get_disclosure(test.service(actor), receipt->id);
    ASSERT_FALSE(refused.ok()) << login;
    EXPECT_EQ(refused.error().code, ErrorCode::not_found) << login;
    EXPECT_EQ(refused.error().message, get_disclosure(test.service(actor), 999999).error().message);
    auto list = list_disclosures(test.service(actor), {}, 0, 25);
    ASSERT_FALSE(list.ok()) << login;
    EXPECT_EQ(list.error().code, ErrorCode::not_found) << login;
    EXPECT_EQ(decide_disclosure(test.service(actor), receipt->id, {"reduced", "사유"}).error().code,
              ErrorCode::not_found)
        << login;
  }
}

TEST(DisclosureService, OnlyOfficialsFileAndBadInputWritesNothing) {
  platform::testing::TestDatabase test{{manifest()}};
  const auto admin = test.actor("admin");
  EXPECT_EQ(file_disclosure(test.service(admin), filing("관리자 신고"), {}).error().code,
            ErrorCode::forbidden);
  const auto gunsan = test.actor("gunsan");
  auto bad = file_disclosure(test.service(gunsan), {}, {});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::invalid_input);
  // A refused document rolls the whole filing back.
  auto refused_file = file_disclosure(test.service(gunsan), filing("파일이 잘못된 신고"),
                                      {{"files", "virus.exe", "application/octet-stream", "MZ...."}});
  ASSERT_FALSE(refused_file.ok());
  ASSERT_FALSE(refused_file.error().fields.empty());
  EXPECT_EQ(refused_file.error().fields.front().field, "files");
  const auto auditor = test.actor("auditor");
  EXPECT_TRUE(list_disclosures(test.service(auditor), {}, 0, 25)->items.empty());
}

TEST(DisclosureService, TheDecisionIsRecordedOnceAndTheFilerIsToldOnlyThatItWasMade) {
  platform::testing::TestDatabase test{{manifest()}};
  const auto gunsan = test.actor("gunsan");
  const auto auditor = test.actor("auditor");
  auto receipt = file_disclosure(test.service(gunsan), filing("수의계약 견적 누락"), {});
  ASSERT_TRUE(receipt.ok());

  auto invalid = decide_disclosure(test.service(auditor), receipt->id, {"", ""});
  ASSERT_FALSE(invalid.ok());
  EXPECT_EQ(invalid.error().fields.size(), 2u);
  EXPECT_EQ(get_disclosure(test.service(auditor), receipt->id)->state(), DisclosureState::pending);

  auto decided =
      decide_disclosure(test.service(auditor), receipt->id, {"exempted", "손실이 없어 면제합니다."});
  ASSERT_TRUE(decided.ok());
  EXPECT_EQ(decided->decision, DisclosureDecision::exempted);
  EXPECT_EQ(decided->decided_by_name, "강감사");
  EXPECT_EQ(decide_disclosure(test.service(auditor), receipt->id, {"reduced", "다시"}).error().code,
            ErrorCode::conflict);

  const auto inbox = test.db().read(
      [&](store::Connection& c) { return platform::notifications::inbox(c, gunsan.account_id); });
  ASSERT_EQ(inbox.size(), 1u);
  EXPECT_NE(inbox[0].body.find("감사관실이 결과를 따로 알려 드립니다"), std::string::npos);
  for (const char* secret : {"면제", "손실", "수의계약", "견적"}) {
    EXPECT_EQ(inbox[0].title.find(secret), std::string::npos) << secret;
    EXPECT_EQ(inbox[0].body.find(secret), std::string::npos) << secret;
  }

  // The history keeps the state alone, and shows it to the audit office only.
  platform::history::Filter f;
  f.record_type = kDisclosureRecord;
  auto seen = platform::history::search_history(test.service(auditor), f);
  ASSERT_TRUE(seen.ok());
  ASSERT_EQ(seen->entries.size(), 2u);
  for (const auto& e : seen->entries) {
    for (const char* secret : {"수의계약", "견적", "면제", "exempted", "손실", "군산", "1200000"}) {
      EXPECT_EQ(e.before.find(secret), std::string::npos) << secret;
      EXPECT_EQ(e.after.find(secret), std::string::npos) << secret;
    }
  }
  EXPECT_EQ(seen->entries[0].after, R"({"state":"decided"})");
  const auto admin = test.actor("admin");
  EXPECT_TRUE(platform::history::search_history(test.service(admin), f)->entries.empty());
  EXPECT_EQ(platform::history::get_entry(test.service(admin), seen->entries[0].id).error().code,
            ErrorCode::not_found);
}

TEST(DisclosureService, FiguresAreProvinceWideCountsForEveryone) {
  platform::testing::TestDatabase test{{manifest()}};
  const auto auditor = test.actor("auditor");
  const auto policy_reader = test.actor("committee");
  for (const char* login : {"jeonju", "gunsan", "planning"})
    ASSERT_TRUE(
        file_disclosure(test.service(test.actor(login)), filing(std::string("신고 ") + login), {}).ok());
  auto page = list_disclosures(test.service(auditor), {}, 0, 25);
  ASSERT_EQ(page->items.size(), 3u);
  ASSERT_TRUE(decide_disclosure(test.service(auditor), page->items[0].id, {"reduced", "감경 사유"}).ok());

  auto figures = disclosure_figures(test.service(policy_reader));
  ASSERT_TRUE(figures.ok());
  ASSERT_EQ(figures->size(), 1u);
  EXPECT_EQ(figures->front().pending, 2);
  EXPECT_EQ(figures->front().reduced, 1);
  EXPECT_EQ(figures->front().total(), 3);

  DisclosureFilter pending;
  pending.state = DisclosureState::pending;
  EXPECT_EQ(list_disclosures(test.service(auditor), pending, 0, 25)->items.size(), 2u);
  DisclosureFilter reduced;
  reduced.decision = DisclosureDecision::reduced;
  EXPECT_EQ(list_disclosures(test.service(auditor), reduced, 0, 25)->items.size(), 1u);
  // Keyset pages: two, then one.
  auto first = list_disclosures(test.service(auditor), {}, 0, 2);
  ASSERT_EQ(first->items.size(), 2u);
  ASSERT_NE(first->next_before, 0);
  EXPECT_EQ(list_disclosures(test.service(auditor), {}, first->next_before, 2)->items.size(), 1u);
}

TEST(DisclosureService, DemoDataLoadsOnceWithDecidedAndPendingFilings) {
  platform::testing::TestDatabase test{{manifest()}};
  load_demo_disclosures(test.db(), test.policy());
  load_demo_disclosures(test.db(), test.policy());
  const auto auditor = test.actor("auditor");
  auto all = list_disclosures(test.service(auditor), {}, 0, 100);
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->items.size(), 6u);
  int pending = 0;
  for (const auto& d : all->items) pending += d.state() == DisclosureState::pending ? 1 : 0;
  EXPECT_EQ(pending, 2);
}

}  // namespace
}  // namespace sotong::audit
