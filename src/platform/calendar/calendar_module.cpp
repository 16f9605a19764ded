#include "platform/calendar/calendar_module.hpp"

#include <map>

#include "platform/calendar/calendar_service.hpp"
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

}  // namespace

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
             "공휴일을 보고, 기한을 근무일로 계산합니다(예: 오늘부터 근무일 10일 뒤)."}};
  m.routes = routes();
  m.history = {history_vocabulary()};
  m.seed = [](store::Database& db) { seed(db); };
  return m;
}

}  // namespace sotong::platform::calendar
