#include "modules/audit/linkage/scenario_run.hpp"

#include <gtest/gtest.h>

#include <array>
#include <map>
#include <random>

#include "modules/audit/linkage/csv_import.hpp"
#include "modules/audit/linkage/linkage_test_support.hpp"
#include "modules/audit/linkage/shipped_scenarios.hpp"

namespace sotong::audit::linkage {
namespace {

constexpr std::string_view kA = "900101-1234567";
constexpr std::string_view kB = "850315-2000001";
constexpr std::string_view kC = "010203-3000001";
constexpr std::string_view kD = "770707-1000001";

// The role's data set from CSV text whose header is the columns' names.
DataSet data(const RoleSchema& role, std::string body) {
  std::string csv;
  std::vector<ColumnMapping> mapping;
  for (const auto& c : role.columns) {
    csv += (csv.empty() ? "" : ",") + c.name;
    mapping.push_back({c.name, c.name, c.kind});
  }
  const auto outcome = import_csv(csv + "\n" + body, mapping, PersonHasher(kTestKey));
  if (!outcome.ok()) throw std::logic_error(outcome.error().message);
  return outcome->data;
}

std::string subst(std::string text) {
  const std::pair<std::string_view, std::string_view> people[] = {
      {"@A", kA}, {"@B", kB}, {"@C", kC}, {"@D", kD}};
  for (const auto& [from, to] : people) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from)) text.replace(at, 2, to);
  }
  return text;
}

std::vector<std::uint32_t> rows_of(const RunResult& r) {
  std::vector<std::uint32_t> rows;
  for (const auto& f : r.flags) rows.push_back(f.row);
  return rows;
}

using Rows = std::vector<std::uint32_t>;

class LinkageRefundAfterDeath : public ::testing::Test {
 protected:
  const ShippedScenario& s = shipped_scenario("refund_after_death");
  DataSet refunds = data(s.roles[0], subst("R1,@A,52110,2024-03-10,1000\n"     // paid after A's death
                                           "R2,@A,52110,2024-03-01,2000\n"     // paid on the day of death
                                           "R3,@B,52130,2024-05-01,3000\n"     // B is not dead
                                           "R4,@C,52130,2024-06-01,4000\n"     // C is in the register twice
                                           "R5,@A,52110,,5000\n"               // no payment date
                                           "R6,,52110,2024-03-10,6000\n"       // no person
                                           "R7,@D,52140,2024-03-10,7000\n"     // D's death has no date
                                           "R8,@A,52130,2025-01-01,1000\n"));  // ties with R1
  DataSet deaths = data(s.roles[1], subst("@A,2024-03-01\n@C,2024-01-01\n@C,2024-02-01\n@D,\n"));
};

TEST_F(LinkageRefundAfterDeath, FlagsRefundsPaidAfterDeath) {
  const RunResult r = run(s.scenario, refunds, &deaths);
  EXPECT_EQ(rows_of(r), (Rows{0, 3, 7}));
  EXPECT_EQ(r.flags[0].secondary_evidence, (Rows{0}));
  EXPECT_EQ(r.flags[1].secondary_evidence, (Rows{1, 2}));  // both deaths of C are before the payment
  EXPECT_EQ(r.flags[1].amount, 4000);
  EXPECT_EQ(r.total_amount, 6000);
  ASSERT_EQ(r.totals.size(), 2U);
  EXPECT_EQ(r.totals[0].code, "52110");
  EXPECT_EQ(r.totals[0].count, 1U);
  EXPECT_EQ(r.totals[0].total, 1000);
  EXPECT_EQ(r.totals[1].code, "52130");
  EXPECT_EQ(r.totals[1].count, 2U);
  EXPECT_EQ(r.totals[1].total, 5000);
  const auto top = top_by_amount(r, refunds, 10);
  ASSERT_EQ(top.size(), 3U);
  EXPECT_EQ(refunds.find("refund_id")->text(r.flags[top[0]].row), "R4");
  EXPECT_EQ(refunds.find("refund_id")->text(r.flags[top[1]].row), "R1");
  EXPECT_EQ(refunds.find("refund_id")->text(r.flags[top[2]].row), "R8");
  EXPECT_EQ(top_by_amount(r, refunds, 1).size(), 1U);
}

