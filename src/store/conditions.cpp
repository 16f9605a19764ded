#include "store/conditions.hpp"

#include <utility>

namespace sotong::store {

Conditions& Conditions::add(std::string_view condition, Params params) {
  sql_ += " AND ";
  sql_ += condition;
  for (auto& p : params) params_.push_back(std::move(p));
  return *this;
}

Conditions& Conditions::in(std::string_view column, const std::vector<Value>& values) {
  if (values.empty()) {
    sql_ += " AND 1 = 0";
    return *this;
  }
  sql_ += " AND ";
  sql_ += column;
  sql_ += " IN (";
  for (std::size_t i = 0; i < values.size(); ++i) {
    sql_ += i == 0 ? "?" : ", ?";
    params_.push_back(values[i]);
  }
  sql_ += ")";
  return *this;
}

Conditions& Conditions::in(std::string_view column, const std::vector<std::int64_t>& ids) {
  return in(column, std::vector<Value>(ids.begin(), ids.end()));
}

Conditions& Conditions::before(std::int64_t before_id, std::string_view column) {
  if (before_id <= 0) return *this;
  return add(std::string(column) + " < ?", {before_id});
}

Params Conditions::params_with(Params more) const {
  Params out = params_;
  for (auto& p : more) out.push_back(std::move(p));
  return out;
}

}  // namespace sotong::store
