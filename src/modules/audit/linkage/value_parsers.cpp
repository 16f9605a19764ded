#include "modules/audit/linkage/value_parsers.hpp"

namespace sotong::audit::linkage {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

int digits_value(const char* p, int n) {
  int v = 0;
  for (int i = 0; i < n; ++i) v = v * 10 + (p[i] - '0');
  return v;
}

bool all_digits(const char* p, int n) {
  for (int i = 0; i < n; ++i) {
    if (!is_digit(p[i])) return false;
  }
  return true;
}

bool is_leap(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : kDays[month - 1];
}

bool real_date(int year, int month, int day) {
  return month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month);
}

}  // namespace

std::string_view trim_blanks(std::string_view text) {
  std::size_t b = 0;
  std::size_t e = text.size();
  while (b < e && (text[b] == ' ' || text[b] == '\t')) ++b;
  while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\t')) --e;
  return text.substr(b, e - b);
}

std::int32_t days_from_civil(int year, int month, int day) {
  // Howard Hinnant's days_from_civil: eras of 400 years, March-based years so leap days fall last.
  year -= month <= 2 ? 1 : 0;
  const int era = (year >= 0 ? year : year - 399) / 400;
  const int yoe = year - era * 400;
  const int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

std::string format_date(std::int32_t days) {
  const int z = days + 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = z - era * 146097;
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  const int day = doy - (153 * mp + 2) / 5 + 1;
  const int month = mp < 10 ? mp + 3 : mp - 9;
  const int year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  std::string out(10, '0');
  auto put = [&out](std::size_t at, int value, int width) {
    for (int i = width - 1; i >= 0; --i) {
      out[at + static_cast<std::size_t>(i)] = static_cast<char>('0' + value % 10);
      value /= 10;
    }
  };
  put(0, year, 4);
  out[4] = '-';
  put(5, month, 2);
  out[7] = '-';
  put(8, day, 2);
  return out;
}

Parsed parse_date(std::string_view text, std::int32_t& days) {
  text = trim_blanks(text);
  if (text.empty()) return Parsed::empty;
  const char* p = text.data();
  int month_at = 0;
  int day_at = 0;
  if (text.size() == 10 && (p[4] == '-' || p[4] == '.') && p[7] == p[4]) {
    month_at = 5;
    day_at = 8;
  } else if (text.size() == 8) {
    month_at = 4;
    day_at = 6;
  } else {
    return Parsed::invalid;
  }
  if (!all_digits(p, 4) || !all_digits(p + month_at, 2) || !all_digits(p + day_at, 2)) return Parsed::invalid;
  const int year = digits_value(p, 4);
  const int month = digits_value(p + month_at, 2);
  const int day = digits_value(p + day_at, 2);
  if (year < 1000 || !real_date(year, month, day)) return Parsed::invalid;
  days = days_from_civil(year, month, day);
  return Parsed::value;
}

Parsed parse_amount(std::string_view text, std::int64_t& won) {
  text = trim_blanks(text);
  if (text.empty()) return Parsed::empty;
  std::size_t i = 0;
  const bool negative = text[0] == '-';
  if (negative) ++i;
  if (i == text.size() || !is_digit(text[i])) return Parsed::invalid;
  std::int64_t value = 0;
  int digits = 0;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (is_digit(c)) {
      if (++digits > 18) return Parsed::invalid;
      value = value * 10 + (c - '0');
    } else if (c == ',') {
      // A comma only between digits: "1,,000" and "1000," are typing mistakes, not amounts.
      if (i + 1 == text.size() || !is_digit(text[i + 1])) return Parsed::invalid;
    } else {
      return Parsed::invalid;
    }
  }
  won = negative ? -value : value;
  return Parsed::value;
}

Parsed parse_resident_number(std::string_view text, std::array<char, 13>& digits) {
  text = trim_blanks(text);
  if (text.empty()) return Parsed::empty;
  const char* p = text.data();
  if (text.size() == 14 && p[6] == '-') {
    if (!all_digits(p, 6) || !all_digits(p + 7, 7)) return Parsed::invalid;
    for (int i = 0; i < 6; ++i) digits[static_cast<std::size_t>(i)] = p[i];
    for (int i = 0; i < 7; ++i) digits[static_cast<std::size_t>(6 + i)] = p[7 + i];
  } else if (text.size() == 13) {
    if (!all_digits(p, 13)) return Parsed::invalid;
    for (int i = 0; i < 13; ++i) digits[static_cast<std::size_t>(i)] = p[i];
  } else {
    return Parsed::invalid;
  }
  static constexpr int kCentury[] = {1800, 1900, 1900, 2000, 2000, 1900, 1900, 2000, 2000, 1800};
  const int year = kCentury[digits[6] - '0'] + digits_value(digits.data(), 2);
  if (!real_date(year, digits_value(digits.data() + 2, 2), digits_value(digits.data() + 4, 2))) {
    return Parsed::invalid;
  }
  return Parsed::value;
}

std::string mask_resident_numbers(std::string_view text) {
  std::string out(text);
  std::size_t i = 0;
  while (i < out.size()) {
    if (!is_digit(out[i]) || (i > 0 && is_digit(out[i - 1]))) {
      ++i;
      continue;
    }
    std::size_t run = i;
    while (run < out.size() && is_digit(out[run])) ++run;
    const std::size_t first = run - i;
    if (first == 13) {
      // 13 digits in a row become the hyphenated form, masked.
      out.replace(i, 13, out.substr(i, 6) + "-" + out[i + 6] + "******");
      i += 14;
      continue;
    }
    if (first == 6 && run + 8 <= out.size() && out[run] == '-' && all_digits(out.data() + run + 1, 7) &&
        (run + 8 == out.size() || !is_digit(out[run + 8]))) {
      for (std::size_t k = run + 2; k < run + 8; ++k) out[k] = '*';
      i = run + 8;
      continue;
    }
    i = run;
  }
  return out;
}

}  // namespace sotong::audit::linkage