TEST_F(LinkageRefundAfterDeath, OnlyTheDeathsThatMeetTheCondition) {
  const DataSet later = data(s.roles[1], subst("@C,2024-01-01\n@C,2024-07-01\n"));
  const RunResult r = run(s.scenario, refunds, &later);
  EXPECT_EQ(rows_of(r), (Rows{3}));
  EXPECT_EQ(r.flags[0].secondary_evidence, (Rows{0}));
}

TEST_F(LinkageRefundAfterDeath, Filters) {
  Scenario only = s.scenario;
  only.filters = {{"sigungu", Compare::eq, "52130"}};
  EXPECT_EQ(rows_of(run(only, refunds, &deaths)), (Rows{3, 7}));
  only.filters = {{"sigungu", Compare::ne, "52130"}, {"amount", Compare::lt, "1,001"}};
  EXPECT_EQ(rows_of(run(only, refunds, &deaths)), (Rows{0}));
  only.filters = {{"sigungu", Compare::eq, "99999"}};
  EXPECT_TRUE(run(only, refunds, &deaths).flags.empty());
  only.filters = {{"paid_date", Compare::ge, "2024-06-01"}};
  EXPECT_EQ(rows_of(run(only, refunds, &deaths)), (Rows{3, 7}));
}

TEST(LinkageMatch, WelfarePaidToResidentsElsewhere) {
  const auto& s = shipped_scenario("welfare_elsewhere");
  const DataSet welfare = data(s.roles[0], subst("W1,@A,52110,2024-01-10,300000\n"     // lives in 52110
                                                 "W2,@B,52110,2024-01-10,300000\n"     // lives in 52130
                                                 "W3,@C,52110,2024-01-10,300000\n"     // two addresses
                                                 "W4,@D,52110,2024-01-10,300000\n"));  // not registered
  const DataSet residents = data(s.roles[1], subst("@B,52130\n@A,52110\n@C,52110\n@C,52800\n"));
  const RunResult r = run(s.scenario, welfare, &residents);
  EXPECT_EQ(rows_of(r), (Rows{1, 2}));
  EXPECT_EQ(r.flags[0].secondary_evidence, (Rows{0}));
  EXPECT_EQ(r.flags[1].secondary_evidence, (Rows{3}));
  ASSERT_EQ(r.totals.size(), 1U);
  EXPECT_EQ(r.totals[0].count, 2U);
  EXPECT_EQ(r.total_amount, 600000);
}

TEST(LinkageMatch, KeysOfCodesAndTexts) {
  const RoleSchema contracts{"contracts",
                             "",
                             {{"contract_id", ColumnKind::text, "", ""},
                              {"sigungu", ColumnKind::code, "", ""},
                              {"vendor", ColumnKind::text, "", ""},
                              {"contract_date", ColumnKind::date, "", ""}}};
  const RoleSchema barred{"barred",
                          "",
                          {{"sigungu", ColumnKind::code, "", ""},
                           {"vendor", ColumnKind::text, "", ""},
                           {"from", ColumnKind::date, "", ""}}};
  const DataSet p = data(contracts,
                         "K1,52110,111-22-33333,2024-05-01\n"
                         "K2,52130,111-22-33333,2024-05-01\n"
                         "K3,52110,444-55-66666,2024-05-01\n"
                         "K4,52110,111-22-33333,2024-01-01\n");
  const DataSet q = data(barred, "52130,999-99-99999,2024-01-01\n52110,111-22-33333,2024-03-01\n");
  Scenario s;
  s.code = "barred_vendor";
  s.title = "제재 업체 계약";
  s.kind = ScenarioKind::match;
  s.primary_role = "contracts";
  s.secondary_role = "barred";
  s.join_keys = {{"sigungu", "sigungu"}, {"vendor", "vendor"}};
  s.conditions = {{"contract_date", Compare::ge, "from"}};
  s.id_column = "contract_id";
  const Schema qs = q.schema();
  ASSERT_TRUE(validate(s, p.schema(), &qs).ok());
  const RunResult r = run(s, p, &q);
  EXPECT_EQ(rows_of(r), (Rows{0}));
  EXPECT_EQ(r.flags[0].secondary_evidence, (Rows{1}));
  EXPECT_EQ(r.flags[0].amount, 0);
}

