#include <algorithm>
#include <string>

#include "core/korean_text.hpp"
#include "modules/audit/linkage/scenario.hpp"
#include "modules/audit/linkage/value_parsers.hpp"

namespace sotong::audit::linkage {
namespace {

bool orders(ColumnKind kind) {
  return kind == ColumnKind::date || kind == ColumnKind::amount;
}

// "‘paid_date’(날짜)와 ‘amount’(금액)은": the two columns of a key or condition, for messages.
std::string pair_of(const ColumnSpec& p, const ColumnSpec& q) {
  return with_particle("‘" + p.name + "’(" + std::string(kind_label(p.kind)) + ")", "과/와") + " " +
         with_particle("‘" + q.name + "’(" + std::string(kind_label(q.kind)) + ")", "은/는");
}

bool is_order(Compare op) {
  return op != Compare::eq && op != Compare::ne;
}

// Collects field errors; each check names the field the screen shows it beside.
class Checks {
 public:
  Checks(const Schema& primary, const Schema* secondary) : primary_(primary), secondary_(secondary) {}

  void fail(std::string field, std::string message) {
    errors_.push_back({std::move(field), std::move(message)});
  }

  /// The primary column, or nullptr after an error.
  const ColumnSpec* primary(const std::string& field, const std::string& name) {
    return find(primary_, "기준 자료", field, name);
  }
  const ColumnSpec* secondary(const std::string& field, const std::string& name) {
    if (secondary_ == nullptr) return nullptr;
    return find(*secondary_, "대조 자료", field, name);
  }

  /// The primary column if it is given and of one of the kinds.
  void optional_column(const std::string& field, const std::string& name,
                       std::initializer_list<ColumnKind> kinds, std::string_view what) {
    if (name.empty()) return;
    const ColumnSpec* c = primary(field, name);
    if (c != nullptr && std::find(kinds.begin(), kinds.end(), c->kind) == kinds.end()) {
      fail(field, "‘" + name + "’ 열은 " + std::string(kind_label(c->kind)) + " 열이라 " +
                      with_particle(what, "으로/로") + " 쓸 수 없습니다.");
    }
  }

  std::vector<FieldError>& errors() { return errors_; }

 private:
  const ColumnSpec* find(const Schema& schema, std::string_view set, const std::string& field,
                         const std::string& name) {
    if (name.empty()) {
      fail(field, "열을 골라 주세요.");
      return nullptr;
    }
    const ColumnSpec* c = schema.find(name);
    if (c == nullptr) fail(field, std::string(set) + "에 ‘" + name + "’ 열이 없습니다.");
    return c;
  }

