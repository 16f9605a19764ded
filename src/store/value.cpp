#include "store/value.hpp"

#include <charconv>
#include <stdexcept>

namespace sotong::store {

std::int64_t Row::int64(std::size_t i) const {
  const auto& s = cells_.at(i).storage();
  if (const auto* v = std::get_if<std::int64_t>(&s)) return *v;
  if (const auto* d = std::get_if<double>(&s)) return static_cast<std::int64_t>(*d);
  if (const auto* t = std::get_if<std::string>(&s)) {
    std::int64_t out = 0;
    auto [p, ec] = std::from_chars(t->data(), t->data() + t->size(), out);
    if (ec == std::errc{} && p == t->data() + t->size()) return out;
    if (*t == "t" || *t == "true") return 1;
    if (*t == "f" || *t == "false") return 0;
  }
  if (std::holds_alternative<std::monostate>(s)) return 0;
  throw std::runtime_error("column " + std::to_string(i) + " is not an integer");
}

double Row::real(std::size_t i) const {
  const auto& s = cells_.at(i).storage();
  if (const auto* d = std::get_if<double>(&s)) return *d;
  if (const auto* v = std::get_if<std::int64_t>(&s)) return static_cast<double>(*v);
  if (const auto* t = std::get_if<std::string>(&s)) return std::stod(*t);
  return 0.0;
}

std::string Row::text(std::size_t i) const {
  const auto& s = cells_.at(i).storage();
  if (const auto* t = std::get_if<std::string>(&s)) return *t;
  if (const auto* v = std::get_if<std::int64_t>(&s)) return std::to_string(*v);
  if (const auto* d = std::get_if<double>(&s)) return std::to_string(*d);
  if (const auto* b = std::get_if<Blob>(&s)) return b->bytes;
  return {};
}

std::optional<std::string> Row::optional_text(std::size_t i) const {
  if (is_null(i)) return std::nullopt;
  return text(i);
}

std::optional<std::int64_t> Row::optional_int64(std::size_t i) const {
  if (is_null(i)) return std::nullopt;
  return int64(i);
}

}  // namespace sotong::store
