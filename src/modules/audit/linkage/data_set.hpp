// A linkage data set: named typed columns of equal length, immutable once imported.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "modules/audit/linkage/column.hpp"

namespace sotong::audit::linkage {

struct ColumnSpec {
  std::string name;
  ColumnKind kind = ColumnKind::text;
};

/// The names and kinds of a data set's columns, what scenarios are checked against.
struct Schema {
  std::vector<ColumnSpec> columns;

  /// The column of that name, or nullptr.
  const ColumnSpec* find(std::string_view name) const;
};

class DataSet {
 public:
  DataSet() = default;
  /// Throws std::invalid_argument when a column's length differs from `rows` or two columns share a name:
  /// importers and the decoder check both before, so this is a broken invariant.
  DataSet(std::uint32_t rows, std::vector<Column> columns);

  std::uint32_t row_count() const { return rows_; }
  const std::vector<Column>& columns() const { return columns_; }
  /// The column of that name, or nullptr.
  const Column* find(std::string_view name) const;
  Schema schema() const;

 private:
  std::uint32_t rows_ = 0;
  std::vector<Column> columns_;
};

}  // namespace sotong::audit::linkage
