// The cooperation index's pages: a campaign's evaluation report (tables, charts, comments of groups of five
// or more, the coordinator's 반영내용 and 제도개선 건의사항), its print layout and one XLSX of all its
// tables, and each bureau's feedback page.
#include "modules/surveys/index_report.hpp"
#include "modules/surveys/index_views.hpp"
#include "modules/surveys/survey_permissions.hpp"
#include "modules/surveys/surveys_routes.hpp"
#include "platform/calendar/holiday.hpp"
#include "platform/exports/exports.hpp"
#include "platform/exports/list_export.hpp"
#include "platform/organizations/organization_directory.hpp"
#include "platform/web/params.hpp"
#include "platform/web/web.hpp"

namespace sotong::surveys {
namespace {
using platform::Context;
using platform::Web;
using render::View;

View tables_view(const std::vector<platform::exports::Table>& tables) {
  View out = View::list();
  for (std::size_t i = 0; i < tables.size(); ++i)
    out.push(table_view(tables[i], "index-table-" + std::to_string(i + 1)));
  return out;
}

View notes_view(const IndexReport& r, const std::string& kind, bool may_manage) {
  View out = View::list();
  for (const auto& n : r.notes) {
    if (n.kind != kind) continue;
    out.push(View::object({{"bureau", n.bureau_name.empty() ? std::string("전체") : n.bureau_name},
                           {"text", n.text},
                           {"may_delete", may_manage},
                           {"delete_action", may_manage ? "/surveys/notes/" + std::to_string(n.id) + "/delete"
                                                        : std::string()}}));
  }
  return out;
}

/// The comments per bureau, identical ones counted once: the screen folds each bureau's away.
View comment_groups_view(const IndexReport& r) {
  View out = View::list();
  std::string bureau;
  View items = View::list();
  std::int64_t total = 0;
  auto flush = [&] {
    if (bureau.empty()) return;
    out.push(
        View::object({{"bureau", bureau}, {"comments", items}, {"count", static_cast<long long>(total)}}));
    items = View::list();
    total = 0;
  };
  for (const auto& g : group_comments(r.comments)) {
    if (g.bureau_name != bureau) {
      flush();
      bureau = g.bureau_name;
    }
    items.push(View::object({{"question", g.question},
                             {"text", g.text},
                             {"count", static_cast<long long>(g.count)},
                             {"repeated", g.count > 1}}));
    total += g.count;
  }
  flush();
  return out;
}

/// The report as the page shows it; `print` keeps every table (comments and notes too), the screen the three
/// tables of figures, with the comments folded per bureau and the notes as an editable list.
View report_view(Web& web, Context& ctx, const IndexReport& r, bool print) {
  auto tables = report_tables(r);
  constexpr std::size_t kFigureTables = 3;
  if (!print && tables.size() > kFigureTables) tables.resize(kFigureTables);
  const bool may_manage = web.policy().allows(ctx.actor, kManage);
  View bureaus = View::list();
  for (const auto& b : r.bureaus)
    bureaus.push(
        View::object({{"id", b.bureau_id},
                      {"name", b.name},
                      {"href", campaign_href(r.campaign.id) + "/bureaus/" + std::to_string(b.bureau_id)}}));
  const auto& total = r.overall.back();
  return View::object(
      {{"title", r.campaign.title},
       {"year", r.campaign.year},
       {"pilot", r.campaign.pilot},
       {"window", platform::calendar::format_date(r.campaign.opens_on) + " ~ " +
                      platform::calendar::format_date(r.campaign.closes_on)},
       {"last_year", r.last_year ? r.last_year->title : std::string()},
       {"has_last_year", r.last_year.has_value()},
       {"responses", static_cast<long long>(r.responses)},
       {"invited", static_cast<long long>(r.invited)},
       {"completed", static_cast<long long>(r.completed)},
       {"total_shown", total.shown},
       {"total_score", format_score(total.score)},
       {"total_ratio", format_ratio(total.positive_ratio)},
       {"total_change", format_change(total.change)},
       {"improvement", r.improvement_ratio ? format_ratio(*r.improvement_ratio) : std::string("-")},
       {"withheld", kWithheld},
       {"tables", tables_view(tables)},
       {"comment_groups", comment_groups_view(r)},
       {"has_comments", !r.comments.empty()},
       {"measures", notes_view(r, "measure", may_manage)},
       {"proposals", notes_view(r, "proposal", may_manage)},
       {"bureaus", bureaus},
       {"may_manage", may_manage},
       {"note_action", campaign_href(r.campaign.id) + "/notes"},
       {"print_href", campaign_href(r.campaign.id) + "/report/print"},
       {"xlsx_href", campaign_href(r.campaign.id) + "/report?format=xlsx"},
       {"campaign_href", campaign_href(r.campaign.id)},
       {"campaign_id", r.campaign.id}});
}

Result<IndexReport> report_of(Web& web, Context& ctx) {
  return platform::path_id(ctx, "협력지수 결과를 찾을 수 없습니다.").and_then([&](std::int64_t id) {
    return index_report(web.service(ctx), id);
  });
}

http::Response report_page(Web& web, Context& ctx) {
  auto report = report_of(web, ctx);
  return web.respond(ctx, std::move(report), [&](const IndexReport& r) -> http::Response {
    const auto format = platform::exports::requested_format(ctx.query);
    if (format) {
      if (!*format) return web.error(ctx, format->error());
      const auto tables = report_tables(r);
      std::size_t rows = 0;
      for (const auto& t : tables) rows += t.rows.size();
      platform::exports::record_export(
          web.db(), ctx.actor,
          {"survey_campaign", r.campaign.title + " 평가보고서", platform::exports::Format::xlsx, rows, ""});
      return platform::exports::download(tables, r.campaign.title + " 평가보고서",
                                         "cooperation-index-report");
    }
    return web.render(
        ctx, "surveys/report", report_view(web, ctx, r, false),
        {r.campaign.title + " 평가보고서",
         {{kHomeLabel, kHome}, {r.campaign.title, campaign_href(r.campaign.id)}, {"평가보고서", ""}},
         {}});
  });
}

http::Response print_page(Web& web, Context& ctx) {
  auto report = report_of(web, ctx);
  return web.respond(ctx, std::move(report), [&](const IndexReport& r) {
    View v = report_view(web, ctx, r, true);
    v.set("printed_on", platform::calendar::format_date(seoul_today()));
    return web.render(ctx, "surveys/report_print", v,
                      {r.campaign.title + " 평가보고서",
                       {{kHomeLabel, kHome}, {r.campaign.title, campaign_href(r.campaign.id)}, {"인쇄", ""}},
                       {}});
  });
}

View shown_view(const std::string& label, const ShownStat& mine, const ShownStat& average) {
  return View::object(
      {{"label", label},
       {"shown", mine.shown},
       {"score", format_score(mine.score)},
       {"value", mine.shown ? format_score(mine.score) : std::string()},
       {"average", average.shown ? format_score(average.score) : std::string("-")},
       {"average_value", average.shown ? format_score(average.score) : std::string()},
       {"gap", mine.shown && average.shown ? format_change(mine.score - average.score) : std::string("-")},
       {"ratio", format_ratio(mine.positive_ratio)},
       {"interval", format_score(mine.ci_low) + "~" + format_score(mine.ci_high)},
       {"change", format_change(mine.change)},
       {"withheld", kWithheld}});
}

View joined(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : ", ") + w;
  return out;
}

http::Response feedback_page(Web& web, Context& ctx) {
  auto campaign = platform::path_id(ctx, "협력지수 결과를 찾을 수 없습니다.");
  const auto bureau = platform::parse_id(ctx.request.param("bureau"));
  if (!campaign || !bureau) return web.error(ctx, Error::not_found("협력지수 결과를 찾을 수 없습니다."));
  auto feedback = bureau_feedback(web.service(ctx), *campaign, *bureau);
  return web.respond(ctx, std::move(feedback), [&](const BureauFeedback& f) {
    View domains = View::list();
    for (std::size_t d = 0; d < f.bureau.domains.size(); ++d)
      domains.push(shown_view(std::string(kDomains[d].label), f.bureau.domains[d], f.average[d]));
    View comments = View::list();
    for (const auto& c : f.comments)
      comments.push(View::object({{"question", c.question}, {"text", c.text}}));
    View measures = View::list();
    for (const auto& m : f.measures) measures.push(View::object({{"text", m.text}}));
    const bool coordinator = web.policy().allows(ctx.actor, kResults);
    View v = View::object(
        {{"campaign", f.campaign.title},
         {"bureau", f.bureau.name},
         {"total", shown_view("종합", f.bureau.total, f.average.back())},
         {"rank", f.bureau.rank},
         {"ranked", f.bureau.rank > 0},
         {"bureaus_ranked", static_cast<long long>(f.bureaus_ranked)},
         {"improvement",
          f.bureau.improvement_ratio ? format_ratio(*f.bureau.improvement_ratio) : std::string("-")},
         {"satisfaction", f.bureau.suggestion_satisfaction ? format_mean(*f.bureau.suggestion_satisfaction)
                                                           : std::string("-")},
         {"domains", domains},
         {"strengths", joined(f.strengths)},
         {"weaknesses", joined(f.weaknesses)},
         {"has_strengths", !f.strengths.empty()},
         {"has_weaknesses", !f.weaknesses.empty()},
         {"comments", comments},
         {"has_comments", !f.comments.empty()},
         {"measures", measures},
         {"has_measures", !f.measures.empty()},
         {"withheld", kWithheld}});
    std::vector<platform::Crumb> crumbs;
    if (coordinator)
      crumbs = {{kHomeLabel, kHome}, {f.campaign.title, campaign_href(f.campaign.id) + "/report"}};
    crumbs.push_back({f.bureau.name + " 피드백", ""});
    return web.render(ctx, "surveys/feedback", v, {f.bureau.name + " 협력지수 피드백", crumbs, {}});
  });
}

/// 「우리 실국 피드백」: the latest yearly result of the officer's own bureau.
http::Response my_feedback(Web& web, Context& ctx) {
  auto latest = latest_campaign_id(web.service(ctx));
  if (!latest) return web.error(ctx, latest.error());
  const auto bureau = web.db().read([&](store::Connection& c) {
    return platform::OrganizationDirectory::load(c).bureau_of(ctx.actor.organization_id);
  });
  if (bureau == 0) return web.error(ctx, Error::not_found("소속 실국을 찾을 수 없습니다."));
  return http::Response::redirect(campaign_href(*latest) + "/bureaus/" + std::to_string(bureau));
}

http::Response add_note_action(Web& web, Context& ctx) {
  auto id = platform::path_id(ctx, "협력지수 결과를 찾을 수 없습니다.");
  if (!id) return web.error(ctx, id.error());
  auto added = add_report_note(web.service(ctx), *id, ctx.form.get("kind"), ctx.form.get("bureau_id"),
                               ctx.form.get("text"));
  if (!added) {
    if (added.error().code != ErrorCode::invalid_input) return web.error(ctx, added.error());
    std::string message = added.error().message;
    for (const auto& f : added.error().fields) message += " " + f.message;
    return web.redirect_with(ctx, campaign_href(*id) + "/report#notes", {"danger", message});
  }
  return web.redirect_with(ctx, campaign_href(*id) + "/report#notes", {"success", "보고서에 더했습니다."});
}

http::Response delete_note_action(Web& web, Context& ctx) {
  auto id = platform::path_id(ctx, "항목을 찾을 수 없습니다.");
  if (!id) return web.error(ctx, id.error());
  const auto campaign = platform::parse_id(ctx.form.get("campaign"));
  auto removed = remove_report_note(web.service(ctx), *id);
  if (!removed) return web.error(ctx, removed.error());
  return web.redirect_with(ctx, campaign ? campaign_href(*campaign) + "/report#notes" : std::string(kHome),
                           {"success", "보고서에서 뺐습니다."});
}

}  // namespace

std::vector<platform::RouteSpec> index_routes() {
  return {
      {"GET", "/surveys/campaigns/{id}/report", kResults, report_page},
      {"GET", "/surveys/campaigns/{id}/report/print", kResults, print_page},
      {"GET", "/surveys/campaigns/{id}/bureaus/{bureau}", std::string(platform::kSignedIn), feedback_page},
      {"GET", "/surveys/feedback", kFeedback, my_feedback},
      {"POST", "/surveys/campaigns/{id}/notes", kManage, add_note_action},
      {"POST", "/surveys/notes/{id}/delete", kManage, delete_note_action},
  };
}

}  // namespace sotong::surveys
