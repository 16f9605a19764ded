// Thin handlers of the JSON operations of 문제해결형 TFT under /api/v1/suggestions/task-forces: the same
// services as the pages, the same refusals, as JSON (openapi.json describes every field; the HTTP tests
// validate against it). Anyone off the team gets the summary a list row holds, never the team's work.
#include <boost/json.hpp>

#include "modules/suggestions/suggestion_permissions.hpp"
#include "modules/suggestions/suggestion_task_force_forms.hpp"
#include "modules/suggestions/suggestion_task_force_records.hpp"
#include "modules/suggestions/suggestion_task_force_service.hpp"
#include "modules/suggestions/suggestions_module.hpp"
#include "platform/calendar/holiday.hpp"
#include "platform/web/json_input.hpp"
#include "platform/web/params.hpp"
#include "platform/web/web.hpp"

namespace sotong::suggestions {
namespace {
using platform::Context;
using platform::JsonField;
using platform::JsonType;
using platform::Web;
using platform::calendar::format_date;

const std::vector<JsonField> kTaskForceFields = {
    {"name", JsonType::string}, {"issue", JsonType::string}, {"suggestion_ids", JsonType::integer_list}};
const std::vector<JsonField> kPlanFields = {{"plan", JsonType::string}};
const std::vector<JsonField> kMemberFields = {{"account_id", JsonType::integer}, {"role", JsonType::string}};
const std::vector<JsonField> kExpertFields = {{"name", JsonType::string},
                                              {"affiliation", JsonType::string},
                                              {"field", JsonType::string},
                                              {"role", JsonType::string}};
const std::vector<JsonField> kFieldCheckFields = {{"date", JsonType::string},
                                                  {"place", JsonType::string},
                                                  {"participants", JsonType::string},
                                                  {"findings", JsonType::string}};
const std::vector<JsonField> kReportFields = {
    {"date", JsonType::string}, {"text", JsonType::string}, {"percent", JsonType::integer}};
const std::vector<JsonField> kClosureFields = {{"result", JsonType::string}, {"text", JsonType::string}};

constexpr std::array<Term<TaskForceStep>, 7> kStepCodes = {{
    {TaskForceStep::edit, "edit", "수정"},
    {TaskForceStep::manage_team, "manage_team", "팀원·외부 전문가 등록과 삭제"},
    {TaskForceStep::edit_plan, "edit_plan", "해결 방안 수정"},
    {TaskForceStep::add_field_check, "add_field_check", "현지확인 등록"},
    {TaskForceStep::add_report, "add_report", "추진상황 보고"},
    {TaskForceStep::start, "start", "활동 시작"},
    {TaskForceStep::close, "close", "종료"},
}};

boost::json::value time_json(const std::optional<Timestamp>& t) {
  if (!t) return nullptr;
  return boost::json::value(format_iso_utc(*t));
}

boost::json::object summary_json(const TaskForce& t, const std::vector<LinkedSuggestion>& suggestions,
                                 bool member) {
  boost::json::array linked;
  for (const auto& s : suggestions)
    linked.push_back({{"id", s.id}, {"title", s.title}, {"state", state_code(s.state)}});
  return {{"id", t.id},
          {"name", t.name},
          {"status", task_force_status_code(t.status)},
          {"status_label", task_force_status_label(t.status)},
          {"suggestions", linked},
          {"member", member}};
}

boost::json::object details_json(const TaskForce& t, const TaskForceDetails& d) {
  boost::json::object out;
  out["issue"] = t.issue;
  out["plan"] = t.plan;
  out["plan_updated_at"] = time_json(t.plan_updated_at);
  out["plan_updated_by"] = t.plan_updated_by_name;
  out["progress"] = d.progress;
  out["result"] = t.result ? boost::json::value(task_force_result_code(*t.result)) : nullptr;
  out["result_text"] = t.result_text;
  out["started_at"] = time_json(t.started_at);
  out["closed_at"] = time_json(t.closed_at);
  boost::json::array members, experts, checks, reports, available;
  for (const auto& m : d.members)
    members.push_back({{"account_id", m.account_id},
                       {"name", m.name},
                       {"organization", m.organization_name},
                       {"position", m.position},
                       {"role", team_role_code(m.role)}});
  for (const auto& e : d.experts)
    experts.push_back({{"id", e.id},
                       {"name", e.name},
                       {"affiliation", e.affiliation},
                       {"field", e.field},
                       {"role", team_role_code(e.role)}});
  for (const auto& f : d.field_checks) {
    boost::json::array photos;
    if (auto it = d.photos.find(f.id); it != d.photos.end())
      for (const auto& a : it->second)
        photos.push_back(
            {{"id", a.id}, {"file_name", a.file_name}, {"url", "/attachments/" + std::to_string(a.id)}});
    checks.push_back({{"id", f.id},
                      {"date", format_date(f.date)},
                      {"place", f.place},
                      {"participants", f.participants},
                      {"findings", f.findings},
                      {"created_by", f.created_by_name},
                      {"photos", photos}});
  }
  for (const auto& r : d.reports)
    reports.push_back({{"id", r.id},
                       {"date", format_date(r.date)},
                       {"text", r.text},
                       {"percent", r.percent},
                       {"created_by", r.created_by_name}});
  for (TaskForceStep s : d.steps)
    available.push_back(boost::json::value(code_of<TaskForceStep>(kStepCodes, s)));
  out["members"] = members;
  out["experts"] = experts;
  out["field_checks"] = checks;
  out["reports"] = reports;
  out["available"] = available;
  return out;
}

/// The task force as this person may see it: the summary for anyone off the team, everything for the team.
boost::json::object file_json(const TaskForceFile& file) {
  auto body = summary_json(file.task_force, file.suggestions, file.standing.role.has_value());
  if (file.details)
    for (auto& [key, value] : details_json(file.task_force, *file.details)) body[key] = value;
  return body;
}

/// Answers with the task force as it now is (status 200 or 201), or the refusal.
template <typename T>
http::Response answer(Web& web, Context& ctx, std::int64_t id, const Result<T>& done, int status = 200) {
  if (!done) return web.error(ctx, done.error());
  return web.respond(ctx, open_task_force(web.service(ctx), id), [&](const TaskForceFile& f) {
    return web.json(ctx, boost::json::serialize(file_json(f)), status);
  });
}

/// The body's fields, the {id} and — when both are good — what `step` makes of them.
template <typename F>
http::Response with_body(Web& web, Context& ctx, const std::vector<JsonField>& spec, F&& step) {
  auto id = platform::path_id(ctx, kTaskForceNotFound);
  if (!id) return web.error(ctx, id.error());
  auto fields = platform::read_json_fields(ctx.request.body, spec);
  if (!fields) return web.error(ctx, fields.error());
  return step(*id, *fields);
}

Result<std::int64_t> second_id(const Context& ctx, const std::string& name) {
  if (auto id = platform::parse_id(ctx.request.param(name))) return *id;
  return Error::not_found(kTaskForceNotFound);
}

http::Response api_list(Web& web, Context& ctx) {
  auto filter = read_task_force_filter(ctx.query);
  if (!filter) return web.error(ctx, filter.error());
  auto page = list_task_forces(web.service(ctx), filter->status, filter->after,
                               web.module_settings("suggestions").integer(kPageSize));
  return web.respond(ctx, std::move(page), [&](const TaskForcePage& p) {
    boost::json::array items;
    for (const auto& row : p.items)
      items.push_back(summary_json(row.task_force, row.suggestions, row.member));
    boost::json::value next = nullptr;
    if (p.next) next = std::to_string(*p.next);
    return web.json(ctx, boost::json::serialize(boost::json::object{{"items", items}, {"next", next}}));
  });
}

http::Response api_get(Web& web, Context& ctx) {
  auto file = platform::path_id(ctx, kTaskForceNotFound).and_then([&](std::int64_t id) {
    return open_task_force(web.service(ctx), id);
  });
  return web.respond(ctx, std::move(file), [&](const TaskForceFile& f) {
    return web.json(ctx, boost::json::serialize(file_json(f)));
  });
}

http::Response api_create(Web& web, Context& ctx) {
  auto fields = platform::read_json_fields(ctx.request.body, kTaskForceFields);
  if (!fields) return web.error(ctx, fields.error());
  auto created = create_task_force(web.service(ctx), task_force_from_json(*fields));
  if (!created) return web.error(ctx, created.error());
  return answer(web, ctx, *created, created, 201);
}

http::Response api_update(Web& web, Context& ctx) {
  return with_body(web, ctx, kTaskForceFields, [&](std::int64_t id, const JsonFields& f) {
    return answer(web, ctx, id, update_task_force(web.service(ctx), id, task_force_from_json(f)));
  });
}

http::Response api_plan(Web& web, Context& ctx) {
  return with_body(web, ctx, kPlanFields, [&](std::int64_t id, const JsonFields& f) {
    const auto plan = f.find("plan");
    return answer(web, ctx, id, save_plan(web.service(ctx), id, plan == f.end() ? "" : plan->second));
  });
}

http::Response api_add_member(Web& web, Context& ctx) {
  return with_body(web, ctx, kMemberFields, [&](std::int64_t id, const JsonFields& f) {
    return answer(web, ctx, id, add_member(web.service(ctx), id, member_from_json(f)));
  });
}

http::Response api_remove_member(Web& web, Context& ctx) {
  auto id = platform::path_id(ctx, kTaskForceNotFound);
  if (!id) return web.error(ctx, id.error());
  auto account = second_id(ctx, "account_id");
  if (!account) return web.error(ctx, account.error());
  return answer(web, ctx, *id, remove_member(web.service(ctx), *id, *account));
}

http::Response api_add_expert(Web& web, Context& ctx) {
  return with_body(web, ctx, kExpertFields, [&](std::int64_t id, const JsonFields& f) {
    return answer(web, ctx, id, add_expert(web.service(ctx), id, expert_from_json(f)));
  });
}

http::Response api_remove_expert(Web& web, Context& ctx) {
  auto id = platform::path_id(ctx, kTaskForceNotFound);
  if (!id) return web.error(ctx, id.error());
  auto expert = second_id(ctx, "expert_id");
  if (!expert) return web.error(ctx, expert.error());
  return answer(web, ctx, *id, remove_expert(web.service(ctx), *id, *expert));
}

http::Response api_add_field_check(Web& web, Context& ctx) {
  return with_body(web, ctx, kFieldCheckFields, [&](std::int64_t id, const JsonFields& f) {
    return answer(web, ctx, id, add_field_check(web.service(ctx), id, field_check_from_json(f)), 201);
  });
}

http::Response api_add_report(Web& web, Context& ctx) {
  return with_body(web, ctx, kReportFields, [&](std::int64_t id, const JsonFields& f) {
    return answer(web, ctx, id, add_report(web.service(ctx), id, report_from_json(f)), 201);
  });
}

http::Response api_start(Web& web, Context& ctx) {
  auto id = platform::path_id(ctx, kTaskForceNotFound);
  if (!id) return web.error(ctx, id.error());
  return answer(web, ctx, *id, start_task_force(web.service(ctx), *id));
}

http::Response api_close(Web& web, Context& ctx) {
  return with_body(web, ctx, kClosureFields, [&](std::int64_t id, const JsonFields& f) {
    return answer(web, ctx, id, close_task_force(web.service(ctx), id, closure_from_json(f)));
  });
}

}  // namespace

std::vector<platform::RouteSpec> task_force_api_routes() {
  using platform::RouteKind;
  constexpr const char* kBase = "/api/v1/suggestions/task-forces";
  auto path = [&](const char* rest) { return std::string(kBase) + rest; };
  return {
      {"GET", path(""), kView, api_list, RouteKind::api},
      {"POST", path(""), kCoordinate, api_create, RouteKind::api},
      {"GET", path("/{id}"), kView, api_get, RouteKind::api},
      {"POST", path("/{id}"), kCoordinate, api_update, RouteKind::api},
      {"POST", path("/{id}/plan"), kView, api_plan, RouteKind::api},
      {"POST", path("/{id}/members"), kView, api_add_member, RouteKind::api},
      {"DELETE", path("/{id}/members/{account_id}"), kView, api_remove_member, RouteKind::api},
      {"POST", path("/{id}/experts"), kView, api_add_expert, RouteKind::api},
      {"DELETE", path("/{id}/experts/{expert_id}"), kView, api_remove_expert, RouteKind::api},
      {"POST", path("/{id}/field-checks"), kView, api_add_field_check, RouteKind::api},
      {"POST", path("/{id}/reports"), kView, api_add_report, RouteKind::api},
      {"POST", path("/{id}/start"), kView, api_start, RouteKind::api},
      {"POST", path("/{id}/close"), kView, api_close, RouteKind::api},
  };
}

}  // namespace sotong::suggestions
