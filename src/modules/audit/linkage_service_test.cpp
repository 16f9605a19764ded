// Data linkage's use cases on a real database, called as the routes call them: the demo registers imported
// through the module's import path, each shipped scenario finding exactly the cases planted in them (the
// seed's two refunds to dead people, 16억 원 between them, among them), resident numbers nowhere in what is
// stored, a bad file changing nothing, an upload readable only from the session that sent it, scenario
// versions, the access log, disposal when the retention day passes, and every use case refused outside the
// audit office.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "modules/audit/audit_module.hpp"
#include "modules/audit/dataset_service.hpp"
#include "modules/audit/dataset_store.hpp"
#include "modules/audit/field_audit_service.hpp"
#include "modules/audit/finding_service.hpp"
#include "modules/audit/linkage_demo.hpp"
#include "modules/audit/linkage_handoff.hpp"
#include "modules/audit/linkage_run_service.hpp"
#include "modules/audit/linkage_run_store.hpp"
#include "platform/testing/test_database.hpp"

namespace sotong::audit {
namespace {

constexpr LinkageKey kKey = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};

class LinkageService : public ::testing::Test {
 protected:
  platform::testing::TestDatabase test{{manifest()}};
  Actor auditor = test.actor("auditor");

  std::string next_year_end() const { return std::to_string(seoul_today().year + 1) + "-12-31"; }

  DataSetInput input_for(const DemoFile& f) const {
    DataSetInput input{f.title, f.purpose, f.legal_basis, next_year_end(), {}};
    for (const auto& c : find_dataset_kind(f.kind)->columns)
      input.mapping.emplace_back(c.name, c.sample_header);
    return input;
  }

  /// Every demo file imported; their ids by kind.
  std::map<std::string, std::int64_t> import_demo() {
    std::map<std::string, std::int64_t> ids;
    for (const auto& f : demo_linkage_files()) {
      auto id = import_file(test.service(auditor), f.kind, f.file_name, f.csv, input_for(f), kKey);
      EXPECT_TRUE(id) << f.kind << ": " << id.error().message;
      if (id) ids[f.kind] = *id;
    }
    return ids;
  }

  std::int64_t scenario_id(const std::string& code) {
    auto list = list_scenarios(test.service(auditor));
    EXPECT_TRUE(list);
    for (const auto& s : *list)
      if (s.code == code) return s.id;
    ADD_FAILURE() << "no scenario " << code;
    return 0;
  }

  std::vector<std::string> flagged_labels(std::int64_t run_id) {
    auto run = get_run(test.service(auditor), run_id, 0, 0);
    EXPECT_TRUE(run);
    std::vector<std::string> out;
    for (const auto& f : run->flags) out.push_back(f.label);
    std::sort(out.begin(), out.end());
    return out;
  }
};

}  // namespace

TEST_F(LinkageService, EachShippedScenarioFindsExactlyTheCasesPlantedInTheDemoRegisters) {
  auto ids = import_demo();
  const std::map<std::string, std::pair<std::string, std::string>> inputs = {
      {"refund_after_death", {"refunds", "deaths"}},
      {"duplicate_payment", {"payments", ""}},
      {"contract_splitting", {"contracts", ""}},
      {"welfare_elsewhere", {"welfare", "residents"}}};
  for (const auto& planted : demo_planted_cases()) {
    const auto& [primary, secondary] = inputs.at(planted.scenario);
    std::optional<std::int64_t> second;
    if (!secondary.empty()) second = ids[secondary];
    auto run = run_scenario(test.service(auditor), scenario_id(planted.scenario), ids[primary], second);
    ASSERT_TRUE(run) << planted.scenario << ": " << run.error().message;
    auto expected = planted.labels;
    std::sort(expected.begin(), expected.end());
    EXPECT_EQ(flagged_labels(*run), expected) << planted.scenario;
  }
}

