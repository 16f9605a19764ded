#include "platform/calendar/calendar_module.hpp"

#include <map>

#include "platform/calendar/calendar_service.hpp"
#include "platform/calendar/feed_rules.hpp"
#include "platform/calendar/feed_service.hpp"
#include "platform/calendar/holiday_store.hpp"

namespace sotong::embedded {
std::vector<EmbeddedFile> calendar();
}

namespace sotong::platform::calendar {
namespace {

/// Holidays in force by their history id (the date as 20261003); their year's page lists them.
std::map<std::int64_t, HistoryRecord> history_records(store::Connection& c,
                                                      const std::vector<std::int64_t>& ids) {
  std::map<std::int64_t, HistoryRecord> out;
  for (std::int64_t id : ids) {
    const CivilDate date{static_cast<int>(id / 10000), static_cast<int>(id / 100 % 100),
                         static_cast<int>(id % 100)};
    if (!parse_date(format_date(date))) continue;  // not a real date, so no holiday's id
    const auto found = holiday_store::find(c, date);
    if (found && !found->deleted)
      out[id] = {format_date(date) + " " + found->holiday.name,
                 "/admin/holidays?year=" + std::to_string(date.year), kView};
  }
  return out;
}

HistoryVocabulary history_vocabulary() {
  std::vector<Label> kinds;
  for (auto k : kAllHolidayKinds)
    kinds.push_back({std::string(holiday_kind_code(k)), std::string(holiday_kind_label(k))});
  return {.record_type = "holiday",
          .label = "공휴일",
          .fields = {{"date", "날짜"},
                     {"name", "이름"},
                     {.code = "kind", .label = "종류", .values = kinds},
                     {.code = "source",
                      .label = "자료",
                      .values = {{kSourceShipped, "기본 자료"}, {kSourceAdmin, "관리자"}}},
                     {"deleted", "삭제됨"}},
          .actions = {{"restore", "되살리기"}},
          .name_field = "name",
          .records = history_records};
}

/// Subscription addresses by their history id: named by what they were made for; they have no page of their
/// own to link to.
std::map<std::int64_t, HistoryRecord> feed_history_records(store::Connection& c,
                                                           const std::vector<std::int64_t>& ids) {
  std::map<std::int64_t, HistoryRecord> out;
  for (std::int64_t id : ids) {
    if (const auto feed = feed_store::find(c, id)) out[id] = {"일정 구독: " + feed->label, "", ""};
  }
  return out;
}

HistoryVocabulary feed_history_vocabulary() {
  return {.record_type = kFeedRecord,
          .label = "일정 구독 주소",
          .fields = {{"label", "구독 대상"}, {"subject_id", "구독 대상 번호"}, {"revoked", "폐기됨"}},
          .actions = {{"revoke", "폐기"}},
          .name_field = "label",
          .records = feed_history_records};
}

/// The holidays from a year ago to the end of the shipped data, deleted ones as cancelled events.
Result<CalendarFeed> holiday_feed(const ServiceContext& svc, std::optional<std::int64_t> /*subject*/) {
  const int year = seoul_today().year;
  auto records = svc.db.read([&](store::Connection& c) {
    return holiday_store::between(c, {year - 1, 1, 1}, {kLastYear, 12, 31});
  });
  return CalendarFeed{.name = "공휴일", .events = holiday_events(records)};
}

}  // namespace

CalendarFeedSource holiday_feed_source() {
  return {.code = "holidays",
          .label = "공휴일",
          .description = "관공서 공휴일(대체공휴일·선거일·임시공휴일 포함)을 종일 일정으로 보여 줍니다.",
          .may_subscribe =
              [](const ServiceContext& svc, std::optional<std::int64_t> subject) {
                return !subject && svc.policy.allows(svc.actor, kView);
              },
          .feed = holiday_feed};
}

ModuleManifest manifest() {
  ModuleManifest m;
  m.name = "calendar";
  m.title = "공휴일·근무일";
  add_embedded(m, embedded::calendar());
  m.permissions = {
      {kView, std::vector<Role>(kAllRoles.begin(), kAllRoles.end()), Scope::everywhere,
       "공휴일 달력 보기, 근무일 계산"},
      {kManage, {Role::admin}, Scope::everywhere, "공휴일 등록·수정·삭제"},
  };
  m.menu = {{"공휴일·근무일", "/admin/holidays", kView, 860,
             "공휴일을 보고, 기한을 근무일로 계산합니다(예: 오늘부터 근무일 10일 뒤)."},
            {"일정 구독", "/calendar/feeds", std::string(kSignedIn), 861,
             "공휴일 같은 일정을 Outlook·Google 캘린더에서 구독할 주소를 만들고 폐기합니다."}};
  m.routes = routes();
  for (auto& r : feed_routes()) m.routes.push_back(std::move(r));
  m.history = {history_vocabulary(), feed_history_vocabulary()};
  m.calendar_feeds = {holiday_feed_source()};
  m.seed = [](store::Database& db) { seed(db); };
  return m;
}

}  // namespace sotong::platform::calendar
