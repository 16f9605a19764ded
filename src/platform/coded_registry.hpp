// A process-wide list of things a manifest registers by code (review sources, intake targets, calendar feed
// sources): filled at start, read by request threads afterwards; the lock makes a late registration (a test)
// safe. Registering a code again replaces the earlier one in its place.
#pragma once

#include <algorithm>
#include <mutex>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace sotong::platform {

template <typename T>
class CodedRegistry {
 public:
  void put(T item) {
    const std::lock_guard<std::mutex> hold(mutex_);
    auto it = std::find_if(items_.begin(), items_.end(), [&](const T& t) { return t.code == item.code; });
    if (it != items_.end())
      *it = std::move(item);
    else
      items_.push_back(std::move(item));
  }
  /// Every item, in the order first registered.
  std::vector<T> all() const {
    const std::lock_guard<std::mutex> hold(mutex_);
    return items_;
  }
  std::optional<T> find(std::string_view code) const {
    const std::lock_guard<std::mutex> hold(mutex_);
    for (const auto& t : items_)
      if (t.code == code) return t;
    return std::nullopt;
  }

 private:
  mutable std::mutex mutex_;
  std::vector<T> items_;
};

}  // namespace sotong::platform
