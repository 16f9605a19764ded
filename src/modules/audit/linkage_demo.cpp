#include "modules/audit/linkage_demo.hpp"

#include <array>
#include <cstdint>
#include <cstdio>
#include <stdexcept>

#include "modules/audit/dataset_service.hpp"
#include "modules/audit/dataset_store.hpp"
#include "modules/audit/linkage_key.hpp"
#include "modules/audit/linkage_run_service.hpp"
#include "platform/accounts/session_store.hpp"

namespace sotong::audit {
namespace {

constexpr std::array kRegions = {"52110", "52130", "52140", "52180", "52190", "52210", "52710",
                                 "52720", "52730", "52740", "52750", "52770", "52790", "52800"};
constexpr int kPeople = 2000;
constexpr int kDead = 200;  // people 0 … 199 have died

/// splitmix64: the same numbers on every machine and standard library, unlike std::uniform_int_distribution.
class Numbers {
 public:
  explicit Numbers(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30U)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27U)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31U);
  }
  int below(int n) { return static_cast<int>(next() % static_cast<std::uint64_t>(n)); }

 private:
  std::uint64_t state_;
};

std::string two(int n) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d", n);
  return buf;
}

std::string numbered(const char* prefix, int n, int width) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%s%0*d", prefix, width, n);
  return buf;
}

/// A resident number of the right form for person `i` (born 1940–2004), the same on every call.
std::string resident_number(int i) {
  Numbers n(0x5eed0000ULL + static_cast<std::uint64_t>(i));
  const int year = 1940 + n.below(65);
  const int month = 1 + n.below(12);
  const int day = 1 + n.below(28);
  const int gender = (year < 2000 ? 1 : 3) + n.below(2);
  char serial[8];
  std::snprintf(serial, sizeof serial, "%06d", static_cast<int>(n.below(1'000'000)));
  return two(year % 100) + two(month) + two(day) + "-" + std::to_string(gender) + serial;
}

const char* home_of(int person) {
  return kRegions[static_cast<std::size_t>(person) % kRegions.size()];
}

