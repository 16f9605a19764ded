// The JSON API of the survey engine and the index (/api/v1/surveys/…, in the OpenAPI document): campaigns
// with their completion per organisation, and a campaign's index with every withheld group as
// {"withheld": true} and no figure.
#include <boost/json.hpp>

#include "modules/surveys/index_report.hpp"
#include "modules/surveys/survey_campaign_service.hpp"
#include "modules/surveys/survey_permissions.hpp"
#include "modules/surveys/surveys_routes.hpp"
#include "platform/calendar/holiday.hpp"
#include "platform/web/params.hpp"
#include "platform/web/web.hpp"

namespace sotong::surveys {
namespace {
using platform::Context;
using platform::Web;
namespace json = boost::json;

json::object campaign_json(const Campaign& c) {
  json::array subjects;
  for (auto s : c.subjects) subjects.push_back(s);
  return {{"id", c.id},
          {"title", c.title},
          {"year", c.year},
          {"pilot", c.pilot},
          {"state", std::string(code_of<CampaignState>(kCampaignStates, c.state))},
          {"opens_on", platform::calendar::format_date(c.opens_on)},
          {"closes_on", platform::calendar::format_date(c.closes_on)},
          {"questionnaire_id", c.questionnaire_id},
          {"max_subjects", c.max_subjects},
          {"subjects", subjects}};
}

json::value stat_json(const ShownStat& s) {
  if (!s.shown) return json::object{{"withheld", true}};
  json::object o{{"withheld", false},
                 {"responses", s.responses},
                 {"n", s.n},
                 {"mean", s.mean},
                 {"positive_ratio", s.positive_ratio},
                 {"score", s.score},
                 {"ci_low", s.ci_low},
                 {"ci_high", s.ci_high}};
  o["change"] = s.change ? json::value(*s.change) : json::value(nullptr);
  return o;
}

json::object domains_json(const std::vector<ShownStat>& stats) {
  json::object out;
  for (std::size_t d = 0; d < stats.size() && d < kDomains.size(); ++d)
    out[std::string(kDomains[d].code)] = stat_json(stats[d]);
  return out;
}

http::Response api_campaigns(Web& web, Context& ctx) {
  auto list = list_campaigns(web.service(ctx));
  return web.respond(ctx, std::move(list), [&](const std::vector<Campaign>& campaigns) {
    json::array items;
    for (const auto& c : campaigns) items.push_back(campaign_json(c));
    return web.json(ctx, json::serialize(json::object{{"items", items}}));
  });
}

http::Response api_campaign(Web& web, Context& ctx) {
  auto overview = platform::path_id(ctx, "설문조사를 찾을 수 없습니다.").and_then([&](std::int64_t id) {
    return get_campaign(web.service(ctx), id);
  });
  return web.respond(ctx, std::move(overview), [&](const CampaignOverview& o) {
    json::object out = campaign_json(o.campaign);
    json::array completion;
    for (const auto& row : o.completion)
      completion.push_back(json::object{{"organization_id", row.organization_id},
                                        {"organization_name", row.organization_name},
                                        {"invited", row.invited},
                                        {"completed", row.completed}});
    out["completion"] = completion;
    out["invited"] = o.invited;
    out["completed"] = o.completed;
    out["responses"] = o.responses;
    return web.json(ctx, json::serialize(out));
  });
}

http::Response api_index(Web& web, Context& ctx) {
  auto report = platform::path_id(ctx, "협력지수 결과를 찾을 수 없습니다.").and_then([&](std::int64_t id) {
    return index_report(web.service(ctx), id);
  });
  return web.respond(ctx, std::move(report), [&](const IndexReport& r) {
    json::array bureaus;
    for (const auto& b : r.bureaus) {
      json::object o{{"bureau_id", b.bureau_id},
                     {"name", b.name},
                     {"total", stat_json(b.total)},
                     {"domains", domains_json(b.domains)}};
      o["rank"] = b.rank > 0 ? json::value(b.rank) : json::value(nullptr);
      o["improvement_ratio"] = b.improvement_ratio ? json::value(*b.improvement_ratio) : json::value(nullptr);
      o["suggestion_satisfaction"] =
          b.suggestion_satisfaction ? json::value(*b.suggestion_satisfaction) : json::value(nullptr);
      bureaus.push_back(std::move(o));
    }
    json::array alpha;
    for (const auto& a : r.alpha)
      alpha.push_back(json::object{{"domain", std::string(kDomains[static_cast<std::size_t>(a.domain)].code)},
                                   {"n", a.n},
                                   {"alpha", a.alpha ? json::value(*a.alpha) : json::value(nullptr)}});
    json::array comments;
    for (const auto& c : r.comments)
      comments.push_back(
          json::object{{"bureau_id", c.bureau_id}, {"question", c.question}, {"text", c.text}});
    json::object out{{"campaign", campaign_json(r.campaign)},
                     {"total", stat_json(r.overall.back())},
                     {"domains", domains_json(r.overall)},
                     {"alpha", alpha},
                     {"bureaus", bureaus},
                     {"comments", comments}};
    return web.json(ctx, json::serialize(out));
  });
}

http::Response api_feedback(Web& web, Context& ctx) {
  auto campaign = platform::path_id(ctx, "협력지수 결과를 찾을 수 없습니다.");
  const auto bureau = platform::parse_id(ctx.request.param("bureau"));
  if (!campaign || !bureau) return web.error(ctx, Error::not_found("협력지수 결과를 찾을 수 없습니다."));
  auto feedback = bureau_feedback(web.service(ctx), *campaign, *bureau);
  return web.respond(ctx, std::move(feedback), [&](const BureauFeedback& f) {
    json::array strengths, weaknesses, comments;
    for (const auto& s : f.strengths) strengths.push_back(json::string(s));
    for (const auto& s : f.weaknesses) weaknesses.push_back(json::string(s));
    for (const auto& c : f.comments)
      comments.push_back(json::object{{"question", c.question}, {"text", c.text}});
    json::object out{{"campaign", campaign_json(f.campaign)},
                     {"bureau_id", f.bureau.bureau_id},
                     {"name", f.bureau.name},
                     {"total", stat_json(f.bureau.total)},
                     {"domains", domains_json(f.bureau.domains)},
                     {"average", domains_json(f.average)},
                     {"strengths", strengths},
                     {"weaknesses", weaknesses},
                     {"comments", comments}};
    out["rank"] = f.bureau.rank > 0 ? json::value(f.bureau.rank) : json::value(nullptr);
    return web.json(ctx, json::serialize(out));
  });
}

}  // namespace

std::vector<platform::RouteSpec> api_routes() {
  using platform::RouteKind;
  return {
      {"GET", "/api/v1/surveys/campaigns", kManage, api_campaigns, RouteKind::api},
      {"GET", "/api/v1/surveys/campaigns/{id}", kManage, api_campaign, RouteKind::api},
      {"GET", "/api/v1/surveys/campaigns/{id}/index", kResults, api_index, RouteKind::api},
      {"GET", "/api/v1/surveys/campaigns/{id}/bureaus/{bureau}", std::string(platform::kSignedIn),
       api_feedback, RouteKind::api},
  };
}

}  // namespace sotong::surveys
