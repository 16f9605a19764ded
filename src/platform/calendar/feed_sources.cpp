#include "platform/calendar/feed_sources.hpp"

#include <algorithm>
#include <mutex>
#include <stdexcept>

namespace sotong::platform::calendar {
namespace {

// Filled at start from the manifests, read by request threads afterwards; the lock makes a late
// registration (a test) safe.
std::mutex& registry_lock() {
  static std::mutex lock;
  return lock;
}

std::vector<CalendarFeedSource>& registry() {
  static std::vector<CalendarFeedSource> sources;
  return sources;
}

}  // namespace

void register_feed_source(CalendarFeedSource source) {
  if (source.code.empty() || source.label.empty() || !source.may_subscribe || !source.feed)
    throw std::logic_error("calendar feed source '" + source.code +
                           "' needs a code, a label, may_subscribe and feed");
  const std::lock_guard<std::mutex> hold(registry_lock());
  auto& all = registry();
  auto it = std::find_if(all.begin(), all.end(),
                         [&](const CalendarFeedSource& s) { return s.code == source.code; });
  if (it != all.end())
    *it = std::move(source);
  else
    all.push_back(std::move(source));
}

std::vector<CalendarFeedSource> feed_sources() {
  const std::lock_guard<std::mutex> hold(registry_lock());
  return registry();
}

std::optional<CalendarFeedSource> feed_source(std::string_view code) {
  const std::lock_guard<std::mutex> hold(registry_lock());
  for (const auto& s : registry())
    if (s.code == code) return s;
  return std::nullopt;
}

}  // namespace sotong::platform::calendar