/// The day `offset` days after 2020-01-01, as YYYY-MM-DD.
std::string day(int offset) {
  const CivilDate d = civil_from_days(days_from_civil({2020, 1, 1}) + offset);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

/// Deaths fall in 2023–2025 (days 1096 … 2191 after 2020-01-01).
int death_day(int person) {
  return 1096 + (person * 37) % 1090;
}

std::string refunds_csv() {
  Numbers n(16);
  std::string csv = "환급번호,주민등록번호,시군구코드,지급일자,환급액\n";
  auto row = [&](int number, int person, const char* region, int paid, long long amount) {
    csv += numbered("R-2025-", number, 5) + "," + resident_number(person) + "," + region + "," + day(paid) +
           "," + std::to_string(amount) + "\n";
  };
  for (int i = 1; i <= 3000; ++i) {
    if (i == 77) {  // the seed's first case: paid to a person nine months after the death
      row(i, 7, "52110", death_day(7) + 270, 920'000'000);
    } else if (i == 1544) {  // the second: 6억 8천만 원 more, 16억 원 between them
      row(i, 42, "52140", death_day(42) + 45, 680'000'000);
    } else if (i % 250 == 0) {  // refunds to people who died later: paid in their lifetime, not a case
      const int person = (i / 250) * 11 % kDead;
      row(i, person, home_of(person), death_day(person) - 30 - n.below(300), 10'000 + n.below(900) * 1'000LL);
    } else if (i == 2999) {  // paid on the day of death: the money may have left before the death was known
      row(i, 99, home_of(99), death_day(99), 350'000);
    } else {
      const int person = kDead + n.below(kPeople - kDead);
      row(i, person, home_of(person), 1827 + n.below(365), 10'000 + n.below(3000) * 1'000LL);
    }
  }
  return csv;
}

std::string deaths_csv() {
  std::string csv = "주민등록번호,사망일자\n";
  for (int person = 0; person < kDead; ++person)
    csv += resident_number(person) + "," + day(death_day(person)) + "\n";
  return csv;
}

std::string payments_csv() {
  Numbers n(31);
  constexpr std::array kItems = {"출산장려금", "농업인수당", "청년월세지원", "노인일자리"};
  constexpr std::array kAmounts = {1'000'000, 600'000, 200'000, 270'000};
  std::string csv = "지급번호,수령인주민등록번호,시군구코드,지급항목,지급일자,지급액\n";
  std::vector<std::string> rows;
  for (int i = 0; i < 1500; ++i) {
    const int person = kDead + i;  // each person once: no accidental repeat
    const auto item = static_cast<std::size_t>(n.below(4));
    rows.push_back(resident_number(person) + "," + home_of(person) + "," + kItems[item] + "," +
                   day(1827 + n.below(330)) + "," + std::to_string(kAmounts[item]));
  }
  for (int i = 0; i < 1500; ++i)
    csv += numbered("P-", i + 1, 5) + "," + rows[static_cast<std::size_t>(i)] + "\n";
  // The same payment again two weeks later: rows 10, 500 and 1200 paid twice.
  int extra = 1501;
  for (int original : {10, 500, 1200}) {
    std::string again = rows[static_cast<std::size_t>(original - 1)];
    // Same payee, region, item and amount; the date moved 14 days on.
    const auto first = again.find(',', again.find(',', again.find(',') + 1) + 1);
    const auto second = again.find(',', first + 1);
    const std::string date = again.substr(first + 1, second - first - 1);
    const auto parsed = parse_date(date);
    const int offset = static_cast<int>(days_from_civil(*parsed) - days_from_civil({2020, 1, 1})) + 14;
    again.replace(first + 1, second - first - 1, day(offset));
    csv += numbered("P-", extra++, 5) + "," + again + "\n";
  }
  return csv;
}

std::string contracts_csv() {
  Numbers n(47);
  std::string csv = "계약번호,시군구코드,사업자등록번호,계약일자,계약금액\n";
  auto row = [&](int number, const char* region, const std::string& vendor, int date, long long amount) {
    csv += numbered("C-", number, 4) + "," + region + "," + vendor + "," + day(date) + "," +
           std::to_string(amount) + "\n";
  };
  for (int i = 1; i <= 600; ++i) {
    const char* region = kRegions[static_cast<std::size_t>(n.below(14))];
    const std::string vendor = "4" + two(i % 100) + "-" + two(10 + i % 80) + "-" + numbered("", 10000 + i, 5);
    // Competitive contracts at or above the limit, and small ones each with a vendor of its own.
    const long long amount =
        i % 3 == 0 ? 1'000'000 + n.below(180) * 100'000LL : 20'000'000 + n.below(700) * 100'000LL;
    row(i, region, vendor, 1827 + n.below(365), amount);
  }
  // 완주군 and one vendor: three 950만 원 contracts within three weeks (2,850만 원 in all).
  row(601, "52710", "402-81-55501", 1888, 9'500'000);
  row(602, "52710", "402-81-55501", 1895, 9'500'000);
  row(603, "52710", "402-81-55501", 1909, 9'500'000);
  // 남원시 and one vendor: two 1,400만 원 contracts two weeks apart.
  row(604, "52190", "409-86-12345", 2008, 14'000'000);
  row(605, "52190", "409-86-12345", 2022, 14'000'000);
  // 군산시: two small contracts with one vendor that stay under the limit together: not a case.
  row(606, "52130", "411-22-33333", 1950, 8'000'000);
  row(607, "52130", "411-22-33333", 1960, 8'000'000);
  return csv;
}

std::string welfare_csv() {
  Numbers n(59);
  std::string csv = "지급번호,주민등록번호,시군구코드,지급일자,지급액\n";
  for (int i = 0; i < 1000; ++i) {
    const int person = kDead + i;
    csv += numbered("W-", i + 1, 4) + "," + resident_number(person) + "," + home_of(person) + "," +
           day(1827 + n.below(365)) + "," + std::to_string(300'000 + n.below(50) * 10'000) + "\n";
  }
  // Paid by a 시·군 to people registered as living in another one.
  csv += "W-1001," + resident_number(kDead + 5) + ",52800," + day(1900) + ",450000\n";
  csv += "W-1002," + resident_number(kDead + 300) + ",52110," + day(1950) + ",620000\n";
  csv += "W-1003," + resident_number(kDead + 777) + ",52720," + day(2001) + ",380000\n";
  return csv;
}

std::string residents_csv() {
  std::string csv = "주민등록번호,시군구코드\n";
  for (int person = kDead; person < kPeople; ++person)
    csv += resident_number(person) + "," + home_of(person) + "\n";
  return csv;
}

}  // namespace

std::vector<DemoFile> demo_linkage_files() {
  const std::string basis = "공공감사에 관한 법률 제20조(자료제출 요구), 개인정보 보호법 제18조 제2항 제7호";
  return {
      {"refunds", "2025_지방세환급.csv", refunds_csv(), "2025년 지방세 환급 내역 (14개 시·군)",
       "사망자에게 지급된 지방세 환급금 확인", basis},
      {"deaths", "사망신고_2023_2025.csv", deaths_csv(), "사망 신고 자료 (2023~2025)", "사망자 환급 대조",
       basis},
      {"payments", "2025_수당지급.csv", payments_csv(), "2025년 수당·장려금 지급 내역", "중복 지급 확인",
       basis},
      {"contracts", "2025_수의계약.csv", contracts_csv(), "2025년 수의계약 현황", "수의계약 분할 여부 확인",
       basis},
      {"welfare", "2025_복지급여.csv", welfare_csv(), "2025년 복지급여 지급 내역", "타 지역 거주자 지급 확인",
       basis},
      {"residents", "주민등록_주소지.csv", residents_csv(), "주민등록 주소지 자료", "복지급여 주소지 대조",
       basis},
  };
}

std::vector<PlantedCases> demo_planted_cases() {
  return {{"refund_after_death", {"R-2025-00077", "R-2025-01544"}},
          {"duplicate_payment", {"P-01501", "P-01502", "P-01503"}},
          {"contract_splitting", {"C-0601", "C-0602", "C-0603", "C-0604", "C-0605"}},
          {"welfare_elsewhere", {"W-1001", "W-1002", "W-1003"}}};
}

void load_demo_linkage(store::Database& db, const platform::Policy& policy) {
  const auto auditor = platform::sessions::load_actor_by_login(db, "auditor");
  if (!auditor) return;
  const bool loaded = db.read([](store::Connection& c) { return !dataset_store::list_datasets(c).empty(); });
  if (loaded) return;
  auto key = load_linkage_key(kDefaultLinkageKeyFile);
  if (!key) throw std::runtime_error(key.error().message);
  db.write([](store::Connection& c) {
    seed_shipped_scenarios(c);
    return true;
  });
  const platform::ServiceContext svc{db, policy, *auditor};
  const CivilDate today = seoul_today();
  const std::string retention = std::to_string(today.year + 1) + "-12-31";
  std::vector<std::pair<std::string, std::int64_t>> imported;
  for (const auto& f : demo_linkage_files()) {
    const auto* kind = find_dataset_kind(f.kind);
    DataSetInput input{f.title, f.purpose, f.legal_basis, retention, {}};
    for (const auto& c : kind->columns) input.mapping.emplace_back(c.name, c.sample_header);
    auto id = import_file(svc, f.kind, f.file_name, f.csv, input, *key);
    // The files are generated to be right: a refusal here is a broken invariant, not bad input.
    if (!id) throw std::runtime_error("demo data set " + f.kind + ": " + id.error().message);
    imported.emplace_back(f.kind, *id);
  }
  // The seed's case, run once, so the demonstration opens on its result.
  auto scenarios = list_scenarios(svc);
  if (!scenarios) throw std::runtime_error(scenarios.error().message);
  for (const auto& s : *scenarios)
    if (s.code == "refund_after_death")
      if (auto ran = run_scenario(svc, s.id, imported[0].second, imported[1].second); !ran)
        throw std::runtime_error("demo run: " + ran.error().message);
}

}  // namespace sotong::audit
