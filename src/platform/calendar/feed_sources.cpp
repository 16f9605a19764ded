#include "platform/calendar/feed_sources.hpp"

#include <stdexcept>

#include "platform/coded_registry.hpp"

namespace sotong::platform::calendar {
namespace {

CodedRegistry<CalendarFeedSource>& feed_source_registry() {
  static CodedRegistry<CalendarFeedSource> sources;
  return sources;
}

}  // namespace

void register_feed_source(CalendarFeedSource source) {
  if (source.code.empty() || source.label.empty() || !source.may_subscribe || !source.feed)
    throw std::logic_error("calendar feed source '" + source.code +
                           "' needs a code, a label, may_subscribe and feed");
  feed_source_registry().put(std::move(source));
}

std::vector<CalendarFeedSource> feed_sources() {
  return feed_source_registry().all();
}

std::optional<CalendarFeedSource> feed_source(std::string_view code) {
  return feed_source_registry().find(code);
}

}  // namespace sotong::platform::calendar
