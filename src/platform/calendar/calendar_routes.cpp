// Thin handlers for the holiday calendar: /admin/holidays (the year's holidays, the working-day calculator
// and the administrator's edits) and the JSON API under /api/v1.
#include <boost/json.hpp>

#include "core/korean_text.hpp"

#include "platform/calendar/calendar_module.hpp"
#include "platform/calendar/calendar_service.hpp"
#include "platform/web/web.hpp"

namespace sotong::platform::calendar {
namespace {
using render::View;

constexpr const char* kTitle = "공휴일·근무일";
constexpr const char* kPath = "/admin/holidays";

int current_year() {
  return parse_date(format_seoul_date(now())).value_or(CivilDate{2026, 1, 1}).year;
}

std::string year_href(int year) {
  return std::string(kPath) + "?year=" + std::to_string(year);
}

/// True when a year from `a` to `b` has no holiday data (only its weekends are known).
bool beyond(const WorkingCalendar& cal, CivilDate a, CivilDate b) {
  return !cal.covers(a.year, b.year);
}

View kinds_view(std::string_view selected) {
  View list = View::list();
  for (auto k : kAllHolidayKinds) {
    list.push(View::object({{"code", holiday_kind_code(k)},
                            {"label", holiday_kind_label(k)},
                            {"selected", holiday_kind_code(k) == selected}}));
  }
  return list;
}

View record_view(const HolidayRecord& r, bool can_manage) {
  const auto& h = r.holiday;
  std::string source = "기본 자료";
  if (r.source == kSourceAdmin || r.deleted) {
    source = r.source == kSourceAdmin ? "관리자" : "기본 자료";
    if (!r.updated_by.empty()) source += " (" + r.updated_by + ", " + format_seoul_date(r.updated_at) + ")";
  }
  return View::object({{"date", format_date(h.date)},
                       {"date_label", format_date_with_weekday(h.date)},
                       {"name", h.name},
                       {"kind", holiday_kind_code(h.kind)},
                       {"kind_label", holiday_kind_label(h.kind)},
                       {"source_label", source},
                       {"weekend", is_weekend(h.date)},
                       {"statutory", h.kind == HolidayKind::statutory},
                       {"name_topic", with_particle(h.name, "은/는")},
                       {"name_object", with_particle(h.name, "을/를")},
                       {"can_manage", can_manage}});
}

boost::json::object holiday_json(const Holiday& h, std::string_view source) {
  return {
      {"date", format_date(h.date)},       {"weekday", weekday_label(h.date)},         {"name", h.name},
      {"kind", holiday_kind_code(h.kind)}, {"kind_label", holiday_kind_label(h.kind)}, {"source", source}};
}

void add_errors(View& v, std::vector<FieldError>& all, const Error& e) {
  for (const auto& f : e.fields) {
    v.set("error_" + f.field, f.message);
    all.push_back(f);
  }
}

/// Everything the holidays page shows besides the year's table: the add form and the two calculators.
struct PageState {
  int year = 0;
  HolidayInput form{"", "", std::string(holiday_kind_code(HolidayKind::temporary))};
  std::string start, days, from, to;
  std::optional<Error> form_error, year_error, add_error, between_error;
};

http::Response holidays_page(Web& web, Context& ctx, const PageState& s, int status) {
  auto rows = list_holidays(web.service(ctx), s.year);
  if (!rows) return web.error(ctx, rows.error());
  const bool can_manage = web.policy().allows(ctx.actor, kManage);
  const WorkingCalendar cal = load(web.db());

  View holidays = View::list(), deleted = View::list();
  long long count = 0, on_weekdays = 0;
  for (const auto& r : *rows) {
    if (r.deleted) {
      deleted.push(record_view(r, can_manage));
      continue;
    }
    holidays.push(record_view(r, can_manage));
    ++count;
    if (!is_weekend(r.holiday.date)) ++on_weekdays;
  }
  const int this_year = current_year();
  const int low =
      std::max(kFirstYear, std::min({cal.first_year().value_or(this_year), this_year, s.year}) - 1);
  const int high =
      std::min(kLastYear, std::max({cal.last_year().value_or(this_year), this_year, s.year}) + 1);
  View years = View::list();
  for (int y = low; y <= high; ++y) years.push(View::object({{"value", y}, {"selected", y == s.year}}));

  View v = View::object({{"year", s.year},
                         {"years", years},
                         {"prev_href", year_href(std::max(kFirstYear, s.year - 1))},
                         {"next_href", year_href(std::min(kLastYear, s.year + 1))},
                         {"holidays", holidays},
                         {"deleted", deleted},
                         {"has_deleted", !deleted.empty_list() && can_manage},
                         {"count", count},
                         {"on_weekdays", on_weekdays},
                         {"working_days", cal.working_days_between({s.year - 1, 12, 31}, {s.year, 12, 31})},
                         {"year_beyond", !cal.covers(s.year, s.year)},
                         {"can_manage", can_manage},
                         {"form_date", s.form.date},
                         {"form_name", s.form.name},
                         {"kinds", kinds_view(s.form.kind)},
                         {"start", s.start},
                         {"days", s.days},
                         {"from", s.from},
                         {"to", s.to}});

  std::vector<FieldError> errors;
  for (const auto* e : {&s.year_error, &s.form_error, &s.add_error, &s.between_error}) {
    if (*e) add_errors(v, errors, **e);
  }
  v.set("errors", errors_view(errors));

  if (!s.add_error && (!s.start.empty() || !s.days.empty())) {
    if (auto q = read_add_query(s.start, s.days)) {
      const CivilDate result = cal.add_working_days(q->start, q->days);
      v.set("add_result", View::object({{"start_label", format_date_with_weekday(q->start)},
                                        {"days", q->days},
                                        {"result_label", format_date_with_weekday(result)},
                                        {"beyond", beyond(cal, q->start, result)}}));
    }
  }
  if (!s.between_error && (!s.from.empty() || !s.to.empty())) {
    if (auto q = read_between_query(s.from, s.to)) {
      v.set("between_result", View::object({{"from_label", format_date_with_weekday(q->from)},
                                            {"to_label", format_date_with_weekday(q->to)},
                                            {"count", cal.working_days_between(q->from, q->to)},
                                            {"backwards", day_number(q->to) < day_number(q->from)},
                                            {"beyond", beyond(cal, q->from, q->to)}}));
    }
  }
  return web.render(ctx, "calendar/holidays", v, {kTitle, {{kTitle, ""}}, {}}, status);
}

http::Response edit_page(Web& web, Context& ctx, const HolidayRecord& r, const HolidayInput& in,
                         const std::vector<FieldError>& errors, int status) {
  View v = View::object({{"date", format_date(r.holiday.date)},
                         {"date_label", format_date_with_weekday(r.holiday.date)},
                         {"name", in.name},
                         {"kinds", kinds_view(in.kind)},
                         {"back_href", year_href(r.holiday.date.year)},
                         {"errors", errors_view(errors)}});
  for (const auto& e : errors) v.set("error_" + e.field, e.message);
  const std::string title = "공휴일 수정";
  return web.render(ctx, "calendar/edit", v,
                    {title, {{kTitle, year_href(r.holiday.date.year)}, {title, ""}}, {}}, status);
}

std::optional<CivilDate> date_param(Context& ctx) {
  return parse_date(ctx.request.param("date"));
}

Error missing() {
  return Error::not_found("해당 날짜의 공휴일을 찾을 수 없습니다.");
}

std::string json_text(const boost::json::value& v) {
  return boost::json::serialize(v);
}

/// The year asked for (?year=), or this year when none is given.
Result<int> year_param(const Context& ctx) {
  if (!ctx.query.has("year") || ctx.query.get("year").empty()) return current_year();
  return read_year(ctx.query.get("year"));
}
/// Deleting and restoring answer on the year's page, with the reason when refused.
http::Response change_holiday(Web& web, Context& ctx, bool deleting) {
  auto date = date_param(ctx);
  if (!date) return web.error(ctx, missing());
  auto done = deleting ? delete_holiday(web.service(ctx), *date) : restore_holiday(web.service(ctx), *date);
  if (!done) return web.redirect_with(ctx, year_href(date->year), {"danger", done.error().message});
  return web.redirect_with(
      ctx, year_href(date->year),
      {"success", std::string(deleting ? "공휴일을 삭제했습니다: " : "공휴일을 되살렸습니다: ") +
                      format_date_with_weekday(*date)});
}

http::Response delete_action(Web& web, Context& ctx) {
  auto date = date_param(ctx);
  if (!date) return web.error(ctx, missing());
  auto record = get_holiday(web.service(ctx), *date);
  if (!record) return change_holiday(web, ctx, true);  // says, on the year's page, that there is none
  const Holiday& h = record->holiday;
  const std::string day = format_date_with_weekday(h.date) + " ";
  std::string message = h.kind == HolidayKind::statutory
                            ? day + with_particle(h.name, "은/는") +
                                  " 법정 공휴일입니다. 삭제하면 이날이 근무일로 계산되어, 이날을 지나는 모든 "
                                  "기한이 하루씩 당겨집니다."
                            : day + with_particle(h.name, "을/를") + " 삭제하면 이날이 근무일로 계산됩니다.";
  message += " 삭제한 공휴일은 이 화면에서 되살릴 수 있습니다.";
  if (auto page = web.ask_first(ctx, {"공휴일을 삭제할까요?", message, "삭제", year_href(h.date.year)}))
    return std::move(*page);
  return change_holiday(web, ctx, true);
}

http::Response restore_action(Web& web, Context& ctx) {
  return change_holiday(web, ctx, false);
}

http::Response year_page(Web& web, Context& ctx) {
  PageState s;
  int status = 200;
  auto year = year_param(ctx);
  if (year) {
    s.year = *year;
  } else {
    s.year = current_year();
    s.year_error = year.error();
    status = 422;
  }
  s.start = ctx.query.get("start");
  s.days = ctx.query.get("days");
  s.from = ctx.query.get("from");
  s.to = ctx.query.get("to");
  // Each calculator form carries the other's values, so both results stay; empty ones are not asked for.
  const std::string calc = ctx.query.get("calc");
  if (calc == "add" || !s.start.empty() || !s.days.empty()) {
    if (auto q = read_add_query(s.start, s.days); !q) {
      s.add_error = q.error();
      status = 422;
    }
  }
  if (calc == "between" || !s.from.empty() || !s.to.empty()) {
    if (auto q = read_between_query(s.from, s.to); !q) {
      s.between_error = q.error();
      status = 422;
    }
  }
  return holidays_page(web, ctx, s, status);
}

http::Response add_action(Web& web, Context& ctx) {
  const HolidayInput in{ctx.form.get("date"), ctx.form.get("name"), ctx.form.get("kind")};
  auto added = add_holiday(web.service(ctx), in);
  if (!added) {
    if (added.error().fields.empty()) return web.error(ctx, added.error());
    PageState s;
    s.year = parse_date(in.date).value_or(CivilDate{current_year(), 1, 1}).year;
    s.form = in;
    s.form_error = added.error();
    return holidays_page(web, ctx, s, 422);
  }
  const CivilDate date = *parse_date(in.date);
  return web.redirect_with(ctx, year_href(date.year),
                           {"success", "공휴일을 등록했습니다: " + format_date_with_weekday(date)});
}

http::Response edit_page(Web& web, Context& ctx) {
  auto date = date_param(ctx);
  if (!date) return web.error(ctx, missing());
  auto found = get_holiday(web.service(ctx), *date);
  if (!found) return web.error(ctx, found.error());
  if (found->deleted) return web.error(ctx, missing());
  const HolidayInput in{format_date(*date), found->holiday.name,
                        std::string(holiday_kind_code(found->holiday.kind))};
  return edit_page(web, ctx, *found, in, {}, 200);
}

http::Response update_action(Web& web, Context& ctx) {
  auto date = date_param(ctx);
  if (!date) return web.error(ctx, missing());
  const HolidayInput in{format_date(*date), ctx.form.get("name"), ctx.form.get("kind")};
  auto updated = update_holiday(web.service(ctx), *date, in);
  if (!updated) {
    auto found = get_holiday(web.service(ctx), *date);
    if (updated.error().fields.empty() || !found) return web.error(ctx, updated.error());
    return edit_page(web, ctx, *found, in, updated.error().fields, 422);
  }
  return web.redirect_with(ctx, year_href(date->year),
                           {"success", "공휴일을 수정했습니다: " + format_date_with_weekday(*date)});
}

http::Response holidays_api(Web& web, Context& ctx) {
  auto year = year_param(ctx);
  if (!year) return web.error(ctx, year.error());
  auto rows = list_holidays(web.service(ctx), *year);
  if (!rows) return web.error(ctx, rows.error());
  boost::json::array items;
  for (const auto& r : *rows) {
    if (!r.deleted) items.push_back(holiday_json(r.holiday, r.source));
  }
  const WorkingCalendar cal = load(web.db());
  return web.json(ctx, json_text(boost::json::object{
                           {"year", *year},
                           {"working_days", cal.working_days_between({*year - 1, 12, 31}, {*year, 12, 31})},
                           {"items", items}}));
}

http::Response add_working_days_api(Web& web, Context& ctx) {
  auto q = read_add_query(ctx.query.get("start"), ctx.query.get("days"));
  if (!q) return web.error(ctx, q.error());
  const WorkingCalendar cal = load(web.db());
  const CivilDate result = cal.add_working_days(q->start, q->days);
  return web.json(ctx, json_text(boost::json::object{{"start", format_date(q->start)},
                                                     {"days", q->days},
                                                     {"date", format_date(result)},
                                                     {"weekday", weekday_label(result)},
                                                     {"beyond_calendar", beyond(cal, q->start, result)}}));
}

http::Response working_days_between_api(Web& web, Context& ctx) {
  auto q = read_between_query(ctx.query.get("from"), ctx.query.get("to"));
  if (!q) return web.error(ctx, q.error());
  const WorkingCalendar cal = load(web.db());
  return web.json(ctx,
                  json_text(boost::json::object{{"from", format_date(q->from)},
                                                {"to", format_date(q->to)},
                                                {"working_days", cal.working_days_between(q->from, q->to)},
                                                {"beyond_calendar", beyond(cal, q->from, q->to)}}));
}

}  // namespace

std::vector<RouteSpec> routes() {
  return {
      {"GET", kPath, kView, year_page},
      {"POST", kPath, kManage, add_action},
      {"GET", std::string(kPath) + "/{date}/edit", kManage, edit_page},
      {"POST", std::string(kPath) + "/{date}", kManage, update_action},
      {"POST", std::string(kPath) + "/{date}/delete", kManage, delete_action},
      {"POST", std::string(kPath) + "/{date}/restore", kManage, restore_action},
      {"GET", "/api/v1/holidays", kView, holidays_api, RouteKind::api},
      {"GET", "/api/v1/working-days/add", kView, add_working_days_api, RouteKind::api},
      {"GET", "/api/v1/working-days/between", kView, working_days_between_api, RouteKind::api},
  };
}

}  // namespace sotong::platform::calendar