  const Schema& primary_;
  const Schema* secondary_;
  std::vector<FieldError> errors_;
};

void check_match(const Scenario& s, Checks& checks, const Schema* secondary) {
  if (secondary == nullptr || s.secondary_role.empty()) {
    checks.fail("secondary_role", "대조할 자료를 정해 주세요.");
    return;
  }
  if (s.join_keys.empty()) checks.fail("join_keys", "두 자료를 잇는 열을 하나 이상 정해 주세요.");
  for (std::size_t i = 0; i < s.join_keys.size(); ++i) {
    const std::string field = "join_keys." + std::to_string(i);
    const ColumnSpec* p = checks.primary(field, s.join_keys[i].first);
    const ColumnSpec* q = checks.secondary(field, s.join_keys[i].second);
    if (p != nullptr && q != nullptr && p->kind != q->kind) {
      checks.fail(field, pair_of(*p, *q) + " 종류가 달라 이을 수 없습니다.");
    }
  }
  for (std::size_t i = 0; i < s.conditions.size(); ++i) {
    const auto& c = s.conditions[i];
    const std::string field = "conditions." + std::to_string(i);
    const ColumnSpec* p = checks.primary(field, c.primary_column);
    const ColumnSpec* q = checks.secondary(field, c.secondary_column);
    if (p == nullptr || q == nullptr) continue;
    if (p->kind != q->kind) {
      checks.fail(field, pair_of(*p, *q) + " 종류가 달라 비교할 수 없습니다.");
    } else if (is_order(c.op) && !orders(p->kind)) {
      checks.fail(field, std::string(kind_label(p->kind)) + " 열은 같은지 다른지만 비교할 수 있습니다.");
    }
  }
}

void check_groups(const Scenario& s, Checks& checks) {
  if (!s.join_keys.empty() || !s.conditions.empty()) {
    checks.fail("join_keys", "중복·분할 시나리오는 다른 자료와 잇지 않습니다.");
  }
  if (s.group_by.empty()) checks.fail("group_by", "같은 묶음으로 볼 열을 하나 이상 정해 주세요.");
  for (std::size_t i = 0; i < s.group_by.size(); ++i)
    checks.primary("group_by." + std::to_string(i), s.group_by[i]);
  if (s.min_count < 2) checks.fail("min_count", "최소 건수는 2 이상이어야 합니다.");
  if (s.window_days < 0) checks.fail("window_days", "기간(일)은 0 이상이어야 합니다.");
  if (s.window_days > 0 && s.date_column.empty())
    checks.fail("date_column", "기간을 잴 날짜 열을 정해 주세요.");
  if (s.kind == ScenarioKind::split) {
    if (s.amount_column.empty()) checks.fail("amount_column", "합산할 금액 열을 정해 주세요.");
    if (s.threshold <= 0) checks.fail("threshold", "기준 금액을 0원보다 크게 정해 주세요.");
  }
}

void check_filters(const Scenario& s, Checks& checks) {
  for (std::size_t i = 0; i < s.filters.size(); ++i) {
    const auto& f = s.filters[i];
    const std::string field = "filters." + std::to_string(i);
    const ColumnSpec* c = checks.primary(field, f.column);
    if (c == nullptr) continue;
    if (c->kind == ColumnKind::person) {
      // A filter is saved with the scenario: a resident number must never be written into one.
      checks.fail(field, "주민등록번호 열로는 거를 수 없습니다.");
      continue;
    }
    if (is_order(f.op) && !orders(c->kind)) {
      checks.fail(field, std::string(kind_label(c->kind)) + " 열은 같은지 다른지만 비교할 수 있습니다.");
    }
    std::int32_t days = 0;
    std::int64_t won = 0;
    if (c->kind == ColumnKind::date && parse_date(f.value, days) != Parsed::value) {
      checks.fail(field, "‘" + f.column + "’에 견줄 값은 날짜(예: 2024-03-15)여야 합니다.");
    }
    if (c->kind == ColumnKind::amount && parse_amount(f.value, won) != Parsed::value) {
      checks.fail(field, "‘" + f.column + "’에 견줄 값은 원 단위 금액이어야 합니다.");
    }
  }
}

}  // namespace

Result<void> validate(const Scenario& s, const Schema& primary, const Schema* secondary) {
  Checks checks(primary, secondary);
  if (s.code.empty() || !std::all_of(s.code.begin(), s.code.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
      })) {
    checks.fail("code", "코드는 영문 소문자, 숫자, 밑줄(_)로 적어 주세요.");
  }
  if (s.title.empty()) checks.fail("title", "제목을 적어 주세요.");
  if (s.primary_role.empty()) checks.fail("primary_role", "기준 자료를 정해 주세요.");
  if (s.kind == ScenarioKind::match) {
    check_match(s, checks, secondary);
  } else {
    check_groups(s, checks);
  }
  check_filters(s, checks);
  checks.optional_column("date_column", s.date_column, {ColumnKind::date}, "날짜 열");
  checks.optional_column("amount_column", s.amount_column, {ColumnKind::amount}, "금액 열");
  checks.optional_column("region_column", s.region_column, {ColumnKind::code}, "시·군 열");
  checks.optional_column("id_column", s.id_column, {ColumnKind::text, ColumnKind::code}, "건 번호 열");
  if (checks.errors().empty()) return success();
  std::string message = "시나리오를 확인해 주세요.";
  for (const auto& e : checks.errors()) message += "\n" + e.message;
  return Error::invalid(std::move(message), std::move(checks.errors()));
}

}  // namespace sotong::audit::linkage
