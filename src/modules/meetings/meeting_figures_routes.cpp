// Thin handlers of the figures (성과 지표) of 회의 (meetings): the page, each of its tables as CSV or XLSX
// (?table=…&format=…), and the home card. The page and the files are made from the same tables.
#include "modules/meetings/meeting_figures_routes.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <string>

#include "modules/meetings/meeting_figures_service.hpp"
#include "modules/meetings/meeting_permissions.hpp"
#include "platform/exports/list_export.hpp"
#include "platform/web/web.hpp"

namespace sotong::meetings {
namespace {
using platform::Context;
using platform::Web;
using platform::exports::Column;
using platform::exports::ColumnKind;
using platform::exports::Table;
using render::View;

constexpr const char* kPagePath = "/meetings/figures";
constexpr std::array<const char*, 4> kTables = {"bodies", "organizations", "actions", "suggestions"};

Result<int> read_figures_year(const http::Form& query) {
  const std::string text = query.get("year");
  if (text.empty()) return seoul_today().year;
  int year = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), year);
  if (ec != std::errc() || end != text.data() + text.size() || text.size() != 4)
    return Error::invalid("연도가 올바르지 않습니다. 연도는 2026처럼 네 자리 숫자로 입력해 주십시오.",
                          {{"year", "연도는 2026처럼 네 자리 숫자로 입력해 주십시오."}});
  return year;
}

Column number(std::string header) {
  return {std::move(header), 0, ColumnKind::number};
}

/// One of the page's tables, as the page shows it and the file holds it; the first column names the row.
Table figure_table(const MeetingFigures& f, std::string_view which) {
  const std::string year = std::to_string(f.year) + "년 ";
  Table t;
  if (which == "bodies") {
    t.title = year + "회의체별 회의 개최";
    t.columns = {{"회의체", 0, ColumnKind::text},
                 number("예정"),
                 number("개최"),
                 number("회의록 확정"),
                 number("취소"),
                 number("개최율(%)"),
                 number("채택 안건")};
    for (const auto& b : f.bodies)
      t.rows.push_back({b.name, std::to_string(b.planned), std::to_string(b.held),
                        std::to_string(b.confirmed), std::to_string(b.cancelled), percent(b.held, b.planned),
                        std::to_string(b.entries)});
  } else if (which == "organizations") {
    t.title = year + "기관별 회의 참여";
    t.columns = {{"기관", 0, ColumnKind::text}, number("참여 회의체"), number("개최 회의"),
                 number("출석 기록 회의"),      number("출석"),        number("출석률(%)"),
                 number("제안·발표 안건")};
    for (const auto& o : f.organizations)
      t.rows.push_back({o.name, std::to_string(o.bodies), std::to_string(o.held), std::to_string(o.recorded),
                        std::to_string(o.attended), percent(o.attended, o.recorded),
                        std::to_string(o.entries)});
  } else if (which == "actions") {
    t.title = year + "조치사항 이행";
    t.columns = {{"구분", 0, ColumnKind::text}, number("건수")};
    t.rows = {{"기한 안에 완료", std::to_string(f.actions.on_time)},
              {"기한을 넘겨 완료", std::to_string(f.actions.late)},
              {"추진 중", std::to_string(f.actions.open)},
              {"추진 중 기한 지남", std::to_string(f.actions.overdue)}};
  } else {
    t.title = year + "회의에서 다룬 건의사항";
    t.columns = {{"구분", 0, ColumnKind::text}, number("건수")};
    t.rows = {{"회의에서 점검한 건의", std::to_string(f.reviewed)},
              {"결정을 적은 건의", std::to_string(f.decided)}};
  }
  return t;
}

/// The cell's value for the charts: the number itself ("75.0%" → 75.0); empty for "-".
std::string chart_value(const std::string& text) {
  if (text == "-") return "";
  return text.ends_with('%') ? text.substr(0, text.size() - 1) : text;
}

