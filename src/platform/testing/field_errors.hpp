// Reading what a refused input says about one of its fields, in unit tests of rules and services.
#pragma once

#include <string>
#include <string_view>

#include "core/result.hpp"

namespace sotong {

/// Whether the error names the field.
inline bool has_field(const Error& e, std::string_view field) {
  for (const auto& f : e.fields) {
    if (f.field == field) return true;
  }
  return false;
}

/// Whether the result is a refusal that names the field.
template <typename T>
bool has_field(const Result<T>& result, std::string_view field) {
  return !result && has_field(result.error(), field);
}

/// The message the refusal gives for the field; empty when the result is not a refusal or names it not.
template <typename T>
std::string field_error(const Result<T>& result, std::string_view field) {
  if (result) return "";
  for (const auto& e : result.error().fields) {
    if (e.field == field) return e.message;
  }
  return "";
}

}  // namespace sotong
