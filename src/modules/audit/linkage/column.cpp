#include "modules/audit/linkage/column.hpp"

#include <array>
#include <utility>

namespace sotong::audit::linkage {
namespace {

struct KindNames {
  ColumnKind kind;
  std::string_view name;
  std::string_view label;
};
constexpr std::array<KindNames, 5> kKinds{{{ColumnKind::text, "text", "문자"},
                                           {ColumnKind::code, "code", "코드"},
                                           {ColumnKind::date, "date", "날짜"},
                                           {ColumnKind::amount, "amount", "금액"},
                                           {ColumnKind::person, "person", "주민등록번호"}}};

}  // namespace

std::string_view kind_name(ColumnKind kind) {
  return kKinds[static_cast<std::size_t>(kind)].name;
}

std::optional<ColumnKind> kind_from_name(std::string_view name) {
  for (const auto& k : kKinds) {
    if (k.name == name) return k.kind;
  }
  return std::nullopt;
}

std::string_view kind_label(ColumnKind kind) {
  return kKinds[static_cast<std::size_t>(kind)].label;
}

Column Column::make_dates(std::string name, std::vector<std::int32_t> days) {
  Column c;
  c.name_ = std::move(name);
  c.kind_ = ColumnKind::date;
  c.days_ = std::move(days);
  return c;
}

Column Column::make_amounts(std::string name, std::vector<std::int64_t> won) {
  Column c;
  c.name_ = std::move(name);
  c.kind_ = ColumnKind::amount;
  c.won_ = std::move(won);
  return c;
}

Column Column::make_persons(std::string name, std::vector<std::uint64_t> hashes) {
  Column c;
  c.name_ = std::move(name);
  c.kind_ = ColumnKind::person;
  c.persons_ = std::move(hashes);
  return c;
}

Column Column::make_codes(std::string name, std::vector<std::uint32_t> ids,
                          std::vector<std::string> dictionary) {
  Column c;
  c.name_ = std::move(name);
  c.kind_ = ColumnKind::code;
  c.ids_ = std::move(ids);
  c.dictionary_ = std::move(dictionary);
  return c;
}

Column Column::make_texts(std::string name, std::string arena, std::vector<std::uint32_t> ends) {
  Column c;
  c.name_ = std::move(name);
  c.kind_ = ColumnKind::text;
  c.arena_ = std::move(arena);
  c.ends_ = std::move(ends);
  return c;
}

std::uint32_t Column::size() const {
  switch (kind_) {
    case ColumnKind::date:
      return static_cast<std::uint32_t>(days_.size());
    case ColumnKind::amount:
      return static_cast<std::uint32_t>(won_.size());
    case ColumnKind::person:
      return static_cast<std::uint32_t>(persons_.size());
    case ColumnKind::code:
      return static_cast<std::uint32_t>(ids_.size());
    case ColumnKind::text:
      return static_cast<std::uint32_t>(ends_.size());
  }
  return 0;
}

std::optional<std::uint32_t> Column::find_code(std::string_view code) const {
  for (std::size_t i = 0; i < dictionary_.size(); ++i) {
    if (dictionary_[i] == code) return static_cast<std::uint32_t>(i);
  }
  return std::nullopt;
}

}  // namespace sotong::audit::linkage
