#include "modules/audit/linkage/data_set.hpp"

#include <utility>

namespace sotong::audit::linkage {

const ColumnSpec* Schema::find(std::string_view name) const {
  for (const auto& c : columns) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

DataSet::DataSet(std::uint32_t rows, std::vector<Column> columns)
    : rows_(rows), columns_(std::move(columns)) {
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    if (columns_[i].size() != rows_)
      throw std::invalid_argument("linkage column length differs from the rows");
    for (std::size_t j = 0; j < i; ++j) {
      if (columns_[j].name() == columns_[i].name())
        throw std::invalid_argument("linkage column name repeated");
    }
  }
}

const Column* DataSet::find(std::string_view name) const {
  for (const auto& c : columns_) {
    if (c.name() == name) return &c;
  }
  return nullptr;
}

Schema DataSet::schema() const {
  Schema s;
  for (const auto& c : columns_) s.columns.push_back({c.name(), c.kind()});
  return s;
}

}  // namespace sotong::audit::linkage
