// The meetings as calendar feeds (platform/calendar/feed_sources.hpp): one per body the person may see, and
// "my meetings" — every body's meetings the person sits on or runs. Each fetch reads them as the person may
// see them then; a cancelled meeting stays in the feed as STATUS:CANCELLED with its raised SEQUENCE, so
// Outlook and Google Calendar take it off.
#pragma once

#include "platform/calendar/feed_sources.hpp"

namespace sotong::meetings {

platform::calendar::CalendarFeedSource body_feed_source();
platform::calendar::CalendarFeedSource person_feed_source();

}  // namespace sotong::meetings
