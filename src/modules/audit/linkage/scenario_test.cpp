#include "modules/audit/linkage/scenario.hpp"

#include <gtest/gtest.h>

#include "modules/audit/linkage/linkage_test_support.hpp"
#include "modules/audit/linkage/shipped_scenarios.hpp"
#include "platform/testing/field_errors.hpp"

namespace sotong::audit::linkage {
namespace {

bool same(const Scenario& a, const Scenario& b) {
  return to_json(a) == to_json(b) && a.code == b.code && a.kind == b.kind && a.join_keys == b.join_keys &&
         a.group_by == b.group_by && a.threshold == b.threshold && a.window_days == b.window_days &&
         a.min_count == b.min_count && a.conditions.size() == b.conditions.size() &&
         a.filters.size() == b.filters.size();
}

Result<void> check(const ShippedScenario& s, const Scenario& changed) {
  const Schema primary = s.roles[0].schema();
  const Schema secondary = s.roles.size() > 1 ? s.roles[1].schema() : Schema{};
  return validate(changed, primary, s.roles.size() > 1 ? &secondary : nullptr);
}

TEST(LinkageScenario, ShippedScenariosAreValid) {
  const auto all = shipped_scenarios();
  ASSERT_EQ(all.size(), 4U);
  for (const auto& s : all) {
    const auto r = check(s, s.scenario);
    EXPECT_TRUE(r.ok()) << s.scenario.code << ": " << (r.ok() ? "" : r.error().message);
  }
  EXPECT_EQ(shipped_scenario("contract_splitting").scenario.threshold, 20'000'000);
  EXPECT_EQ(shipped_scenario("refund_after_death").roles[0].sample_mapping()[1].source_header,
            "주민등록번호");
}

TEST(LinkageScenario, JsonRoundTrip) {
  for (const auto& s : shipped_scenarios()) {
    const auto back = scenario_from_json(to_json(s.scenario));
    ASSERT_TRUE(back.ok()) << back.error().message;
    EXPECT_TRUE(same(back.value(), s.scenario)) << to_json(s.scenario);
  }
  Scenario s = shipped_scenario("duplicate_payment").scenario;
  s.filters = {{"item", Compare::ne, "긴급복지"}, {"amount", Compare::ge, "10,000"}};
  const auto back = scenario_from_json(to_json(s));
  ASSERT_TRUE(back.ok());
  ASSERT_EQ(back->filters.size(), 2U);
  EXPECT_EQ(back->filters[0].value, "긴급복지");
  EXPECT_EQ(back->filters[1].op, Compare::ge);
  EXPECT_EQ(back->title, "중복 지급");
}

TEST(LinkageScenario, BadJsonRefused) {
  EXPECT_FALSE(scenario_from_json("{").ok());
  EXPECT_FALSE(scenario_from_json("[]").ok());
  EXPECT_FALSE(scenario_from_json(R"({"version":2,"kind":"match"})").ok());
  EXPECT_FALSE(scenario_from_json(R"({"version":1,"kind":"join"})").ok());
  EXPECT_FALSE(scenario_from_json(R"({"version":1,"kind":"match","window_days":"31"})").ok());
  EXPECT_FALSE(scenario_from_json(R"({"version":1,"kind":"match","conditions":[{"op":"gte"}]})").ok());
  EXPECT_FALSE(scenario_from_json(R"({"version":1,"kind":"split","min_count":99999999999})").ok());
  EXPECT_TRUE(scenario_from_json(R"({"version":1,"kind":"split"})").ok());
}

TEST(LinkageScenario, ValidationNamesTheField) {
  const auto& refunds = shipped_scenario("refund_after_death");
  Scenario s = refunds.scenario;
  s.conditions = {{"paid_date", Compare::gt, "death_day"}};
  auto r = check(refunds, s);
  EXPECT_TRUE(has_field(r, "conditions.0"));
  EXPECT_NE(r.error().message.find("‘death_day’ 열이 없습니다"), std::string::npos) << r.error().message;

  s.conditions = {{"amount", Compare::gt, "death_date"}};  // an amount against a date
  r = check(refunds, s);
  EXPECT_TRUE(has_field(r, "conditions.0"));
  EXPECT_NE(r.error().message.find("종류가 달라"), std::string::npos) << r.error().message;

  s = refunds.scenario;
  s.join_keys = {{"person", "death_date"}};
  EXPECT_TRUE(has_field(check(refunds, s), "join_keys.0"));
  s.join_keys = {};
  EXPECT_TRUE(has_field(check(refunds, s), "join_keys"));

  s = refunds.scenario;
  s.filters = {{"person", Compare::eq, "900101-1234567"}};
  EXPECT_TRUE(has_field(check(refunds, s), "filters.0"));
  s.filters = {{"paid_date", Compare::ge, "2024-13-01"}};
  EXPECT_TRUE(has_field(check(refunds, s), "filters.0"));
  s.filters = {{"sigungu", Compare::lt, "52110"}};
  EXPECT_TRUE(has_field(check(refunds, s), "filters.0"));
  s.filters = {{"sigungu", Compare::eq, "52110"}, {"paid_date", Compare::ge, "2024-01-01"}};
  EXPECT_TRUE(check(refunds, s).ok());

  s = refunds.scenario;
  s.region_column = "paid_date";
  EXPECT_TRUE(has_field(check(refunds, s), "region_column"));
  s = refunds.scenario;
  s.code = "환급";
  EXPECT_TRUE(has_field(check(refunds, s), "code"));
  EXPECT_TRUE(has_field(validate(refunds.scenario, refunds.roles[0].schema(), nullptr), "secondary_role"));

  const auto& split = shipped_scenario("contract_splitting");
  s = split.scenario;
  s.threshold = 0;
  r = check(split, s);
  EXPECT_TRUE(has_field(r, "threshold"));
  s = split.scenario;
  s.date_column = "";
  EXPECT_TRUE(has_field(check(split, s), "date_column"));
  s = split.scenario;
  s.group_by = {};
  s.min_count = 1;
  r = check(split, s);
  EXPECT_TRUE(has_field(r, "group_by"));
  EXPECT_TRUE(has_field(r, "min_count"));
  s = split.scenario;
  s.amount_column = "vendor";
  EXPECT_TRUE(has_field(check(split, s), "amount_column"));
}

}  // namespace
}  // namespace sotong::audit::linkage
