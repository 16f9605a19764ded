#include "modules/audit/linkage/shipped_scenarios.hpp"

#include <utility>

namespace sotong::audit::linkage {
namespace {

ShippedScenario refund_after_death() {
  Scenario s;
  s.code = "refund_after_death";
  s.title = "사망자 지방세 환급";
  s.description = "사망 신고가 된 사람에게 사망일 뒤에 지급된 지방세 환급금을 찾습니다.";
  s.kind = ScenarioKind::match;
  s.primary_role = "refunds";
  s.secondary_role = "deaths";
  s.join_keys = {{"person", "person"}};
  // Paid on the day of death is not flagged: the payment may have left before the death was registered.
  s.conditions = {{"paid_date", Compare::gt, "death_date"}};
  s.amount_column = "amount";
  s.region_column = "sigungu";
  s.id_column = "refund_id";
  return {std::move(s),
          {{"refunds",
            "지방세 환급",
            {{"refund_id", ColumnKind::text, "환급번호", "환급번호"},
             {"person", ColumnKind::person, "주민등록번호", "주민등록번호"},
             {"sigungu", ColumnKind::code, "시군구코드", "시군구코드"},
             {"paid_date", ColumnKind::date, "지급일자", "지급일자"},
             {"amount", ColumnKind::amount, "환급액", "환급액"}}},
           {"deaths",
            "사망 신고",
            {{"person", ColumnKind::person, "주민등록번호", "주민등록번호"},
             {"death_date", ColumnKind::date, "사망일자", "사망일자"}}}}};
}

ShippedScenario duplicate_payment() {
  Scenario s;
  s.code = "duplicate_payment";
  s.title = "중복 지급";
  s.description = "같은 사람에게 같은 항목, 같은 금액이 31일 안에 두 번 이상 지급된 건을 찾습니다.";
  s.kind = ScenarioKind::duplicate;
  s.primary_role = "payments";
  s.group_by = {"payee", "item", "amount"};
  s.date_column = "paid_date";
  s.window_days = 31;
  s.amount_column = "amount";
  s.min_count = 2;
  s.region_column = "sigungu";
  s.id_column = "payment_id";
  return {std::move(s),
          {{"payments",
            "지급 내역",
            {{"payment_id", ColumnKind::text, "지급번호", "지급번호"},
             {"payee", ColumnKind::person, "수령인 주민등록번호", "수령인주민등록번호"},
             {"sigungu", ColumnKind::code, "시군구코드", "시군구코드"},
             {"item", ColumnKind::code, "지급항목", "지급항목"},
             {"paid_date", ColumnKind::date, "지급일자", "지급일자"},
             {"amount", ColumnKind::amount, "지급액", "지급액"}}}}};
}

ShippedScenario contract_splitting() {
  Scenario s;
  s.code = "contract_splitting";
  s.title = "수의계약 쪼개기";
  s.description =
      "한 시·군이 한 업체와 30일 안에 맺은 2천만 원 미만 계약들의 합이 2천만 원 이상인 경우를 찾습니다.";
  s.kind = ScenarioKind::split;
  s.primary_role = "contracts";
  s.group_by = {"sigungu", "vendor"};
  s.date_column = "contract_date";
  s.window_days = 30;
  s.amount_column = "amount";
  // The scenario assumes the 지방계약법 시행령 limit for a 수의계약 on one quotation (1인 견적): 20 million
  // won. The limit has changed over the years and differs by kind of contract, so the auditor may change it.
  s.threshold = 20'000'000;
  s.min_count = 2;
  s.region_column = "sigungu";
  s.id_column = "contract_id";
  return {std::move(s),
          {{"contracts",
            "수의계약",
            {{"contract_id", ColumnKind::text, "계약번호", "계약번호"},
             {"sigungu", ColumnKind::code, "시군구코드", "시군구코드"},
             {"vendor", ColumnKind::text, "업체 사업자등록번호", "사업자등록번호"},
             {"contract_date", ColumnKind::date, "계약일자", "계약일자"},
             {"amount", ColumnKind::amount, "계약금액", "계약금액"}}}}};
}

ShippedScenario welfare_elsewhere() {
  Scenario s;
  s.code = "welfare_elsewhere";
  s.title = "타 지역 거주자 복지급여";
  s.description = "주민등록상 다른 시·군에 사는 사람에게 지급된 복지급여를 찾습니다.";
  s.kind = ScenarioKind::match;
  s.primary_role = "welfare";
  s.secondary_role = "residents";
  s.join_keys = {{"person", "person"}};
  s.conditions = {{"sigungu", Compare::ne, "sigungu"}};
  s.amount_column = "amount";
  s.region_column = "sigungu";
  s.id_column = "payment_id";
  return {std::move(s),
          {{"welfare",
            "복지급여 지급",
            {{"payment_id", ColumnKind::text, "지급번호", "지급번호"},
             {"person", ColumnKind::person, "주민등록번호", "주민등록번호"},
             {"sigungu", ColumnKind::code, "지급 시군구코드", "시군구코드"},
             {"paid_date", ColumnKind::date, "지급일자", "지급일자"},
             {"amount", ColumnKind::amount, "지급액", "지급액"}}},
           {"residents",
            "주민등록",
            {{"person", ColumnKind::person, "주민등록번호", "주민등록번호"},
             {"sigungu", ColumnKind::code, "주소지 시군구코드", "시군구코드"}}}}};
}

}  // namespace

Schema RoleSchema::schema() const {
  Schema s;
  for (const auto& c : columns) s.columns.push_back({c.name, c.kind});
  return s;
}

std::vector<ColumnMapping> RoleSchema::sample_mapping() const {
  std::vector<ColumnMapping> mapping;
  for (const auto& c : columns) mapping.push_back({c.sample_header, c.name, c.kind});
  return mapping;
}

std::vector<ShippedScenario> shipped_scenarios() {
  return {refund_after_death(), duplicate_payment(), contract_splitting(), welfare_elsewhere()};
}

}  // namespace sotong::audit::linkage
