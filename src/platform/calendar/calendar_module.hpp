// The working-day calendar part of the platform, as a module manifest.
#pragma once

#include <vector>

#include "platform/calendar/feed_sources.hpp"
#include "platform/module.hpp"

namespace sotong::platform::calendar {

ModuleManifest manifest();
/// The module's pages and API operations.
std::vector<RouteSpec> routes();
/// The calendar subscriptions' pages and the feeds' addresses (/calendar/feeds …).
std::vector<RouteSpec> feed_routes();
/// The platform's own calendar feed: the public holidays (공휴일), for every person who may see the calendar.
CalendarFeedSource holiday_feed_source();

}  // namespace sotong::platform::calendar
