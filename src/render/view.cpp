#include "render/view.hpp"

#include <algorithm>

namespace sotong::render {
namespace {

/// `shared` made this view's own to change: created when absent, copied when another view shares it.
template <typename T>
T& own(std::shared_ptr<T>& shared) {
  if (!shared)
    shared = std::make_shared<T>();
  else if (shared.use_count() > 1)
    shared = std::make_shared<T>(*shared);
  return *shared;
}

}  // namespace

View View::object(std::initializer_list<std::pair<std::string, View>> fields) {
  // One allocation for the whole object (set() one by one grew the vector five times for a list row).
  View v;
  auto& out = *(v.fields_ = std::make_shared<Fields>());
  out.reserve(fields.size() + 2);  // room for the field or two a caller often adds after (set())
  for (const auto& field : fields) {
    auto same = std::find_if(out.begin(), out.end(), [&](const auto& f) { return f.first == field.first; });
    if (same == out.end())
      out.push_back(field);
    else
      same->second = field.second;
  }
  return v;
}

View& View::set(std::string key, View value) {
  kind_ = Kind::object;
  auto& fields = own(fields_);
  for (auto& [k, v] : fields) {
    if (k == key) {
      v = std::move(value);
      return *this;
    }
  }
  fields.emplace_back(std::move(key), std::move(value));
  return *this;
}

View& View::push(View value) {
  kind_ = Kind::list;
  own(items_).push_back(std::move(value));
  return *this;
}

const std::vector<std::pair<std::string, View>>& View::fields() const {
  static const Fields kNone;
  return fields_ ? *fields_ : kNone;
}

const std::vector<View>& View::items() const {
  static const Items kNone;
  return items_ ? *items_ : kNone;
}

}  // namespace sotong::render
