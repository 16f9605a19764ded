// The WHERE clause of a list query, built one condition at a time with its parameters in order: the filters,
// the organisation scope and the keyset paging that every module's list and count statements share.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "store/value.hpp"

namespace sotong::store {

class Conditions {
 public:
  /// " AND `condition`", its `?` placeholders bound to `params` in order.
  Conditions& add(std::string_view condition, Params params = {});

  /// " AND `column` IN (?, …)" with one placeholder per value (portable: neither engine's array parameters).
  /// An empty list matches no row, as an empty scope must.
  Conditions& in(std::string_view column, const std::vector<Value>& values);
  Conditions& in(std::string_view column, const std::vector<std::int64_t>& ids);

  /// Keyset paging on a descending id (never OFFSET, so a deep page costs the same as the first): " AND
  /// `column` < ?" after the last row of the page before; nothing for the first page (before_id <= 0).
  Conditions& before(std::int64_t before_id, std::string_view column = "id");

  /// " WHERE 1 = 1 AND …", to follow a SELECT … FROM.
  std::string where() const { return " WHERE 1 = 1" + sql_; }
  const Params& params() const { return params_; }
  /// The parameters followed by `more` (a LIMIT's, say).
  Params params_with(Params more) const;

 private:
  std::string sql_;
  Params params_;
};

}  // namespace sotong::store
