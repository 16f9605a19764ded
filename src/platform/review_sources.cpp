#include "platform/review_sources.hpp"

#include <algorithm>
#include <mutex>

namespace sotong::platform {
namespace {

// Filled at start from the manifests, read by request threads afterwards; the lock makes a late
// registration (a test) safe.
std::mutex& registry_lock() {
  static std::mutex lock;
  return lock;
}

std::vector<ReviewSource>& registry() {
  static std::vector<ReviewSource> sources;
  return sources;
}

}  // namespace

void register_review_source(ReviewSource source) {
  const std::lock_guard<std::mutex> hold(registry_lock());
  auto& all = registry();
  auto it =
      std::find_if(all.begin(), all.end(), [&](const ReviewSource& s) { return s.code == source.code; });
  if (it != all.end())
    *it = std::move(source);
  else
    all.push_back(std::move(source));
}

std::vector<ReviewSource> review_sources() {
  const std::lock_guard<std::mutex> hold(registry_lock());
  return registry();
}

std::optional<ReviewSource> review_source(std::string_view code) {
  const std::lock_guard<std::mutex> hold(registry_lock());
  for (const auto& s : registry())
    if (s.code == code) return s;
  return std::nullopt;
}

}  // namespace sotong::platform