View table_view(const MeetingFigures& f, const char* code, const std::string& note, const std::string& chart,
                const std::string& chart_columns, const std::string& chart_unit = "건") {
  using platform::exports::Format;
  const Table t = figure_table(f, code);
  View headers = View::list();
  for (std::size_t i = 1; i < t.columns.size(); ++i)
    headers.push(View::object({{"label", t.columns[i].header}}));
  View rows = View::list();
  for (const auto& r : t.rows) {
    View cells = View::list();
    for (std::size_t i = 1; i < r.size(); ++i)
      cells.push(View::object({{"text", r[i]}, {"value", chart_value(r[i])}}));
    rows.push(View::object({{"head", r[0]}, {"cells", cells}}));
  }
  const std::string query = "year=" + std::to_string(f.year) + "&table=" + code;
  View v = View::object({{"id", std::string("figures-") + code},
                         {"title", t.title},
                         {"caption", t.title + ". " + note},
                         {"first", t.columns[0].header},
                         {"headers", headers},
                         {"rows", rows},
                         {"span", static_cast<long long>(t.columns.size())},
                         {"csv_href", platform::exports::export_href(kPagePath, query, Format::csv)},
                         {"xlsx_href", platform::exports::export_href(kPagePath, query, Format::xlsx)}});
  if (!chart.empty())
    v.set("chart", View::object({{"label", chart},
                                 {"table", std::string("figures-") + code},
                                 {"columns", chart_columns},
                                 {"unit", chart_unit}}));
  return v;
}

/// The home card's three figures (the page shows them above its tables).
View card_view(const MeetingFigures& f) {
  return View::object({{"year", static_cast<long long>(f.year)},
                       {"held", static_cast<long long>(f.held)},
                       {"on_time_rate", percent(f.actions.on_time, f.actions.on_time + f.actions.late)},
                       {"decided", static_cast<long long>(f.decided)}});
}

View figures_view(const MeetingFigures& f) {
  View tables = View::list();
  tables.push(table_view(f, "bodies", "취소하지 않은 회의를 예정으로, 개최와 회의록 확정을 개최로 셉니다.",
                         "회의체별 개최 회의 수", "2"));
  tables.push(
      table_view(f, "organizations",
                 "기관이 위원이나 간사로 있는 회의체의 개최 회의, 간사가 출석을 기록한 회의와 그 가운데 "
                 "출석한 회의(대리참석 포함), 그 기관이 제안하거나 발표한 채택 안건을 셉니다.",
                 "기관별 출석률", "5", "%"));
  tables.push(table_view(f, "actions", "그해 회의에서 정한 조치사항을 완료일(한국 날짜)과 기한으로 나눕니다.",
                         "조치사항 이행 건수", "1"));
  tables.push(
      table_view(f, "suggestions", "개최한 회의에 점검 대상으로 올라 채택된 건의사항입니다.", "", ""));
  View v = card_view(f);
  v.set("tables", tables);
  return v;
}

http::Response figures_page(Web& web, Context& ctx) {
  auto year = read_figures_year(ctx.query);
  if (!year) return web.error(ctx, year.error());
  return web.respond(ctx, year_figures(web.service(ctx), *year), [&](const MeetingFigures& f) {
    if (platform::exports::requested_format(ctx.query)) {
      const std::string which = ctx.query.get("table");
      if (std::find(kTables.begin(), kTables.end(), which) == kTables.end())
        return web.error(ctx, Error::invalid("내려받을 표가 올바르지 않습니다. 회의체별(bodies), 기관별"
                                             "(organizations), 조치사항(actions), 건의사항(suggestions) "
                                             "가운데에서 골라 주십시오.",
                                             {{"table", "내려받을 표를 골라 주십시오."}}));
      const std::string ascii = "meeting-figures-" + std::to_string(f.year) + "-" + which;
      auto table = figure_table(f, which);
      if (auto file = platform::exports::export_if_requested(web, ctx, {"meeting", table.title, ascii},
                                                             [&] { return table; }))
        return std::move(*file);
    }
    return web.render(ctx, "meetings/figures", figures_view(f),
                      {"회의 성과 지표", {{"회의", "/meetings"}, {"성과 지표", ""}}, {}});
  });
}

std::string figures_card(Web& web, const Actor& actor) {
  auto figures = year_figures({web.db(), web.policy(), actor}, seoul_today().year);
  if (!figures) return "";
  return web.render_fragment("meetings/_figures_card", card_view(*figures));
}

}  // namespace

std::vector<platform::RouteSpec> figure_routes() {
  return {{"GET", kPagePath, kView, figures_page}};
}

platform::DashboardCard figures_card_spec() {
  return {"회의 성과 지표",
          kView,
          520,
          nullptr,
          figures_card,
          "올해 연 회의, 기한 안에 끝낸 조치사항, 회의에서 결정한 건의입니다. 볼 수 있는 회의체만 셉니다."};
}

}  // namespace sotong::meetings