TEST(LinkageMatch, TwoThreadsGiveTheSameFlags) {
  std::mt19937 rng(7);
  const std::uint32_t n = 200'000;
  const std::uint32_t m = 20'000;
  std::vector<std::uint64_t> people(n);
  std::vector<std::int32_t> paid(n);
  std::vector<std::int64_t> amounts(n);
  std::vector<std::uint32_t> regions(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    people[i] = 1 + rng() % 60'000;  // some people have no death, some several refunds
    paid[i] = static_cast<std::int32_t>(rng() % 1000);
    amounts[i] = rng() % 5000;
    regions[i] = rng() % 3;
  }
  std::vector<std::uint64_t> dead(m);
  std::vector<std::int32_t> died(m);
  for (std::uint32_t i = 0; i < m; ++i) {
    dead[i] = 1 + rng() % 30'000;  // some people die twice in the register
    died[i] = static_cast<std::int32_t>(rng() % 1000);
  }
  std::vector<Column> pc;
  pc.push_back(Column::make_persons("person", people));
  pc.push_back(Column::make_dates("paid_date", paid));
  pc.push_back(Column::make_amounts("amount", amounts));
  pc.push_back(Column::make_codes("sigungu", regions, {"52110", "52130", "52140"}));
  const DataSet primary(n, std::move(pc));
  std::vector<Column> sc;
  sc.push_back(Column::make_persons("person", dead));
  sc.push_back(Column::make_dates("death_date", died));
  const DataSet secondary(m, std::move(sc));
  Scenario s = shipped_scenario("refund_after_death").scenario;
  s.id_column = "";
  const RunResult one = run(s, primary, &secondary, RunOptions{1});
  const RunResult two = run(s, primary, &secondary, RunOptions{2});
  ASSERT_GT(one.flags.size(), 1000U);
  ASSERT_EQ(one.flags.size(), two.flags.size());
  for (std::size_t i = 0; i < one.flags.size(); ++i) {
    ASSERT_EQ(one.flags[i].row, two.flags[i].row);
    ASSERT_EQ(one.flags[i].secondary_evidence, two.flags[i].secondary_evidence);
  }
  EXPECT_EQ(one.total_amount, two.total_amount);
  // The same answer as the plainest way: each person's earliest death.
  std::map<std::uint64_t, std::int32_t> earliest;
  for (std::uint32_t k = 0; k < m; ++k) {
    const auto [at, added] = earliest.emplace(dead[k], died[k]);
    if (!added) at->second = std::min(at->second, died[k]);
  }
  std::uint64_t expected = 0;
  for (std::uint32_t i = 0; i < n; ++i) {
    const auto at = earliest.find(people[i]);
    if (at != earliest.end() && paid[i] > at->second) ++expected;
  }
  EXPECT_EQ(one.flags.size(), expected);
}

class LinkageDuplicate : public ::testing::Test {
 protected:
  const ShippedScenario& s = shipped_scenario("duplicate_payment");
  DataSet payments = data(s.roles[0], subst("P1,@A,52110,생계,2024-01-01,100000\n"
                                            "P2,@A,52110,생계,2024-01-20,100000\n"
                                            "P3,@A,52110,생계,2024-02-01,100000\n"  // 31 days after P1
                                            "P4,@A,52110,생계,2024-02-02,100000\n"  // 32 days after P1
                                            "P5,@A,52110,주거,2024-01-01,100000\n"
                                            "P6,@B,52110,생계,2024-01-01,100000\n"
                                            "P7,@A,52110,생계,2024-01-05,90000\n"
                                            "Q1,@C,52130,생계,2024-05-10,50000\n"
                                            "Q2,@C,52130,생계,2024-05-01,50000\n"
                                            "Q3,@C,52130,생계,,50000\n"));
};

