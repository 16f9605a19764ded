#include "platform/calendar/calendar_forms.hpp"

#include <charconv>
#include <optional>
#include <vector>

#include "core/korean_text.hpp"

namespace sotong::platform::calendar {
namespace {
constexpr std::size_t kMaxName = 50;

std::optional<CivilDate> read_date(std::string_view text) {
  auto date = parse_date(trim(text));
  if (!date || date->year < kFirstYear || date->year > kLastYear) return std::nullopt;
  return date;
}

std::optional<int> read_int(std::string_view text) {
  text = trim(text);
  int v = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (text.empty() || ec != std::errc{} || p != text.data() + text.size()) return std::nullopt;
  return v;
}

/// `what` carries its particle: "날짜를", "시작일을".
std::string date_message(std::string_view what) {
  return std::string(what) +
         " 2026-10-02와 같이 2000년부터 2100년 사이의 실제 날짜(YYYY-MM-DD)로 입력해 주십시오.";
}

Error invalid(std::vector<FieldError> errors) {
  return Error::invalid("입력 내용을 확인해 주십시오.", std::move(errors));
}
}  // namespace

Result<Holiday> validate_holiday(const HolidayInput& input) {
  std::vector<FieldError> errors;
  Holiday h;
  if (auto date = read_date(input.date)) {
    h.date = *date;
  } else {
    errors.push_back({"date", date_message("날짜를")});
  }
  if (!clean_line(input.name, h.name)) {
    errors.push_back({"name", "이름에 읽을 수 없는 문자가 있습니다."});
  } else if (h.name.empty()) {
    errors.push_back({"name", "공휴일 이름을 입력해 주십시오."});
  } else if (char_count(h.name) > kMaxName) {
    errors.push_back({"name", "공휴일 이름은 50자 이내로 입력해 주십시오."});
  }
  if (auto kind = holiday_kind_from_code(trim(input.kind))) {
    h.kind = *kind;
  } else {
    errors.push_back({"kind", "공휴일 종류를 선택해 주십시오."});
  }
  if (!errors.empty()) return invalid(std::move(errors));
  return h;
}

Result<int> read_year(std::string_view text, std::string_view field) {
  auto year = read_int(text);
  if (!year || *year < kFirstYear || *year > kLastYear)
    return invalid({{std::string(field), "연도는 2000부터 2100까지의 숫자로 입력해 주십시오."}});
  return *year;
}

Result<AddQuery> read_add_query(std::string_view start, std::string_view days) {
  std::vector<FieldError> errors;
  AddQuery q{};
  if (auto date = read_date(start)) {
    q.start = *date;
  } else {
    errors.push_back({"start", date_message("시작일을")});
  }
  auto n = read_int(days);
  if (!n || *n < 0 || *n > kMaxWorkingDays) {
    errors.push_back({"days", "근무일 수는 0부터 3650까지의 정수로 입력해 주십시오."});
  } else {
    q.days = *n;
  }
  if (!errors.empty()) return invalid(std::move(errors));
  return q;
}

Result<BetweenQuery> read_between_query(std::string_view from, std::string_view to) {
  std::vector<FieldError> errors;
  BetweenQuery q{};
  if (auto date = read_date(from)) {
    q.from = *date;
  } else {
    errors.push_back({"from", date_message("시작일을")});
  }
  if (auto date = read_date(to)) {
    q.to = *date;
  } else {
    errors.push_back({"to", date_message("종료일을")});
  }
  if (!errors.empty()) return invalid(std::move(errors));
  return q;
}

}  // namespace sotong::platform::calendar
