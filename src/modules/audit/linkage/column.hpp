// One typed column of a linkage data set: what kinds of values the audit engine knows and how each is kept.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sotong::audit::linkage {

/// What a column holds. text: an identifier kept as UTF-8 (a refund number); code: a short categorical value
/// kept once in a dictionary (a 시·군 code); date: days since 1970-01-01; amount: integer won; person: the
/// keyed hash of a resident registration number, never the number itself.
enum class ColumnKind : std::uint8_t { text, code, date, amount, person };

/// A date that was empty in the source.
inline constexpr std::int32_t kMissingDate = std::numeric_limits<std::int32_t>::min();
/// An amount that was empty in the source.
inline constexpr std::int64_t kMissingAmount = std::numeric_limits<std::int64_t>::min();
/// A resident number that was empty in the source. PersonHasher never gives 0 (it maps 0 to 1).
inline constexpr std::uint64_t kMissingPerson = 0;

/// The kind's name in scenario JSON and the serialized format ("text", "code", …).
std::string_view kind_name(ColumnKind kind);
/// The kind for a name given by kind_name, or nothing.
std::optional<ColumnKind> kind_from_name(std::string_view name);
/// The kind's Korean label for messages (날짜, 금액, 주민등록번호, …).
std::string_view kind_label(ColumnKind kind);

class Column {
 public:
  Column() = default;
  static Column make_dates(std::string name, std::vector<std::int32_t> days);
  static Column make_amounts(std::string name, std::vector<std::int64_t> won);
  static Column make_persons(std::string name, std::vector<std::uint64_t> hashes);
  /// ids index `dictionary`; the caller guarantees every id is below dictionary.size().
  static Column make_codes(std::string name, std::vector<std::uint32_t> ids,
                           std::vector<std::string> dictionary);
  /// Row r's text is arena[ends[r-1], ends[r]) (from 0 for row 0); the caller guarantees ends rise and stay
  /// within the arena.
  static Column make_texts(std::string name, std::string arena, std::vector<std::uint32_t> ends);

  const std::string& name() const { return name_; }
  ColumnKind kind() const { return kind_; }
  std::uint32_t size() const;

  /// True when a date, amount or person value was empty in the source; text and code values are never
  /// missing (an empty code is the code "").
  bool is_missing(std::uint32_t row) const {
    switch (kind_) {
      case ColumnKind::date:
        return days_[row] == kMissingDate;
      case ColumnKind::amount:
        return won_[row] == kMissingAmount;
      case ColumnKind::person:
        return persons_[row] == kMissingPerson;
      case ColumnKind::code:
      case ColumnKind::text:
        return false;
    }
    return false;
  }
  std::int32_t date(std::uint32_t row) const { return days_[row]; }
  std::int64_t amount(std::uint32_t row) const { return won_[row]; }
  std::uint64_t person(std::uint32_t row) const { return persons_[row]; }
  std::uint32_t code_id(std::uint32_t row) const { return ids_[row]; }
  std::string_view code(std::uint32_t row) const { return dictionary_[ids_[row]]; }
  std::string_view text(std::uint32_t row) const {
    const std::uint32_t begin = row == 0 ? 0 : ends_[row - 1];
    return std::string_view(arena_).substr(begin, ends_[row] - begin);
  }
  /// The id of a code's text in this column's dictionary, or nothing when no row has it.
  std::optional<std::uint32_t> find_code(std::string_view code) const;

  std::span<const std::int32_t> dates() const { return days_; }
  std::span<const std::int64_t> amounts() const { return won_; }
  std::span<const std::uint64_t> persons() const { return persons_; }
  std::span<const std::uint32_t> code_ids() const { return ids_; }
  const std::vector<std::string>& dictionary() const { return dictionary_; }
  std::string_view text_arena() const { return arena_; }
  std::span<const std::uint32_t> text_ends() const { return ends_; }

 private:
  std::string name_;
  ColumnKind kind_ = ColumnKind::text;
  std::vector<std::int32_t> days_;
  std::vector<std::int64_t> won_;
  std::vector<std::uint64_t> persons_;
  std::vector<std::uint32_t> ids_;
  std::vector<std::string> dictionary_;
  std::string arena_;
  std::vector<std::uint32_t> ends_;
};

}  // namespace sotong::audit::linkage
