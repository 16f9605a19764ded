// Thin handlers of the figures (성과 지표) of 건의사항: the page with its downloads, the JSON operation, and
// the home card. Each reads the year (and the period), asks year_figures for what the person may see, and
// renders; the policy action is kView, and the service counts only the suggestions the person may open.
#include <charconv>

#include "modules/suggestions/suggestion_figures_views.hpp"
#include "modules/suggestions/suggestion_permissions.hpp"
#include "modules/suggestions/suggestions_module.hpp"
#include "platform/exports/list_export.hpp"
#include "platform/web/web.hpp"

namespace sotong::suggestions {
namespace {
using platform::Context;
using platform::Web;

constexpr const char* kPagePath = "/suggestions/figures";

/// ?year=2026; this Korean year when absent.
Result<int> read_year(const http::Form& query) {
  const std::string text = query.get("year");
  if (text.empty()) return seoul_today().year;
  int year = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), year);
  if (ec != std::errc() || end != text.data() + text.size() || text.size() != 4)
    return Error::invalid("연도가 올바르지 않습니다.",
                          {{"year", "연도는 2026처럼 네 자리 숫자로 입력해 주십시오."}});
  return year;
}

/// ?period=year|q1…q4, the period the page's bureau and 시·군 tables show; the year when absent.
Result<std::size_t> read_period(const http::Form& query) {
  const std::string code = query.get("period");
  if (code.empty()) return kYearPeriod;
  if (auto index = figure_period_from_code(code)) return *index;
  return Error::invalid("기간이 올바르지 않습니다.",
                        {{"period", "기간은 연간(year)이나 1~4분기(q1~q4) 가운데에서 골라 주십시오."}});
}

/// The download links of each table: this year and period, the table's name and the format.
void add_download_links(render::View& v, const FigureReport& r, std::size_t period) {
  using platform::exports::Format;
  const std::string base = "year=" + std::to_string(r.year.year) + "&period=" + r.year.periods[period].code;
  for (const char* table : {"quarters", "bureaus", "municipalities"}) {
    const std::string query = base + "&table=" + table;
    v.set(std::string(table) + "_csv_href", platform::exports::export_href(kPagePath, query, Format::csv));
    v.set(std::string(table) + "_xlsx_href", platform::exports::export_href(kPagePath, query, Format::xlsx));
  }
}

/// The table asked for as a file, or nullopt when the page itself is asked for.
std::optional<http::Response> download(Web& web, Context& ctx, const FigureReport& r, std::size_t period) {
  if (!platform::exports::requested_format(ctx.query)) return std::nullopt;
  const auto which = figure_table_from_code(ctx.query.get("table"));
  if (!which)
    return web.error(ctx, Error::invalid("내려받을 표가 올바르지 않습니다.",
                                         {{"table",
                                           "분기별(quarters), 실국별(bureaus), 시·군별(municipalities) "
                                           "가운데에서 골라 주십시오."}}));
  auto table = figure_table(r, *which, period);
  const std::string ascii = "suggestion-figures-" + std::to_string(r.year.year) + "-" +
                            r.year.periods[period].code + "-" + ctx.query.get("table");
  return platform::exports::export_if_requested(web, ctx, {"suggestion", table.title, ascii},
                                                [&] { return table; });
}

http::Response figures_page(Web& web, Context& ctx) {
  auto year = read_year(ctx.query);
  if (!year) return web.error(ctx, year.error());
  auto period = read_period(ctx.query);
  if (!period) return web.error(ctx, period.error());
  return web.respond(ctx, year_figures(web.service(ctx), *year), [&](const FigureReport& r) {
    if (auto file = download(web, ctx, r, *period)) return std::move(*file);
    auto v = figures_view(r, *period);
    add_download_links(v, r, *period);
    return web.render(ctx, "suggestions/figures", v,
                      {"건의사항 성과 지표", {{"건의사항", "/suggestions"}, {"성과 지표", ""}}, {}});
  });
}

http::Response api_figures(Web& web, Context& ctx) {
  auto year = read_year(ctx.query);
  if (!year) return web.error(ctx, year.error());
  return web.respond(ctx, year_figures(web.service(ctx), *year),
                     [&](const FigureReport& r) { return web.json(ctx, figures_json(r)); });
}

/// The home card: this year's figures over what the person may see.
std::string figures_card(Web& web, const Actor& actor) {
  auto report = year_figures({web.db(), web.policy(), actor}, seoul_today().year);
  if (!report) return "";
  return web.render_fragment("suggestions/_figures_card", figures_card_view(*report));
}

}  // namespace

std::vector<platform::RouteSpec> figure_routes() {
  return {
      {"GET", kPagePath, kView, figures_page},
      {"GET", "/api/v1/suggestions/figures", kView, api_figures, platform::RouteKind::api},
  };
}

platform::DashboardCard figures_card_spec() {
  return {"건의사항 성과 지표",
          kView,
          510,
          nullptr,
          figures_card,
          "올해 접수한 건의, 의제화한 건의의 해결률과 회신 만족도입니다. 볼 수 있는 건의만 셉니다."};
}

}  // namespace sotong::suggestions