TEST_F(LinkageService, TheSeedsCaseIsTwoRefundsOf16EokInTwoMunicipalities) {
  auto ids = import_demo();
  auto run_id =
      run_scenario(test.service(auditor), scenario_id("refund_after_death"), ids["refunds"], ids["deaths"]);
  ASSERT_TRUE(run_id) << run_id.error().message;
  auto run = get_run(test.service(auditor), *run_id, 0, 0);
  ASSERT_TRUE(run);
  EXPECT_EQ(run->run.flagged, 2);
  EXPECT_EQ(run->run.total_amount, 1'600'000'000);
  ASSERT_EQ(run->totals.size(), 2U);
  EXPECT_EQ(run->totals[0].region, "52110");
  EXPECT_EQ(run->totals[0].total_amount, 920'000'000);
  EXPECT_EQ(run->totals[1].region, "52140");
  EXPECT_EQ(run->flags.front().label, "R-2025-00077");  // the larger first
  // The evidence names the person by the hash's short label and shows the death row.
  EXPECT_NE(run->flags.front().evidence.find("개인 #"), std::string::npos);
  EXPECT_NE(run->flags.front().evidence.find("사망일자"), std::string::npos);
}

TEST_F(LinkageService, ResidentNumbersAreNowhereInWhatIsStored) {
  import_demo();
  const auto refunds = demo_linkage_files().front();
  // The first data row's resident number, as written in the file.
  const auto line = refunds.csv.substr(refunds.csv.find('\n') + 1);
  const auto number = line.substr(line.find(',') + 1, 14);
  ASSERT_EQ(number.size(), 14U);
  ASSERT_EQ(number[6], '-');
  const std::string digits = number.substr(0, 6) + number.substr(7);
  test.db().read([&](store::Connection& c) {
    for (const auto& d : dataset_store::list_datasets(c)) {
      const auto bytes = dataset_store::read_bytes(c, d.id);
      EXPECT_EQ(bytes.find(number), std::string::npos) << d.kind;
      EXPECT_EQ(bytes.find(digits), std::string::npos) << d.kind;
      EXPECT_EQ(d.columns.find(number), std::string::npos);
    }
    return true;
  });
}

TEST_F(LinkageService, AFileWithABadResidentNumberIsRefusedWholeNamingTheRowButNotTheNumber) {
  std::string csv =
      "환급번호,주민등록번호,시군구코드,지급일자,환급액\n"
      "R-1,900101-1234567,52110,2025-01-02,1000\n"
      "R-2,901301-1234567,52110,2025-01-02,1000\n";
  DataSetInput input{"잘못된 자료", "확인", "근거", next_year_end(), {}};
  for (const auto& c : find_dataset_kind("refunds")->columns)
    input.mapping.emplace_back(c.name, c.sample_header);
  auto refused = import_file(test.service(auditor), "refunds", "bad.csv", csv, input, kKey);
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().message.find("3행"), std::string::npos) << refused.error().message;
  EXPECT_EQ(refused.error().message.find("901301"), std::string::npos) << refused.error().message;
  test.db().read([](store::Connection& c) {
    EXPECT_TRUE(dataset_store::list_datasets(c).empty());
    return true;
  });
}

TEST_F(LinkageService, AnUploadIsReadOnlyFromTheSessionThatSentItAndGoneAfterItsImport) {
  const auto f = demo_linkage_files()[1];  // deaths
  auto upload = stage_upload(test.service(auditor), "session-a", f.kind, f.file_name, f.csv);
  ASSERT_TRUE(upload) << upload.error().message;
  test.db().read([&](store::Connection& c) {
    const auto stored = dataset_store::find_upload(c, *upload);
    EXPECT_EQ(stored->sealed.find(f.csv.substr(f.csv.find('\n') + 1, 14)), std::string::npos)
        << "sealed, not clear";
    return true;
  });
  EXPECT_FALSE(preview_upload(test.service(auditor), "session-b", *upload));
  auto preview = preview_upload(test.service(auditor), "session-a", *upload);
  ASSERT_TRUE(preview) << preview.error().message;
  EXPECT_EQ(preview->headers, (std::vector<std::string>{"주민등록번호", "사망일자"}));
  EXPECT_NE(preview->rows.front().front().find("******"), std::string::npos) << "masked in the preview";
  auto id = import_upload(test.service(auditor), "session-a", *upload, input_for(f), kKey);
  ASSERT_TRUE(id) << id.error().message;
  EXPECT_FALSE(preview_upload(test.service(auditor), "session-a", *upload)) << "deleted on import";
}

TEST_F(LinkageService, EverySaveIsANewVersionAndABadRuleChangesNothing) {
  const auto first = scenario_id("contract_splitting");
  ScenarioInput input{
      "수의계약 쪼개기", "", "30", "30,000,000", "2", "", "시행령 개정에 따라 기준 금액 상향"};
  auto second = save_scenario(test.service(auditor), first, input);
  ASSERT_TRUE(second) << second.error().message;
  auto detail = get_scenario(test.service(auditor), *second);
  ASSERT_TRUE(detail);
  EXPECT_EQ(detail->version.version, 2);
  EXPECT_EQ(detail->rule.threshold, 30'000'000);
  EXPECT_EQ(detail->versions.size(), 2U);
  auto old = get_scenario(test.service(auditor), first);
  EXPECT_EQ(old->rule.threshold, 20'000'000) << "the earlier version stays as it was";

  ScenarioInput bad = input;
  bad.rule_json = R"({"version":1,"code":"contract_splitting","kind":"split","primary_role":"contracts"})";
  bad.note = "";
  auto refused = save_scenario(test.service(auditor), *second, bad);
  ASSERT_FALSE(refused);
  EXPECT_EQ(test.db().read([](store::Connection& c) {
    return linkage_run_store::last_version(c, "contract_splitting");
  }),
            2);
}

TEST_F(LinkageService, RunsAndEvidenceAreWrittenInTheDataSetsAccessLog) {
  auto ids = import_demo();
  auto run_id =
      run_scenario(test.service(auditor), scenario_id("refund_after_death"), ids["refunds"], ids["deaths"]);
  ASSERT_TRUE(run_id);
  auto run = get_run(test.service(auditor), *run_id, 0, 0);
  ASSERT_TRUE(get_flag(test.service(auditor), run->flags.front().id));
  auto log = dataset_access_log(test.service(auditor), ids["deaths"]);
  ASSERT_TRUE(log);
  std::set<std::string> actions;
  for (const auto& a : *log) actions.insert(a.action);
  EXPECT_EQ(actions, (std::set<std::string>{"import", "run", "evidence"}));
}

