// Values crossing the storage interface: parameters bound to statements and the cells of result rows.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace sotong::store {

/// Binary data (attachments); kept distinct from text so each engine binds it as a blob.
struct Blob {
  std::string bytes;
};

class Value {
 public:
  using Storage = std::variant<std::monostate, std::int64_t, double, std::string, Blob>;

  Value() = default;
  Value(std::nullptr_t) {}
  Value(int v) : v_(std::int64_t{v}) {}
  Value(long v) : v_(std::int64_t{v}) {}
  Value(long long v) : v_(std::int64_t{v}) {}
  Value(bool v) : v_(std::int64_t{v ? 1 : 0}) {}
  Value(double v) : v_(v) {}
  Value(std::string v) : v_(std::move(v)) {}
  Value(std::string_view v) : v_(std::string(v)) {}
  Value(const char* v) : v_(std::string(v)) {}
  Value(Blob v) : v_(std::move(v)) {}
  template <typename T>
  Value(const std::optional<T>& v) {
    if (v) *this = Value(*v);
  }

  bool is_null() const { return v_.index() == 0; }
  const Storage& storage() const { return v_; }

 private:
  Storage v_;
};

using Params = std::vector<Value>;

/// One result row; columns are read by position in the order the SELECT names them.
class Row {
 public:
  explicit Row(std::vector<Value> cells) : cells_(std::move(cells)) {}

  bool is_null(std::size_t i) const { return cells_.at(i).is_null(); }
  std::int64_t int64(std::size_t i) const;
  double real(std::size_t i) const;
  bool boolean(std::size_t i) const { return int64(i) != 0; }
  /// Text of the cell; NULL reads as "".
  std::string text(std::size_t i) const;
  std::optional<std::string> optional_text(std::size_t i) const;
  std::optional<std::int64_t> optional_int64(std::size_t i) const;
  std::size_t size() const { return cells_.size(); }

 private:
  std::vector<Value> cells_;
};

using Rows = std::vector<Row>;

}  // namespace sotong::store
