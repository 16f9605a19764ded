#include "platform/intake_targets.hpp"

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

std::vector<IntakeTarget>& registry() {
  static std::vector<IntakeTarget> targets;
  return targets;
}

}  // namespace

void register_intake_target(IntakeTarget target) {
  const std::lock_guard<std::mutex> hold(registry_lock());
  auto& all = registry();
  auto it =
      std::find_if(all.begin(), all.end(), [&](const IntakeTarget& t) { return t.code == target.code; });
  if (it != all.end())
    *it = std::move(target);
  else
    all.push_back(std::move(target));
}

std::vector<IntakeTarget> intake_targets() {
  const std::lock_guard<std::mutex> hold(registry_lock());
  return registry();
}

std::optional<IntakeTarget> intake_target(std::string_view code) {
  const std::lock_guard<std::mutex> hold(registry_lock());
  for (const auto& t : registry())
    if (t.code == code) return t;
  return std::nullopt;
}

}  // namespace sotong::platform