TEST_F(LinkageService, ADataSetPastItsRetentionDayIsDisposedOfAndCannotBeRunAgain) {
  auto ids = import_demo();
  test.db().write([&](store::Connection& c) {
    c.execute("UPDATE audit_datasets SET retention_until = '2020-01-01' WHERE id = ?", {ids["deaths"]});
    return true;
  });
  EXPECT_EQ(dispose_expired_datasets(test.db()), 1);
  auto record = get_dataset(test.service(auditor), ids["deaths"]);
  ASSERT_TRUE(record);
  EXPECT_TRUE(record->disposed_at.has_value());
  EXPECT_TRUE(test.db()
                  .read([&](store::Connection& c) { return dataset_store::read_bytes(c, ids["deaths"]); })
                  .empty());
  auto run =
      run_scenario(test.service(auditor), scenario_id("refund_after_death"), ids["refunds"], ids["deaths"]);
  EXPECT_FALSE(run);
  EXPECT_EQ(dispose_expired_datasets(test.db()), 0) << "once";
}

TEST_F(LinkageService, NoOneOutsideTheAuditOfficeReachesAnyUseCase) {
  auto ids = import_demo();
  for (const char* login : {"admin", "coordinator", "jeonju", "planning", "expert"}) {
    const Actor other = test.actor(login);
    const auto svc = test.service(other);
    EXPECT_FALSE(list_datasets(svc)) << login;
    EXPECT_FALSE(get_dataset(svc, ids["refunds"])) << login;
    EXPECT_FALSE(list_scenarios(svc)) << login;
    EXPECT_FALSE(stage_upload(svc, "s", "deaths", "d.csv", "주민등록번호,사망일자\n")) << login;
    EXPECT_FALSE(run_scenario(svc, scenario_id("refund_after_death"), ids["refunds"], ids["deaths"]))
        << login;
    EXPECT_FALSE(dispose_dataset(svc, ids["refunds"])) << login;
  }
}

TEST_F(LinkageService, AHandedOffRowBecomesOneFindingMarkedInTheSameWrite) {
  auto ids = import_demo();
  auto run_id =
      run_scenario(test.service(auditor), scenario_id("refund_after_death"), ids["refunds"], ids["deaths"]);
  ASSERT_TRUE(run_id) << run_id.error().message;
  auto run = get_run(test.service(auditor), *run_id, 0, 0);
  ASSERT_TRUE(run);
  const auto& flag = run->flags.front();  // R-2025-00077, 전주시
  AuditPlanInput plan{std::to_string(test.organization("52110")),
                      "전주시 지방세 감사",
                      "general",
                      "환급 점검",
                      "지방세",
                      "field",
                      "",
                      "2026-03-02",
                      "2026-03-06",
                      "감사팀",
                      "",
                      false};
  auto audit = plan_field_audit(test.service(auditor), plan);
  ASSERT_TRUE(audit) << audit.error().message;
  const Actor jeonju = test.actor("jeonju");
  auto findings = [&] {
    return test.db().read(
        [&](store::Connection& c) { return count_findings(c, test.policy(), jeonju, FindingView::all); });
  };
  const HandOffInput input{std::to_string(*audit), "사망자 환급금을 환수하십시오.", "correction",
                           "2026-06-30"};

  // An audit still in consultation takes no finding: the error sits beside the audit field and nothing
  // of the hand-off is kept.
  auto refused = hand_off_flag(test.service(auditor), flag.id, input);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::invalid_input);
  ASSERT_EQ(refused.error().fields.size(), 1U);
  EXPECT_EQ(refused.error().fields[0].field, "field_audit_id");
  EXPECT_FALSE(get_flag(test.service(auditor), flag.id)->flag.finding_id);

  ASSERT_TRUE(agree_field_audit(test.service(jeonju), *audit));
  auto finding = hand_off_flag(test.service(auditor), flag.id, input);
  ASSERT_TRUE(finding) << finding.error().message;
  EXPECT_EQ(get_flag(test.service(auditor), flag.id)->flag.finding_id, *finding);
  EXPECT_EQ(findings(), 1);
  auto detail = get_finding(test.service(jeonju), *finding);
  ASSERT_TRUE(detail);
  EXPECT_EQ(detail->finding.amount, 920'000'000);

  // Again, as a double click would: refused, and still one finding. The write's own guard answers a
  // hand-off that passed the first check while another was committing.
  EXPECT_EQ(hand_off_flag(test.service(auditor), flag.id, input).error().code, ErrorCode::conflict);
  EXPECT_EQ(findings(), 1);
  EXPECT_FALSE(test.db().write(
      [&](store::Connection& c) { return linkage_run_store::set_flag_finding(c, flag.id, *finding + 1); }));
  EXPECT_EQ(get_flag(test.service(auditor), flag.id)->flag.finding_id, *finding);
}

}  // namespace sotong::audit
