// Thin handlers for /api/v1/indicators: the definitions a person may read and one indicator's yearly figures.
#include "platform/indicators/indicators_routes.hpp"

#include <boost/json.hpp>
#include <charconv>

#include "core/clock.hpp"
#include "platform/indicators/indicators.hpp"
#include "platform/web/web.hpp"

namespace sotong::platform::indicators {
namespace {

boost::json::object definition_json(const Indicator& i) {
  return {{"code", i.code},
          {"label", i.label},
          {"unit", i.unit},
          {"method", i.method},
          {"period", "calendar_year"}};
}

/// The year of the query (?year=2026), this Korean year when absent.
Result<int> year_of(const Context& ctx) {
  const std::string text = ctx.query.get("year");
  if (text.empty()) return seoul_today().year;
  int year = 0;
  auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), year);
  if (ec != std::errc{} || p != text.data() + text.size())
    return Error::invalid("연도가 올바르지 않습니다.", {{"year", "네 자리 숫자로 입력해 주십시오."}});
  return year;
}

http::Response list_indicators(Web& web, Context& ctx) {
  boost::json::array items;
  for (const auto& i : readable(web.service(ctx))) items.push_back(definition_json(i));
  return web.json(ctx, boost::json::serialize(boost::json::object{{"items", items}}));
}

http::Response get_indicator(Web& web, Context& ctx) {
  const std::string code = ctx.request.param("code");
  auto year = year_of(ctx);
  if (!year) return web.error(ctx, year.error());
  return web.respond(ctx, compute(web.service(ctx), code, *year), [&](const Figures& figures) {
    boost::json::object body = definition_json(figures.indicator);
    body["year"] = *year;
    boost::json::array items;
    for (const auto& v : figures.values)
      items.push_back({{"organization_id", v.organization_id}, {"value", v.value}});
    body["values"] = items;
    return web.json(ctx, boost::json::serialize(body));
  });
}

}  // namespace

std::vector<RouteSpec> routes() {
  return {
      {"GET", "/api/v1/indicators", std::string(kSignedIn), list_indicators, RouteKind::api},
      {"GET", "/api/v1/indicators/{code}", std::string(kSignedIn), get_indicator, RouteKind::api},
  };
}

}  // namespace sotong::platform::indicators
