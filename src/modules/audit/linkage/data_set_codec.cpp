#include "modules/audit/linkage/data_set_codec.hpp"

#include <bit>
#include <cstdint>
#include <cstring>
#include <span>
#include <type_traits>
#include <utility>
#include <vector>

namespace sotong::audit::linkage {
namespace {

constexpr std::string_view kMagic = "SOTLNKDS";
constexpr std::uint32_t kVersion = 1;

template <typename T>
void put(std::string& out, T value) {
  static_assert(std::is_integral_v<T>);
  using U = std::make_unsigned_t<T>;
  auto u = static_cast<U>(value);
  for (std::size_t i = 0; i < sizeof(T); ++i) {
    out.push_back(static_cast<char>(u & 0xFFU));
    if constexpr (sizeof(T) > 1) u = static_cast<U>(u >> 8U);
  }
}

template <typename T>
void put_array(std::string& out, std::span<const T> values) {
  if constexpr (std::endian::native == std::endian::little) {
    const std::size_t at = out.size();
    out.resize(at + values.size() * sizeof(T));
    if (!values.empty()) std::memcpy(out.data() + at, values.data(), values.size() * sizeof(T));
  } else {
    for (const T v : values) put(out, v);
  }
}

void put_bytes(std::string& out, std::string_view bytes) {
  put<std::uint64_t>(out, bytes.size());
  out.append(bytes);
}

// Reads values off the front of the bytes; every read checks the length first, and once one fails all do.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}

  template <typename T>
  bool get(T& value) {
    if (bytes_.size() < sizeof(T)) return false;
    using U = std::make_unsigned_t<T>;
    U u = 0;
    for (std::size_t i = sizeof(T); i-- > 0;) {
      if constexpr (sizeof(T) > 1) u = static_cast<U>(u << 8U);
      u = static_cast<U>(u | static_cast<unsigned char>(bytes_[i]));
    }
    value = static_cast<T>(u);
    bytes_.remove_prefix(sizeof(T));
    return true;
  }

  template <typename T>
  bool get_array(std::vector<T>& values, std::uint64_t count) {
    if (count > bytes_.size() / sizeof(T)) return false;
    values.resize(count);
    if constexpr (std::endian::native == std::endian::little) {
      if (count > 0) std::memcpy(values.data(), bytes_.data(), count * sizeof(T));
      bytes_.remove_prefix(count * sizeof(T));
    } else {
      for (auto& v : values) get(v);
    }
    return true;
  }

  bool get_bytes(std::string_view& out) {
    std::uint64_t n = 0;
    if (!get(n) || n > bytes_.size()) return false;
    out = bytes_.substr(0, n);
    bytes_.remove_prefix(n);
    return true;
  }

  bool done() const { return bytes_.empty(); }

 private:
  std::string_view bytes_;
};

Error corrupt(std::string_view what) {
  return Error::invalid("저장된 자료가 손상되었습니다 (" + std::string(what) + ").");
}

Result<Column> read_column(Reader& in, std::uint32_t rows) {
  std::uint8_t kind_byte = 0;
  std::string_view name;
  if (!in.get(kind_byte) || !in.get_bytes(name)) return corrupt("열 머리");
  if (kind_byte > static_cast<std::uint8_t>(ColumnKind::person)) return corrupt("열 종류");
  const auto kind = static_cast<ColumnKind>(kind_byte);
  switch (kind) {
    case ColumnKind::date: {
      std::vector<std::int32_t> v;
      if (!in.get_array(v, rows)) return corrupt("날짜 값");
      return Column::make_dates(std::string(name), std::move(v));
    }
    case ColumnKind::amount: {
      std::vector<std::int64_t> v;
      if (!in.get_array(v, rows)) return corrupt("금액 값");
      return Column::make_amounts(std::string(name), std::move(v));
    }
    case ColumnKind::person: {
      std::vector<std::uint64_t> v;
      if (!in.get_array(v, rows)) return corrupt("개인 값");
      return Column::make_persons(std::string(name), std::move(v));
    }
    case ColumnKind::code: {
      std::uint32_t entries = 0;
      if (!in.get(entries)) return corrupt("코드 사전");
      std::vector<std::string> dictionary;
      for (std::uint32_t i = 0; i < entries; ++i) {
        std::string_view entry;
        if (!in.get_bytes(entry)) return corrupt("코드 사전");
        dictionary.emplace_back(entry);
      }
      std::vector<std::uint32_t> ids;
      if (!in.get_array(ids, rows)) return corrupt("코드 값");
      for (const auto id : ids) {
        if (id >= entries) return corrupt("코드 번호");
      }
      return Column::make_codes(std::string(name), std::move(ids), std::move(dictionary));
    }
    case ColumnKind::text: {
      std::string_view arena;
      std::vector<std::uint32_t> ends;
      if (!in.get_bytes(arena) || !in.get_array(ends, rows)) return corrupt("문자 값");
      std::uint32_t previous = 0;
      for (const auto end : ends) {
        if (end < previous || end > arena.size()) return corrupt("문자 위치");
        previous = end;
      }
      return Column::make_texts(std::string(name), std::string(arena), std::move(ends));
    }
  }
  return corrupt("열 종류");
}

}  // namespace

std::string serialize(const DataSet& data) {
  std::string out(kMagic);
  put(out, kVersion);
  put(out, data.row_count());
  put(out, static_cast<std::uint32_t>(data.columns().size()));
  for (const auto& c : data.columns()) {
    put(out, static_cast<std::uint8_t>(c.kind()));
    put_bytes(out, c.name());
    switch (c.kind()) {
      case ColumnKind::date:
        put_array(out, c.dates());
        break;
      case ColumnKind::amount:
        put_array(out, c.amounts());
        break;
      case ColumnKind::person:
        put_array(out, c.persons());
        break;
      case ColumnKind::code:
        put(out, static_cast<std::uint32_t>(c.dictionary().size()));
        for (const auto& entry : c.dictionary()) put_bytes(out, entry);
        put_array(out, c.code_ids());
        break;
      case ColumnKind::text:
        put_bytes(out, c.text_arena());
        put_array(out, c.text_ends());
        break;
    }
  }
  return out;
}

Result<DataSet> deserialize(std::string_view bytes) {
  if (bytes.size() < kMagic.size() || bytes.substr(0, kMagic.size()) != kMagic) {
    return Error::invalid("저장된 자료의 형식을 알 수 없습니다.");
  }
  Reader in(bytes.substr(kMagic.size()));
  std::uint32_t version = 0;
  std::uint32_t rows = 0;
  std::uint32_t count = 0;
  if (!in.get(version) || !in.get(rows) || !in.get(count)) return corrupt("머리");
  if (version != kVersion)
    return Error::invalid("저장된 자료의 판(" + std::to_string(version) + ")을 읽을 수 없습니다.");
  std::vector<Column> columns;
  for (std::uint32_t i = 0; i < count; ++i) {
    auto column = read_column(in, rows);
    if (!column) return column.error();
    for (const auto& c : columns) {
      if (c.name() == column->name()) return corrupt("열 이름 중복");
    }
    columns.push_back(std::move(column).value());
  }
  if (!in.done()) return corrupt("남는 바이트");
  return DataSet(rows, std::move(columns));
}

}  // namespace sotong::audit::linkage
