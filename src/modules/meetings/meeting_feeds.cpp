#include "modules/meetings/meeting_feeds.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "modules/meetings/meeting_permissions.hpp"
#include "modules/meetings/meeting_service.hpp"

namespace sotong::meetings {
namespace {

using platform::calendar::CalendarEvent;
using platform::calendar::CalendarFeed;
using platform::calendar::LocalDateTime;

/// "14:00" on `date`; 00:00 when the text is not a time (an old row), which still places the event on its
/// day.
LocalDateTime at(CivilDate date, const std::string& hhmm) {
  LocalDateTime t;
  t.date = date;
  if (hhmm.size() == 5 && hhmm[2] == ':') {
    try {
      t.hour = std::stoi(hhmm.substr(0, 2));
      t.minute = std::stoi(hhmm.substr(3, 2));
    } catch (const std::exception&) {
      t.hour = t.minute = 0;
    }
  }
  return t;
}

CalendarEvent event_of(const Body& body, const Meeting& m) {
  CalendarEvent e;
  // The UID names the meeting, so the same meeting in the body's feed and in "my meetings" is one event.
  e.uid = platform::calendar::event_uid("meeting", std::to_string(m.id));
  e.sequence = static_cast<int>(m.sequence);
  e.when = platform::calendar::TimedSpan{at(m.date, m.start_time), at(m.date, m.end_time)};
  e.summary = m.title;
  e.location = m.location;
  e.description = body.name;
  if (!m.host_reason.empty()) e.description += "\n개최지 선정: " + m.host_reason;
  if (!m.move_reason.empty()) e.description += "\n" + m.move_reason;
  if (m.state == MeetingState::cancelled) {
    e.status = platform::calendar::EventStatus::cancelled;
    if (!m.cancel_reason.empty()) e.description += "\n취소 사유: " + m.cancel_reason;
  }
  e.url = "/meetings/" + std::to_string(m.id);
  e.last_modified = m.created_at;
  return e;
}

/// The body's meetings the person may open, and the cancelled ones they were shown before (as cancellations).
void add_body(const platform::ServiceContext& svc, std::int64_t body_id, std::vector<CalendarEvent>& out) {
  auto page = get_body(svc, body_id);
  if (!page) return;
  for (std::size_t i = 0; i < page->meetings.size(); ++i) {
    const auto& m = page->meetings[i];
    const bool openable = i < page->openable.size() && page->openable[i];
    if (openable || m.state == MeetingState::cancelled) out.push_back(event_of(page->body, m));
  }
}

bool sees_body(const platform::ServiceContext& svc, std::int64_t id) {
  auto bodies = list_bodies(svc);
  return bodies && std::any_of(bodies->begin(), bodies->end(), [&](const Body& b) { return b.id == id; });
}

}  // namespace

platform::calendar::CalendarFeedSource body_feed_source() {
  return {
      .code = "meetings.body",
      .label = "회의체 일정",
      .description = "한 회의체의 회의 일정(장소·개최지 포함)을 보여 주고, 취소된 회의는 달력에서 지웁니다.",
      .subjects =
          [](const platform::ServiceContext& svc) {
            std::vector<platform::calendar::CalendarFeedSubject> out;
            if (auto bodies = list_bodies(svc))
              for (const auto& b : *bodies) out.push_back({b.id, b.name});
            return out;
          },
      .may_subscribe =
          [](const platform::ServiceContext& svc, std::optional<std::int64_t> subject) {
            return subject && svc.policy.allows(svc.actor, kView) && sees_body(svc, *subject);
          },
      .feed = [](const platform::ServiceContext& svc,
                 std::optional<std::int64_t> subject) -> Result<CalendarFeed> {
        if (!subject || !sees_body(svc, *subject)) return Error::not_found(kNotFound);
        auto page = get_body(svc, *subject);
        if (!page) return page.error();
        CalendarFeed feed{.name = page->body.name};
        add_body(svc, *subject, feed.events);
        return feed;
      }};
}

platform::calendar::CalendarFeedSource person_feed_source() {
  return {.code = "meetings.person",
          .label = "내 회의",
          .description = "내가 볼 수 있는 모든 회의체의 회의 일정을 한 달력으로 보여 줍니다.",
          .may_subscribe =
              [](const platform::ServiceContext& svc, std::optional<std::int64_t> subject) {
                return !subject && svc.policy.allows(svc.actor, kView);
              },
          .feed = [](const platform::ServiceContext& svc,
                     std::optional<std::int64_t> /*subject*/) -> Result<CalendarFeed> {
            auto bodies = list_bodies(svc);
            if (!bodies) return bodies.error();
            CalendarFeed feed{.name = "내 회의"};
            for (const auto& b : *bodies) add_body(svc, b.id, feed.events);
            return feed;
          }};
}

}  // namespace sotong::meetings
