// A closed list of values with their stable code (stored, in URLs and the API) and Korean label (on screen):
// one constexpr table per enum instead of three hand-written lookups, so that a code, a label and a value can
// never disagree.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace sotong {

template <typename E>
struct Term {
  E value;
  std::string_view code;
  std::string_view label;
};

/// The code of `value`; empty when the table lacks it (a table that lists every value never does).
template <typename E>
constexpr std::string_view code_of(std::span<const Term<E>> terms, E value) {
  for (const auto& t : terms)
    if (t.value == value) return t.code;
  return {};
}

template <typename E>
constexpr std::string_view label_of(std::span<const Term<E>> terms, E value) {
  for (const auto& t : terms)
    if (t.value == value) return t.label;
  return {};
}

/// The value whose code is `code`, or nullopt: how a request's or a row's text becomes a value.
template <typename E>
constexpr std::optional<E> from_code(std::span<const Term<E>> terms, std::string_view code) {
  for (const auto& t : terms)
    if (t.code == code) return t.value;
  return std::nullopt;
}

}  // namespace sotong
