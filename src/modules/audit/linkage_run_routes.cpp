// Thin handlers of data linkage's scenarios and runs: a scenario's page with its versions and the form that
// runs it, a new version, a run's totals per 시·군 and flagged rows (with CSV/XLSX), and one flagged row's
// evidence. The audit office only.
#include "modules/audit/audit_module.hpp"
#include "modules/audit/audit_permissions.hpp"
#include "modules/audit/dataset_service.hpp"
#include "modules/audit/field_audit_service.hpp"
#include "modules/audit/finding_service.hpp"
#include "modules/audit/linkage_handoff.hpp"
#include "modules/audit/linkage_run_service.hpp"
#include "modules/audit/linkage_views.hpp"
#include "platform/exports/exports.hpp"
#include "platform/exports/list_export.hpp"
#include "platform/web/params.hpp"
#include "platform/web/web.hpp"

namespace sotong::audit {
namespace {
using platform::Context;
using platform::Web;
using render::View;

constexpr std::int64_t kFlagsPerPage = 100;

std::string scenario_href(std::int64_t id) {
  return "/audit/linkage/scenarios/" + std::to_string(id);
}
std::string run_href(std::int64_t id) {
  return "/audit/linkage/runs/" + std::to_string(id);
}

std::string compare_words(linkage::Compare op) {
  switch (op) {
    case linkage::Compare::lt:
      return "보다 앞서거나 작음";
    case linkage::Compare::le:
      return "와 같거나 앞섬";
    case linkage::Compare::eq:
      return "와 같음";
    case linkage::Compare::ne:
      return "와 다름";
    case linkage::Compare::ge:
      return "와 같거나 뒤임";
    case linkage::Compare::gt:
      return "보다 뒤이거나 큼";
  }
  return "";
}

std::string column_label(const linkage::RoleSchema* kind, const std::string& name) {
  if (kind != nullptr)
    for (const auto& c : kind->columns)
      if (c.name == name) return c.label;
  return name;
}

/// The rule in sentences, so the auditor reads what it does without reading JSON.
View rule_lines(const ScenarioDetail& s) {
  const auto& r = s.rule;
  const auto* primary = s.roles[0];
  const auto* secondary = s.roles.size() > 1 ? s.roles[1] : nullptr;
  View lines = View::list();
  auto add = [&](std::string text) { lines.push(View(std::move(text))); };
  add("대상 자료: " + (primary ? primary->label : r.primary_role) +
      (secondary ? " × " + secondary->label : std::string()));
  for (const auto& [p, q] : r.join_keys)
    add("연결: " + column_label(primary, p) + " = " + column_label(secondary, q));
  for (const auto& c : r.conditions)
    add("조건: " + column_label(primary, c.primary_column) + "이(가) " +
        column_label(secondary, c.secondary_column) + compare_words(c.op));
  for (const auto& f : r.filters)
    add("대상 행: " + column_label(primary, f.column) + " " + compare_words(f.op) + " " + f.value);
  if (!r.group_by.empty()) {
    std::string g;
    for (const auto& c : r.group_by) g += (g.empty() ? "" : ", ") + column_label(primary, c);
    add("묶음: " + g + "이(가) 같은 행");
  }
  if (r.window_days > 0)
    add("기간: " + column_label(primary, r.date_column) + " 기준 " + std::to_string(r.window_days) + "일 안");
  if (r.kind == linkage::ScenarioKind::split)
    add("기준 금액: 한 건 " + amount_text(r.threshold) + "원 미만, 합계 " + amount_text(r.threshold) +
        "원 이상");
  if (r.kind != linkage::ScenarioKind::match) add("최소 건수: " + std::to_string(r.min_count) + "건");
  return lines;
}

View dataset_choices(const std::vector<DataSetRecord>& datasets, const linkage::RoleSchema* kind) {
  View out = View::list();
  for (const auto& d : datasets)
    if (kind != nullptr && d.kind == kind->role && !d.disposed_at)
      out.push(View::object({{"id", d.id}, {"title", d.title}, {"rows", amount_text(d.row_count)}}));
  return out;
}

http::Response scenario_page_with(Web& web, Context& ctx, const ScenarioDetail& s,
                                  const std::vector<FieldError>& errors, int status) {
  auto datasets = list_datasets(web.service(ctx));
  if (!datasets) return web.error(ctx, datasets.error());
  View versions = View::list();
  for (const auto& v : s.versions)
    versions.push(View::object({{"href", scenario_href(v.id)},
                                {"version", v.version},
                                {"current", v.id == s.version.id},
                                {"note", v.note},
                                {"by", v.created_by_name.empty() ? "기본 제공" : v.created_by_name},
                                {"at", format_seoul_minute(v.created_at)}}));
  View runs = View::list();
  for (const auto& r : s.runs)
    runs.push(View::object({{"href", run_href(r.id)},
                            {"id", r.id},
                            {"flagged", amount_text(r.flagged)},
                            {"total", amount_text(r.total_amount)},
                            {"at", format_seoul_minute(r.run_at)}}));
  const auto primary = dataset_choices(*datasets, s.roles[0]);
  const bool match = s.roles.size() > 1;
  View v = View::object({{"id", s.version.id},
                         {"title", s.version.title},
                         {"description", s.rule.description},
                         {"version", s.version.version},
                         {"lines", rule_lines(s)},
                         {"versions", std::move(versions)},
                         {"runs", std::move(runs)},
                         {"has_runs", !s.runs.empty()},
                         {"edit_href", scenario_href(s.version.id) + "/edit"},
                         {"primary_label", s.roles[0] ? s.roles[0]->label : ""},
                         {"primary_kind", s.roles[0] ? s.roles[0]->role : ""},
                         {"primary_choices", primary},
                         {"match", match},
                         {"errors", platform::errors_view(errors)}});
  if (match) {
    v.set("secondary_label", s.roles[1] ? s.roles[1]->label : "");
    v.set("secondary_kind", s.roles[1] ? s.roles[1]->role : "");
    v.set("secondary_choices", dataset_choices(*datasets, s.roles[1]));
  }
  for (const auto& e : errors) v.set("error_" + e.field, e.message);
  return web.render(ctx, "audit/linkage_scenario", v,
                    {s.version.title, linkage_crumbs({{s.version.title, ""}}), {}}, status);
}

http::Response scenario_page(Web& web, Context& ctx) {
  auto s =
      platform::path_id(ctx).and_then([&](std::int64_t id) { return get_scenario(web.service(ctx), id); });
  return web.respond(ctx, std::move(s),
                     [&](const ScenarioDetail& d) { return scenario_page_with(web, ctx, d, {}, 200); });
}

http::Response scenario_form(Web& web, Context& ctx, const ScenarioDetail& s, const ScenarioInput& input,
                             const std::vector<FieldError>& errors, int status) {
  View v = View::object({{"action", scenario_href(s.version.id)},
                         {"cancel_href", scenario_href(s.version.id)},
                         {"title", input.title},
                         {"description", input.description},
                         {"window_days", input.window_days},
                         {"threshold", input.threshold},
                         {"min_count", input.min_count},
                         {"rule_json", input.rule_json},
                         {"current_rule", s.version.rule},
                         {"note", input.note},
                         {"version", s.version.version},
                         {"errors", platform::errors_view(errors)}});
  for (const auto& e : errors) v.set("error_" + e.field, e.message);
  return web.render(ctx, "audit/linkage_scenario_form", v,
                    {"시나리오 고치기",
                     linkage_crumbs({{s.version.title, scenario_href(s.version.id)}, {"고치기", ""}}),
                     {}},
                    status);
}

http::Response edit_page(Web& web, Context& ctx) {
  auto s =
      platform::path_id(ctx).and_then([&](std::int64_t id) { return get_scenario(web.service(ctx), id); });
  return web.respond(ctx, std::move(s), [&](const ScenarioDetail& d) {
    ScenarioInput input{d.version.title,
                        d.rule.description,
                        std::to_string(d.rule.window_days),
                        std::to_string(d.rule.threshold),
                        std::to_string(d.rule.min_count),
                        "",
                        ""};
    return scenario_form(web, ctx, d, input, {}, 200);
  });
}

http::Response save_action(Web& web, Context& ctx) {
  auto svc = web.service(ctx);
  auto s = platform::path_id(ctx).and_then([&](std::int64_t id) { return get_scenario(svc, id); });
  if (!s) return web.error(ctx, s.error());
  const ScenarioInput input{ctx.form.get("title"),       ctx.form.get("description"),
                            ctx.form.get("window_days"), ctx.form.get("threshold"),
                            ctx.form.get("min_count"),   ctx.form.get("rule_json"),
                            ctx.form.get("note")};
  auto saved = save_scenario(svc, s->version.id, input);
  if (!saved)
    return web.refuse_form(ctx, saved.error(), [&](const std::vector<FieldError>& fields, int status) {
      return scenario_form(web, ctx, *s, input, fields, status);
    });
  return web.redirect_with(ctx, scenario_href(*saved), {"success", "새 판으로 저장했습니다."});
}

http::Response run_action(Web& web, Context& ctx) {
  auto svc = web.service(ctx);
  const auto scenario_id = platform::parse_id(ctx.form.get("scenario_id"));
  auto s = scenario_id ? get_scenario(svc, *scenario_id) : Result<ScenarioDetail>(Error::not_found());
  if (!s) return web.error(ctx, s.error());
  const auto primary = platform::parse_id(ctx.form.get("primary"));
  auto ran =
      run_scenario(svc, s->version.id, primary.value_or(0), platform::parse_id(ctx.form.get("secondary")));
  if (!ran)
    return web.refuse_form(ctx, ran.error(), [&](const std::vector<FieldError>& fields, int status) {
      return scenario_page_with(web, ctx, *s, fields, status);
    });
  return web.redirect_with(ctx, run_href(*ran), {"success", "분석을 마쳤습니다."});
}

platform::exports::Table flags_table(const RunDetail& d, const std::map<std::string, std::string>& names) {
  using platform::exports::ColumnKind;
  platform::exports::Table t{"분석 결과 " + std::to_string(d.run.id),
                             {{"순위", 6, ColumnKind::number},
                              {"원자료 행", 8, ColumnKind::number},
                              {"식별", 20},
                              {"시·군", 16},
                              {"금액(원)", 14, ColumnKind::number}},
                             {}};
  for (const auto& f : d.flags)
    t.rows.push_back({std::to_string(f.seq), std::to_string(f.row_number), f.label,
                      region_name(names, f.region), std::to_string(f.amount)});
  return t;
}

platform::exports::Table totals_table(const RunDetail& d, const std::map<std::string, std::string>& names) {
  using platform::exports::ColumnKind;
  platform::exports::Table t{
      "시군별 합계",
      {{"시·군", 16}, {"건수", 8, ColumnKind::number}, {"금액(원)", 16, ColumnKind::number}},
      {}};
  for (const auto& r : d.totals)
    t.rows.push_back(
        {region_name(names, r.region), std::to_string(r.flagged), std::to_string(r.total_amount)});
  return t;
}

http::Response run_page(Web& web, Context& ctx) {
  auto svc = web.service(ctx);
  auto requested = platform::exports::requested_format(ctx.query);
  if (requested && !*requested) return web.error(ctx, requested->error());
  // A plain flag and value rather than an optional: GCC 12 sees a maybe-uninitialised optional here.
  const bool exporting = requested.has_value();
  const auto format = exporting ? **requested : platform::exports::Format::csv;
  const int after = static_cast<int>(platform::parse_id(ctx.query.get("after")).value_or(0));
  auto run = platform::path_id(ctx).and_then([&](std::int64_t id) {
    return get_run(svc, id, exporting ? 0 : after, exporting ? 0 : kFlagsPerPage);
  });
  if (!run) return web.error(ctx, run.error());
  const auto names = web.db().read([](store::Connection& c) { return region_names(c); });
  if (exporting) {
    platform::exports::record_export(
        web.db(), ctx.actor,
        {"audit_linkage_run", "전산감사 결과 " + std::to_string(run->run.id), format, run->flags.size(), ""});
    const auto base = "전산감사_결과_" + std::to_string(run->run.id);
    if (format == platform::exports::Format::xlsx)
      return platform::exports::download({totals_table(*run, names), flags_table(*run, names)}, base,
                                         "linkage_run_" + std::to_string(run->run.id));
    return platform::exports::download(flags_table(*run, names), format, base,
                                       "linkage_run_" + std::to_string(run->run.id));
  }
  View totals = View::list();
  for (const auto& t : run->totals)
    totals.push(View::object({{"region", region_name(names, t.region)},
                              {"flagged", amount_text(t.flagged)},
                              {"total", amount_text(t.total_amount)}}));
  View flags = View::list();
  for (const auto& f : run->flags)
    flags.push(View::object({{"href", "/audit/linkage/flags/" + std::to_string(f.id)},
                             {"seq", f.seq},
                             {"label", f.label},
                             {"row_number", f.row_number},
                             {"region", region_name(names, f.region)},
                             {"amount", amount_text(f.amount)},
                             {"handed_off", f.finding_id.has_value()}}));
  View v = View::object({{"id", run->run.id},
                         {"scenario_title", run->scenario.title},
                         {"scenario_version", run->scenario.version},
                         {"scenario_href", scenario_href(run->scenario.id)},
                         {"primary", dataset_view(run->primary)},
                         {"flagged", amount_text(run->run.flagged)},
                         {"kept", amount_text(run->run.kept)},
                         {"partial", run->run.kept < run->run.flagged},
                         {"total", amount_text(run->run.total_amount)},
                         {"milliseconds", run->run.milliseconds},
                         {"run_by", run->run.run_by_name},
                         {"run_at", format_seoul_minute(run->run.run_at)},
                         {"totals", std::move(totals)},
                         {"has_totals", !run->totals.empty()},
                         {"flags", std::move(flags)},
                         {"csv_href", run_href(run->run.id) + "?format=csv"},
                         {"xlsx_href", run_href(run->run.id) + "?format=xlsx"}});
  if (run->secondary) v.set("secondary", dataset_view(*run->secondary));
  if (run->next_after != 0)
    v.set("next_href", run_href(run->run.id) + "?after=" + std::to_string(run->next_after));
  return web.render(ctx, "audit/linkage_run", v,
                    {"분석 결과 " + std::to_string(run->run.id),
                     linkage_crumbs({{"분석 결과 " + std::to_string(run->run.id), ""}}),
                     {}});
}

http::Response flag_view(Web& web, Context& ctx, const FlagDetail& f, const HandOffInput& input,
                         const std::vector<FieldError>& errors, int status) {
  const auto names = web.db().read([](store::Connection& c) { return region_names(c); });
  View v = evidence_view(f.flag.evidence);
  v.set("label", f.flag.label);
  v.set("seq", f.flag.seq);
  v.set("row_number", f.flag.row_number);
  v.set("region", region_name(names, f.flag.region));
  v.set("amount", amount_text(f.flag.amount));
  v.set("run_href", run_href(f.run.run.id));
  v.set("run_id", f.run.run.id);
  v.set("scenario_title", f.run.scenario.title);
  v.set("primary_title", f.run.primary.title);
  if (f.run.secondary) v.set("secondary_title", f.run.secondary->title);
  if (f.flag.finding_id) {
    v.set("finding_href", finding_href(*f.flag.finding_id));
  } else if (auto targets = hand_off_targets(web.service(ctx))) {
    View audits = View::list();
    for (const auto& a : *targets)
      audits.push(View::object({{"id", a.id},
                                {"title", a.organization_name + " · " + a.plan.title},
                                {"selected", std::to_string(a.id) == input.field_audit_id}}));
    View actions = View::list();
    for (const auto& t : kRequiredActions)
      actions.push(
          View::object({{"code", t.code}, {"label", t.label}, {"selected", t.code == input.action}}));
    v.set("hand_off",
          View::object({{"action", "/audit/linkage/flags/" + std::to_string(f.flag.id) + "/finding"},
                        {"audits", std::move(audits)},
                        {"has_audits", !targets->empty()},
                        {"actions", std::move(actions)},
                        {"recommendation", input.recommendation},
                        {"due_date", input.due_date}}));
  }
  v.set("errors", platform::errors_view(errors));
  for (const auto& e : errors) v.set("error_" + e.field, e.message);
  const std::string title = f.flag.label + " (" + f.run.scenario.title + ")";
  return web.render(ctx, "audit/linkage_flag", v,
                    {title,
                     linkage_crumbs({{"분석 결과 " + std::to_string(f.run.run.id), run_href(f.run.run.id)},
                                     {f.flag.label, ""}}),
                     {}},
                    status);
}

http::Response flag_page(Web& web, Context& ctx) {
  auto flag =
      platform::path_id(ctx).and_then([&](std::int64_t id) { return get_flag(web.service(ctx), id); });
  return web.respond(ctx, std::move(flag),
                     [&](const FlagDetail& f) { return flag_view(web, ctx, f, {}, {}, 200); });
}

http::Response hand_off_action(Web& web, Context& ctx) {
  auto svc = web.service(ctx);
  auto flag = platform::path_id(ctx).and_then([&](std::int64_t id) { return get_flag(svc, id); });
  if (!flag) return web.error(ctx, flag.error());
  const HandOffInput input{ctx.form.get("field_audit_id"), ctx.form.get("recommendation"),
                           ctx.form.get("action"), ctx.form.get("due_date")};
  auto finding = hand_off_flag(svc, flag->flag.id, input);
  if (!finding)
    return web.refuse_form(ctx, finding.error(), [&](const std::vector<FieldError>& fields, int status) {
      return flag_view(web, ctx, *flag, input, fields, status);
    });
  return web.redirect_with(ctx, finding_href(*finding), {"success", "지적사항으로 넘겼습니다."});
}

http::Response api_scenarios(Web& web, Context& ctx) {
  return web.respond(ctx, list_scenarios(web.service(ctx)), [&](const std::vector<ScenarioVersion>& list) {
    boost::json::array items;
    for (const auto& s : list) items.push_back(scenario_json(s));
    return web.json(ctx, boost::json::serialize(boost::json::object{{"items", items}}));
  });
}

http::Response api_run(Web& web, Context& ctx) {
  auto run =
      platform::path_id(ctx).and_then([&](std::int64_t id) { return get_run(web.service(ctx), id, 0, 100); });
  return web.respond(ctx, std::move(run), [&](const RunDetail& d) {
    auto body = run_json(d.run);
    boost::json::array totals;
    for (const auto& t : d.totals)
      totals.push_back({{"region", t.region}, {"flagged", t.flagged}, {"total_amount", t.total_amount}});
    boost::json::array top;
    for (const auto& f : d.flags)
      top.push_back({{"seq", f.seq},
                     {"label", f.label},
                     {"region", f.region},
                     {"amount", f.amount},
                     {"row_number", f.row_number}});
    body["totals"] = std::move(totals);
    body["top"] = std::move(top);
    return web.json(ctx, boost::json::serialize(body));
  });
}

}  // namespace

std::vector<platform::RouteSpec> linkage_run_routes() {
  using platform::RouteKind;
  return {
      {"GET", "/audit/linkage/scenarios/{id}", kLinkage, scenario_page},
      {"GET", "/audit/linkage/scenarios/{id}/edit", kLinkage, edit_page},
      {"POST", "/audit/linkage/scenarios/{id}", kLinkage, save_action},
      {"POST", "/audit/linkage/runs", kLinkage, run_action},
      {"GET", "/audit/linkage/runs/{id}", kLinkage, run_page},
      {"GET", "/audit/linkage/flags/{id}", kLinkage, flag_page},
      {"POST", "/audit/linkage/flags/{id}/finding", kLinkage, hand_off_action},
      {"GET", "/api/v1/audit/linkage/scenarios", kLinkage, api_scenarios, RouteKind::api},
      {"GET", "/api/v1/audit/linkage/runs/{id}", kLinkage, api_run, RouteKind::api},
  };
}

}  // namespace sotong::audit
