#include "modules/meetings/meeting_demo.hpp"

#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "modules/meetings/meeting_agenda_service.hpp"
#include "modules/meetings/meeting_attendance_service.hpp"
#include "modules/meetings/meeting_service.hpp"
#include "modules/meetings/meeting_workshop_demo.hpp"
#include "platform/accounts/session_store.hpp"
#include "platform/calendar/holiday.hpp"

namespace sotong::meetings {
namespace {

/// The demo coordinator, who runs every body's meetings.
std::optional<Actor> coordinator(store::Database& db) {
  return platform::sessions::load_actor_by_login(db, "coordinator");
}

std::string iso(CivilDate d) {
  return platform::calendar::format_date(d);
}

/// What each held meeting discussed, in turn (the body's name comes first in the title).
constexpr const char* kTopics[] = {"주요 현안 보고", "시·군 건의 과제 추진상황", "국비 확보 공조 방안",
                                   "현장 애로사항 청취", "하반기 협력 과제 점검"};

/// One held meeting carried through; `n` picks the topic, who is absent and whether the action is done.
void carry_through(const platform::ServiceContext& svc, const Body& body, const Meeting& meeting, int n,
                   CivilDate today) {
  const std::string topic = kTopics[n % 5];
  (void)propose_entry(svc, meeting.id, {body.name + " " + topic, body.secretariat_id, "20"});
  if (!body.review_level.empty()) {
    // A matter due for review at the body's level before the meeting, when the suggestions list one.
    if (auto page = get_meeting(svc, meeting.id); page && !page->suggested.empty())
      (void)add_review_entry(svc, meeting.id, page->suggested.front().source, page->suggested.front().id);
  }
  if (!publish_agenda(svc, meeting.id)) return;

  if (auto attendance = get_attendance(svc, meeting.id)) {
    std::vector<std::pair<std::int64_t, std::string>> answers;
    int k = 0;
    // Nearly everyone attends; one organisation in seven, turn by turn, does not.
    for (const auto& row : attendance->rows)
      answers.emplace_back(row.invitation.organization_id, (k++ + n) % 7 == 6 ? "no" : "yes");
    (void)record_attendance(svc, meeting.id, answers);
  }
  // A workshop's programme and the opinions collected there, before its minutes are confirmed.
  if (body.kind == BodyKind::workshop) fill_demo_workshop(svc, body, meeting, n);

  auto page = get_meeting(svc, meeting.id);
  if (!page) return;
  std::optional<std::int64_t> first_entry;
  for (const auto& entry : page->entries) {
    if (entry.status != EntryStatus::accepted) continue;
    MinutesInput minutes;
    minutes.discussion = "담당 기관이 추진 경과를 보고하고 참석 기관이 의견을 나눔.";
    minutes.decision = "보고 내용대로 추진하고 다음 회의에서 추진상황을 점검함.";
    if (entry.source == EntrySource::review) {
      minutes.decision = "관련 실국과 시·군이 협의해 계속 추진하기로 함.";
      minutes.next_review = iso(platform::calendar::add_days(meeting.date, 91));
    }
    if (record_minutes(svc, entry.id, minutes) && !first_entry && entry.source != EntrySource::rollover)
      first_entry = entry.id;
  }
  std::optional<std::int64_t> action;
  if (first_entry) {
    // Owned by a member in turn; due four weeks after the meeting.
    std::optional<std::int64_t> owner;
    if (!body.members.empty())
      owner = body.members[static_cast<std::size_t>(n) % body.members.size()].organization_id;
    if (auto made = add_action_item(
            svc, *first_entry,
            {topic + " 후속 조치 결과 제출", owner, iso(platform::calendar::add_days(meeting.date, 28))}))
      action = *made;
  }
  (void)confirm_minutes(svc, meeting.id);
  // Two in three are done (those whose due date has passed, late); the rest stay open and come back on the
  // body's next meeting as 추진상황 점검.
  if (action && n % 3 != 2) (void)complete_action_item(svc, *action);
  (void)today;
}

}  // namespace

void load_demo_meetings(store::Database& db, const platform::Policy& policy) {
  const auto actor = coordinator(db);
  if (!actor) return;
  const platform::ServiceContext svc{db, policy, *actor};
  const CivilDate today = seoul_today();
  auto bodies = list_bodies(svc);
  if (!bodies) return;
  for (const auto& listed : *bodies) {
    if (!generate_year(svc, listed.id, today.year)) continue;
    auto page = get_body(svc, listed.id);
    if (!page) continue;
    bool carried = false;
    for (const auto& m : page->meetings) carried = carried || m.state != MeetingState::planned;
    if (carried) continue;  // loaded before
    int n = 0;
    for (const auto& m : page->meetings) {
      if (platform::calendar::day_number(m.date) >= platform::calendar::day_number(today)) break;
      carry_through(svc, page->body, m, n++, today);
    }
  }
}

}  // namespace sotong::meetings
