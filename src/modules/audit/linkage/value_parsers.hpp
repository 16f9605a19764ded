// Reading one field of a source file as a date, an amount or a resident number, by hand and without
// allocating: these run for every cell of files with tens of millions of rows.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace sotong::audit::linkage {

enum class Parsed : std::uint8_t { value, empty, invalid };

/// Leading and trailing spaces and tabs removed.
std::string_view trim_blanks(std::string_view text);

/// Days since 1970-01-01 (may be negative) for a real date written YYYY-MM-DD, YYYYMMDD or YYYY.MM.DD (years
/// 1000–9999), spaces around it allowed; `empty` for an empty or blank field.
Parsed parse_date(std::string_view text, std::int32_t& days);

/// The date as YYYY-MM-DD.
std::string format_date(std::int32_t days);

/// Days since 1970-01-01 of a calendar date (proleptic Gregorian).
std::int32_t days_from_civil(int year, int month, int day);

/// Integer won: digits with optional thousands commas ("1,234,000"), an optional leading minus, spaces
/// around it allowed; at most 18 digits. `empty` for an empty or blank field.
Parsed parse_amount(std::string_view text, std::int64_t& won);

/// A resident registration number written "YYMMDD-GNNNNNN" or as 13 digits, spaces around it allowed, as its
/// 13 digits. Its form is checked: the gender digit gives the century (1, 2, 5, 6: 1900s; 3, 4, 7, 8: 2000s;
/// 9, 0: 1800s) and the first six digits must then be a real date. The check digit is not checked: numbers
/// issued since October 2020 end in a random digit instead, and a real register holds both kinds.
Parsed parse_resident_number(std::string_view text, std::array<char, 13>& digits);

/// The text with every resident-number-looking run (six digits, an optional hyphen, seven digits, with no
/// digit just before or after) shown as "900101-1******": what a preview may display.
std::string mask_resident_numbers(std::string_view text);

}  // namespace sotong::audit::linkage