TEST_F(LinkageDuplicate, WithinTheWindowOfTheFirst) {
  const RunResult r = run(s.scenario, payments, nullptr);
  EXPECT_EQ(rows_of(r), (Rows{1, 2, 7}));
  EXPECT_EQ(r.flags[0].primary_evidence, (Rows{0, 2}));
  EXPECT_EQ(r.flags[1].primary_evidence, (Rows{0, 1}));
  EXPECT_EQ(r.flags[0].group, 1U);
  EXPECT_EQ(r.flags[1].group, 1U);
  EXPECT_EQ(r.flags[2].primary_evidence, (Rows{8}));  // Q2 is earlier, though later in the file
  EXPECT_EQ(r.flags[2].group, 2U);
  EXPECT_EQ(r.total_amount, 250000);
}

TEST_F(LinkageDuplicate, WithoutAWindow) {
  Scenario any = s.scenario;
  any.window_days = 0;
  const RunResult r = run(any, payments, nullptr);
  EXPECT_EQ(rows_of(r), (Rows{1, 2, 3, 7, 9}));  // an undated payment comes last in its group
  EXPECT_EQ(r.flags[2].primary_evidence, (Rows{0, 1, 2}));
  any.min_count = 4;
  EXPECT_EQ(rows_of(run(any, payments, nullptr)), (Rows{1, 2, 3}));
}

class LinkageSplit : public ::testing::Test {
 protected:
  const ShippedScenario& s = shipped_scenario("contract_splitting");
  DataSet contracts = data(s.roles[0],
                           "C1,52110,V1,2024-01-01,10000000\n"
                           "C2,52110,V1,2024-01-31,\"10,000,000\"\n"  // 30 days on, the sum exactly the limit
                           "C3,52110,V2,2024-01-01,10000000\n"
                           "C4,52110,V2,2024-02-01,10000000\n"  // 31 days on: outside the window
                           "C5,52110,V3,2024-01-01,9999999\n"
                           "C6,52110,V3,2024-01-02,10000000\n"  // one won short of the limit
                           "C7,52130,V1,2024-01-05,15000000\n"  // a single contract
                           "C8,52110,V4,2024-03-01,25000000\n"  // above the limit: not a split
                           "C9,52110,V4,2024-03-02,20000000\n"  // at the limit: not below it
                           "C10,52110,V4,2024-03-03,5000000\n"
                           "C11,52110,V5,2024-05-01,12000000\n"
                           "C12,52110,V5,2024-05-21,12000000\n"
                           "C13,52110,V5,2024-06-10,12000000\n");  // overlaps the stretch from C11
};

TEST_F(LinkageSplit, Edges) {
  const RunResult r = run(s.scenario, contracts, nullptr);
  EXPECT_EQ(rows_of(r), (Rows{0, 1, 10, 11, 12}));
  EXPECT_EQ(r.flags[0].primary_evidence, (Rows{1}));
  EXPECT_EQ(r.flags[0].group, 1U);
  EXPECT_EQ(r.flags[1].group, 1U);
  EXPECT_EQ(r.flags[2].primary_evidence, (Rows{11, 12}));
  EXPECT_EQ(r.flags[4].group, 2U);
  EXPECT_EQ(r.total_amount, 56'000'000);
}

TEST_F(LinkageSplit, ThresholdMinCountAndWindow) {
  Scenario t = s.scenario;
  t.threshold = 20'000'001;  // C1+C2 fall short; C9 is now below the limit and with C10 reaches it
  EXPECT_EQ(rows_of(run(t, contracts, nullptr)), (Rows{8, 9, 10, 11, 12}));
  t = s.scenario;
  t.min_count = 3;
  EXPECT_EQ(rows_of(run(t, contracts, nullptr)), (Rows{}));  // C11–C13 span 40 days
  t.window_days = 40;
  EXPECT_EQ(rows_of(run(t, contracts, nullptr)), (Rows{10, 11, 12}));
  t = s.scenario;
  t.window_days = 31;
  EXPECT_EQ(rows_of(run(t, contracts, nullptr)), (Rows{0, 1, 2, 3, 10, 11, 12}));
}

}  // namespace
}  // namespace sotong::audit::linkage
