#include "modules/meetings/meetings_module.hpp"

#include <map>

#include "core/korean_text.hpp"
#include "modules/meetings/meeting_agenda_print_routes.hpp"
#include "modules/meetings/meeting_api_routes.hpp"
#include "modules/meetings/meeting_attendance.hpp"
#include "modules/meetings/meeting_attendance_routes.hpp"
#include "modules/meetings/meeting_calendar_routes.hpp"
#include "modules/meetings/meeting_demo.hpp"
#include "modules/meetings/meeting_feeds.hpp"
#include "modules/meetings/meeting_figures_routes.hpp"
#include "modules/meetings/meeting_minutes_reminder.hpp"
#include "modules/meetings/meeting_permissions.hpp"
#include "modules/meetings/meeting_seed.hpp"
#include "modules/meetings/meeting_store.hpp"
#include "modules/meetings/meeting_workshop.hpp"
#include "modules/meetings/meeting_workshop_routes.hpp"
#include "platform/cache/data_version.hpp"

namespace sotong::embedded {
std::vector<EmbeddedFile> meetings();
}

namespace sotong::meetings {
namespace {

std::vector<platform::Label> labels_of(const auto& terms) {
  std::vector<platform::Label> out;
  for (const auto& t : terms) out.push_back({std::string(t.code), std::string(t.label)});
  return out;
}

/// The history's names and links of bodies still kept.
std::map<std::int64_t, platform::HistoryRecord> body_records(store::Connection& c,
                                                             const std::vector<std::int64_t>& ids) {
  std::map<std::int64_t, platform::HistoryRecord> out;
  for (std::int64_t id : ids)
    if (const auto body = meeting_store::find_body(c, id))
      out[id] = {body->name, "/meetings/bodies/" + std::to_string(id), kView};
  return out;
}

std::map<std::int64_t, platform::HistoryRecord> meeting_records(store::Connection& c,
                                                                const std::vector<std::int64_t>& ids) {
  std::map<std::int64_t, platform::HistoryRecord> out;
  for (std::int64_t id : ids)
    if (const auto m = meeting_store::find_meeting(c, id))
      out[id] = {m->title, "/meetings/" + std::to_string(id), kView};
  return out;
}

}  // namespace

platform::ModuleManifest manifest() {
  platform::ModuleManifest m;
  m.name = "meetings";
  m.title = "회의";
  // The embedded migrations and templates ("meetings/bodies" …).
  platform::add_embedded(m, embedded::meetings());
  m.permissions = permissions();
  // The description is what the home page lists under "여기서 할 수 있는 일".
  m.menu = {{"회의", "/meetings", kView, 500, "회의체의 일정과 안건, 회의록을 봅니다."}};
  m.routes = routes();
  for (auto& r : agenda_routes()) m.routes.push_back(std::move(r));
  for (auto& r : attendance_routes()) m.routes.push_back(std::move(r));
  for (auto& r : agenda_print_routes()) m.routes.push_back(std::move(r));
  for (auto& r : calendar_routes()) m.routes.push_back(std::move(r));
  for (auto& r : figure_routes()) m.routes.push_back(std::move(r));
  for (auto& r : workshop_routes()) m.routes.push_back(std::move(r));
  // A workshop's case presentations own their files (seen by whoever sees the presentation).
  m.attachment_owners = {entry_attachment_owner(), presentation_attachment_owner()};
  m.cards.push_back(figures_card_spec());
  // Calendar subscriptions (/calendar/feeds): a body's meetings, and "my meetings".
  m.calendar_feeds = {body_feed_source(), person_feed_source()};
  for (auto& r : api_routes()) m.routes.push_back(std::move(r));
  m.history = {
      {.record_type = "meeting_body",
       .label = "회의체",
       .fields = {{"cadence", "회의 주기"},
                  {.code = "organization_id", .label = "기관", .refers_to = "organization"},
                  {"date", "날짜"},
                  {"reason", "사유"}},
       .actions = {{"add_member", "위원 기관 추가"}, {"block_date", "주관 불가 날짜 등록"}},
       .name_field = "",
       .records = body_records},
      {.record_type = "meeting_agenda_entry",
       .label = "안건",
       .fields = {{"title", "제목"},
                  {.code = "meeting_id", .label = "회의", .refers_to = "meeting"},
                  {"position", "순서"},
                  {.code = "status", .label = "상태", .values = labels_of(kEntryStatuses)},
                  {"discussion", "논의 내용"},
                  {"decision", "결정"},
                  {"decision_action", "결정한 처리"}},
       .actions = {{"rollover", "추진상황 점검 이월"}, {"move", "순서 변경"}, {"minutes", "회의록 기록"}},
       .name_field = "title",
       .records = nullptr},
      {.record_type = "meeting_action_item",
       .label = "조치사항",
       .fields = {{"title", "제목"},
                  {.code = "owner_id", .label = "조치 기관", .refers_to = "organization"},
                  {"due", "기한"},
                  {.code = "status", .label = "상태", .values = labels_of(kActionStatuses)}},
       .actions = {{"done", "완료"}},
       .name_field = "title",
       .records = nullptr},
      {.record_type = "meeting",
       .label = "회의",
       .fields = {{"title", "제목"},
                  {"date", "날짜"},
                  {.code = "body_id", .label = "회의체", .refers_to = "meeting_body"},
                  {.code = "host_id", .label = "주관 시·군", .refers_to = "organization"},
                  {"host_reason", "주관 사유"},
                  {.code = "state", .label = "상태", .values = labels_of(kMeetingStates)},
                  {"cancel_reason", "취소 사유"}},
       .actions = {{"host", "주관 시·군 배정"},
                   {"pin_host", "주관 시·군 지정"},
                   {"state", "상태 변경"},
                   {"cancel", "취소"}},
       .name_field = "title",
       .records = meeting_records},
      {.record_type = "meeting_attendance",
       .label = "회의 참석",
       .fields = {{.code = "meeting_id", .label = "회의", .refers_to = "meeting"},
                  {.code = "organization_id", .label = "기관", .refers_to = "organization"},
                  {.code = "rsvp", .label = "참석 회신", .values = labels_of(kRsvps)},
                  {"substitute_name", "대리참석자"},
                  {"substitute_position", "대리참석자 직위"},
                  {.code = "attended", .label = "출석", .values = {{"true", "출석"}, {"false", "불출석"}}}},
       .actions = {{"invite", "초대"}, {"rsvp", "참석 회신"}, {"attendance", "출석 기록"}},
       .name_field = "",
       .records = nullptr},
      {.record_type = "meeting_workshop_session",
       .label = "워크숍 세션",
       .fields = {{.code = "meeting_id", .label = "회의", .refers_to = "meeting"},
                  {"title", "제목"},
                  {"starts_at", "시작"},
                  {"ends_at", "끝"},
                  {"moderator", "좌장"}},
       .actions = {},
       .name_field = "title",
       .records = nullptr},
      {.record_type = "meeting_workshop_presentation",
       .label = "사례발표",
       .fields = {{.code = "meeting_id", .label = "회의", .refers_to = "meeting"},
                  {"title", "제목"},
                  {.code = "organization_id", .label = "발표 기관", .refers_to = "organization"},
                  {"presenter", "발표자"},
                  {"summary", "발표 요지"},
                  {.code = "status", .label = "상태", .values = labels_of(kPresentationStatuses)}},
       .actions = {},
       .name_field = "title",
       .records = nullptr},
      {.record_type = "meeting_workshop_opinion",
       .label = "수렴의견",
       .fields = {{.code = "meeting_id", .label = "회의", .refers_to = "meeting"},
                  {"title", "요지"},
                  {"content", "내용"},
                  {.code = "domain", .label = "정책영역", .values = labels_of(kPolicyDomains)},
                  {"organizations", "의견을 낸 기관"},
                  {.code = "source", .label = "구분", .values = labels_of(kOpinionSources)},
                  {"suggestion_href", "건의사항"}},
       .actions = {{"turn", "건의사항으로 만들기"}},
       .name_field = "title",
       .records = nullptr}};
  // On every start, and again with the demo data: that is where the shipped directory's organisations come
  // from on a fresh installation, after the seed has run.
  m.seed = [](store::Database& db) {
    seed_bodies(db);
    // The daily minutes reminder: one job queued at start whatever the number of nodes.
    db.write([](store::Connection& c) {
      ensure_minutes_reminders_scheduled(c, now());
      // Meetings written before their data version existed: mark them once, so their figures can be kept.
      platform::data_version::mark_if_unmarked(c, meeting_store::kDataVersion);
      platform::data_version::mark_if_unmarked(c, meeting_store::kBodiesDataVersion);
      return true;
    });
  };
  m.job_kinds = minutes_reminder_job_kinds();
  m.demo_data = [](store::Database& db, const platform::Policy& policy) {
    seed_bodies(db);
    load_demo_meetings(db, policy);
  };
  return m;
}

}  // namespace sotong::meetings
