// Thin handlers of the pages of 문제해결형 TFT (task forces) under /suggestions/task-forces: each parses the
// request, calls one service and renders or redirects. The route table at the end names each route's policy
// action, which the pipeline checks first; the services then decide by the person's standing in the team. The
// JSON operations are in suggestion_task_force_api.cpp.
#include "core/korean_text.hpp"
#include "modules/suggestions/suggestion_permissions.hpp"
#include "modules/suggestions/suggestion_task_force_forms.hpp"
#include "modules/suggestions/suggestion_task_force_records.hpp"
#include "modules/suggestions/suggestion_task_force_service.hpp"
#include "modules/suggestions/suggestion_task_force_views.hpp"
#include "modules/suggestions/suggestions_module.hpp"
#include "platform/attachments/attachments_page.hpp"
#include "platform/calendar/holiday.hpp"
#include "platform/web/params.hpp"
#include "platform/web/web.hpp"

namespace sotong::suggestions {
namespace {
using platform::Context;
using platform::Web;
using render::View;

constexpr const char* kListHref = "/suggestions/task-forces";
constexpr const char* kListTitle = "문제해결형 TFT";

/// A page's title and its breadcrumb under 건의사항 › 문제해결형 TFT (› the task force, when named).
platform::PageMeta meta(const std::string& title, const std::string& name = "",
                        const std::string& href = "") {
  std::vector<platform::Crumb> crumbs = {{"건의사항", "/suggestions"}, {kListTitle, kListHref}};
  if (!name.empty()) crumbs.push_back({name, href});
  crumbs.push_back({title, ""});
  return {title, crumbs, {}};
}

/// A second path parameter ({account}, {expert}) as an id; not_found for anything else.
Result<std::int64_t> param_id(const Context& ctx, const std::string& name) {
  if (auto id = platform::parse_id(ctx.request.param(name))) return *id;
  return Error::not_found(kTaskForceNotFound);
}

http::Response list_page(Web& web, Context& ctx) {
  auto filter = read_task_force_filter(ctx.query);
  if (!filter) return web.error(ctx, filter.error());
  auto page = list_task_forces(web.service(ctx), filter->status, filter->after,
                               web.module_settings("suggestions").integer(kPageSize));
  return web.respond(ctx, std::move(page), [&](const TaskForcePage& p) {
    View rows = View::list();
    for (const auto& row : p.items) rows.push(task_force_row_view(row));
    View statuses = View::list();
    for (const auto& s : kTaskForceStatuses)
      statuses.push(
          View::object({{"code", s.code}, {"label", s.label}, {"selected", filter->status == s.value}}));
    View v = View::object({{"records", rows},
                           {"statuses", statuses},
                           {"may_form", web.policy().allows(ctx.actor, kCoordinate)}});
    if (p.next) {
      std::string query =
          filter->status ? "status=" + std::string(task_force_status_code(*filter->status)) + "&" : "";
      v.set("next_href", std::string(kListHref) + "?" + query + "after=" + std::to_string(*p.next));
    }
    return web.render(ctx, "suggestions/task_force_list", v,
                      {kListTitle, {{"건의사항", "/suggestions"}, {kListTitle, ""}}, {}});
  });
}

/// The form that forms (action: the list) or edits (action: the task force) a task force; 422 with errors.
http::Response form_page(Web& web, Context& ctx, const TaskForceInput& input, const std::string& action,
                         const std::string& name, const std::vector<FieldError>& errors, int status) {
  View v = task_force_form_view(input, errors);
  const bool editing = action != kListHref;
  v.set("errors", platform::errors_view(errors))
      .set("action", action)
      .set("cancel_href", action)
      .set("editing", editing);
  return web.render(ctx, "suggestions/task_force_form", v,
                    editing ? meta("TFT 수정", name, action) : meta("TFT 등록"), status);
}

http::Response new_page(Web& web, Context& ctx) {
  // Forming a team from a suggestion's page brings its number along.
  TaskForceInput input;
  if (auto from = platform::parse_id(trim(ctx.query.get("suggestion"))))
    input.suggestion_ids = {std::to_string(*from)};
  return form_page(web, ctx, input, kListHref, "", {}, 200);
}

http::Response create_action(Web& web, Context& ctx) {
  const auto input = task_force_from_form(ctx.form);
  auto created = create_task_force(web.service(ctx), input);
  if (!created)
    return web.refuse_form(ctx, created.error(), [&](const std::vector<FieldError>& fields, int status) {
      return form_page(web, ctx, input, kListHref, "", fields, status);
    });
  return web.redirect_with(ctx, task_force_url(*created),
                           {"success", "TFT를 등록했습니다. 팀원을 등록하고 활동을 시작해 주십시오."});
}

/// The page of one task force; after a refused post from one of its forms, that form again with its errors.
http::Response file_page(Web& web, Context& ctx, std::int64_t id, const PanelEcho& echo, int status) {
  const auto svc = web.service(ctx);
  return web.respond(ctx, open_task_force(svc, id), [&](const TaskForceFile& file) {
    const bool choosing = file.details && may(TaskForceStep::manage_team, file.standing);
    View v = task_force_file_view(file, choosing ? member_choices(svc) : std::vector<MemberChoiceGroup>{},
                                  seoul_today(), echo);
    v.set("errors", platform::errors_view(echo.errors));
    return web.render(ctx, "suggestions/task_force_detail", v,
                      {file.task_force.name,
                       {{"건의사항", "/suggestions"}, {kListTitle, kListHref}, {file.task_force.name, ""}},
                       {}},
                      status);
  });
}

http::Response detail_page(Web& web, Context& ctx) {
  auto id = platform::path_id(ctx, kTaskForceNotFound);
  if (!id) return web.error(ctx, id.error());
  return file_page(web, ctx, *id, {}, 200);
}

/// After a post from one of the page's forms: the page again with the form filled in (422), or on to `href`.
template <typename T>
http::Response after_panel(Web& web, Context& ctx, std::int64_t id, const std::string& panel,
                           const Result<T>& done, const std::string& href, const std::string& message) {
  if (!done)
    return web.refuse_form(ctx, done.error(), [&](const std::vector<FieldError>& fields, int status) {
      return file_page(web, ctx, id, {panel, &ctx.form, fields}, status);
    });
  return web.redirect_with(ctx, href, {"success", message});
}

http::Response edit_page(Web& web, Context& ctx) {
  auto file = platform::path_id(ctx, kTaskForceNotFound).and_then([&](std::int64_t id) {
    return open_task_force_for(web.service(ctx), id, TaskForceStep::edit);
  });
  return web.respond(ctx, std::move(file), [&](const TaskForceFile& f) {
    TaskForceInput input{f.task_force.name, f.task_force.issue, {}};
    for (auto s : f.task_force.suggestion_ids) input.suggestion_ids.push_back(std::to_string(s));
    return form_page(web, ctx, input, task_force_url(f.task_force.id), f.task_force.name, {}, 200);
  });
}

http::Response update_action(Web& web, Context& ctx) {
  auto id = platform::path_id(ctx, kTaskForceNotFound);
  if (!id) return web.error(ctx, id.error());
  const auto input = task_force_from_form(ctx.form);
  auto updated = update_task_force(web.service(ctx), *id, input);
  if (!updated)
    return web.refuse_form(ctx, updated.error(), [&](const std::vector<FieldError>& fields, int status) {
      return form_page(web, ctx, input, task_force_url(*id), input.name, fields, status);
    });
  return web.redirect_with(ctx, task_force_url(*id), {"success", "TFT 정보를 수정했습니다."});
}

http::Response plan_form(Web& web, Context& ctx, const TaskForceFile& file, const std::string& plan,
                         const std::vector<FieldError>& errors, int status) {
  View v = plan_form_view(file, plan, errors);
  v.set("errors", platform::errors_view(errors));
  return web.render(ctx, "suggestions/task_force_plan", v,
                    meta("해결 방안 수정", file.task_force.name, task_force_url(file.task_force.id)), status);
}

http::Response plan_page(Web& web, Context& ctx) {
  auto file = platform::path_id(ctx, kTaskForceNotFound).and_then([&](std::int64_t id) {
    return open_task_force_for(web.service(ctx), id, TaskForceStep::edit_plan);
  });
  return web.respond(ctx, std::move(file), [&](const TaskForceFile& f) {
    return plan_form(web, ctx, f, f.task_force.plan, {}, 200);
  });
}

http::Response plan_action(Web& web, Context& ctx) {
  auto id = platform::path_id(ctx, kTaskForceNotFound);
  if (!id) return web.error(ctx, id.error());
  const auto svc = web.service(ctx);
  auto saved = save_plan(svc, *id, ctx.form.get("plan"));
  if (!saved)
    return web.refuse_form(ctx, saved.error(), [&](const std::vector<FieldError>& fields, int status) {
      return web.respond(ctx, open_task_force_for(svc, *id, TaskForceStep::edit_plan),
                         [&](const TaskForceFile& f) {
                           return plan_form(web, ctx, f, ctx.form.get("plan"), fields, status);
                         });
    });
  return web.redirect_with(ctx, task_force_url(*id) + "#plan", {"success", "해결 방안을 수정했습니다."});
}

http::Response add_member_action(Web& web, Context& ctx) {
  auto id = platform::path_id(ctx, kTaskForceNotFound);
  if (!id) return web.error(ctx, id.error());
  auto added = add_member(web.service(ctx), *id, member_from_form(ctx.form));
  return after_panel(web, ctx, *id, "member", added, task_force_url(*id) + "#team", "팀원을 등록했습니다.");
}

http::Response remove_member_action(Web& web, Context& ctx) {
  auto id = platform::path_id(ctx, kTaskForceNotFound);
  if (!id) return web.error(ctx, id.error());
  auto account = param_id(ctx, "account");
  if (!account) return web.error(ctx, account.error());
  const auto svc = web.service(ctx);
  auto file = open_task_force_for(svc, *id, TaskForceStep::manage_team);
  if (!file) return web.error(ctx, file.error());
  std::string name;
  for (const auto& m : file->details->members)
    if (m.account_id == *account) name = m.name;
  if (name.empty()) return web.error(ctx, Error::not_found("이 TFT의 팀원이 아닙니다."));
  if (auto page =
          web.ask_first(ctx, {"팀원에서 삭제할까요?",
                              "‘" + name +
                                  "’ 님을 이 TFT의 팀원에서 삭제합니다. 삭제하면 이 TFT의 활동 기록을 "
                                  "볼 수 없습니다. 삭제한 사실은 변경 이력에 남습니다.",
                              "삭제", task_force_url(*id)}))
    return std::move(*page);
  auto removed = remove_member(svc, *id, *account);
  if (!removed) return web.error(ctx, removed.error());
  return web.redirect_with(ctx, task_force_url(*id) + "#team",
                           {"success", "‘" + *removed + "’ 님을 팀원에서 삭제했습니다."});
}

http::Response add_expert_action(Web& web, Context& ctx) {
  auto id = platform::path_id(ctx, kTaskForceNotFound);
  if (!id) return web.error(ctx, id.error());
  auto added = add_expert(web.service(ctx), *id, expert_from_form(ctx.form));
  return after_panel(web, ctx, *id, "expert", added, task_force_url(*id) + "#team",
                     "외부 전문가를 등록했습니다.");
}

http::Response remove_expert_action(Web& web, Context& ctx) {
  auto id = platform::path_id(ctx, kTaskForceNotFound);
  if (!id) return web.error(ctx, id.error());
  auto expert = param_id(ctx, "expert");
  if (!expert) return web.error(ctx, expert.error());
  const auto svc = web.service(ctx);
  auto file = open_task_force_for(svc, *id, TaskForceStep::manage_team);
  if (!file) return web.error(ctx, file.error());
  std::string name;
  for (const auto& e : file->details->experts)
    if (e.id == *expert) name = e.name;
  if (name.empty()) return web.error(ctx, Error::not_found("이 TFT의 외부 전문가가 아닙니다."));
  if (auto page = web.ask_first(ctx, {"외부 전문가를 삭제할까요?",
                                      "‘" + name +
                                          "’ 님을 이 TFT의 외부 전문가에서 삭제합니다. 삭제한 사실은 변경 "
                                          "이력에 남습니다.",
                                      "삭제", task_force_url(*id)}))
    return std::move(*page);
  auto removed = remove_expert(svc, *id, *expert);
  if (!removed) return web.error(ctx, removed.error());
  return web.redirect_with(ctx, task_force_url(*id) + "#team",
                           {"success", "‘" + *removed + "’ 님을 외부 전문가에서 삭제했습니다."});
}

http::Response add_field_check_action(Web& web, Context& ctx) {
  auto id = platform::path_id(ctx, kTaskForceNotFound);
  if (!id) return web.error(ctx, id.error());
  auto added = add_field_check(web.service(ctx), *id, field_check_from_form(ctx.form));
  // On to the field check's own page, where its photos are put.
  return after_panel(web, ctx, *id, "field_check", added, added ? field_check_url(*added) : "",
                     "현지확인을 등록했습니다. 현장 사진이 있으면 아래에서 올려 주십시오.");
}

http::Response field_check_page(Web& web, Context& ctx) {
  auto file = platform::path_id(ctx, kTaskForceNotFound).and_then([&](std::int64_t id) {
    return open_field_check(web.service(ctx), id);
  });
  return web.respond(ctx, std::move(file), [&](const FieldCheckFile& f) {
    View v = field_check_view(f);
    web.db().read([&](store::Connection& c) {
      platform::attachments::add_to_page(web, ctx, v, c, kFieldCheckOwner, f.field_check.id);
      return 0;
    });
    const std::string title = "현지확인 " + platform::calendar::format_date(f.field_check.date);
    return web.render(ctx, "suggestions/task_force_field_check", v,
                      meta(title, f.task_force.name, task_force_url(f.task_force.id)));
  });
}

http::Response add_report_action(Web& web, Context& ctx) {
  auto id = platform::path_id(ctx, kTaskForceNotFound);
  if (!id) return web.error(ctx, id.error());
  auto added = add_report(web.service(ctx), *id, report_from_form(ctx.form));
  return after_panel(web, ctx, *id, "report", added, task_force_url(*id) + "#reports",
                     "추진상황을 보고했습니다.");
}

http::Response start_action(Web& web, Context& ctx) {
  auto id = platform::path_id(ctx, kTaskForceNotFound);
  if (!id) return web.error(ctx, id.error());
  auto started = start_task_force(web.service(ctx), *id);
  if (!started) return web.error(ctx, started.error());
  return web.redirect_with(ctx, task_force_url(*id), {"success", "TFT 활동을 시작했습니다."});
}

http::Response close_action(Web& web, Context& ctx) {
  auto id = platform::path_id(ctx, kTaskForceNotFound);
  if (!id) return web.error(ctx, id.error());
  const auto svc = web.service(ctx);
  if (auto allowed = open_task_force_for(svc, *id, TaskForceStep::close); !allowed)
    return web.error(ctx, allowed.error());
  if (auto page = web.ask_first(
          ctx, {"TFT를 종료할까요?",
                "종료하면 해결 방안과 현지확인, 추진상황을 더 바꿀 수 없습니다. 팀원에게 결과를 "
                "알립니다.",
                "종료", task_force_url(*id)}))
    return std::move(*page);
  auto closed = close_task_force(svc, *id, closure_from_form(ctx.form));
  return after_panel(web, ctx, *id, "close", closed, task_force_url(*id), "TFT를 종료했습니다.");
}

}  // namespace

std::vector<platform::RouteSpec> task_force_routes() {
  auto out = std::vector<platform::RouteSpec>{
      {"GET", "/suggestions/task-forces", kView, list_page},
      {"GET", "/suggestions/task-forces/new", kCoordinate, new_page},
      {"POST", "/suggestions/task-forces", kCoordinate, create_action},
      {"GET", "/suggestions/task-forces/{id}", kView, detail_page},
      {"GET", "/suggestions/task-forces/{id}/edit", kCoordinate, edit_page},
      {"POST", "/suggestions/task-forces/{id}", kCoordinate, update_action},
      {"GET", "/suggestions/task-forces/{id}/plan", kView, plan_page},
      {"POST", "/suggestions/task-forces/{id}/plan", kView, plan_action},
      {"POST", "/suggestions/task-forces/{id}/members", kView, add_member_action},
      {"POST", "/suggestions/task-forces/{id}/members/{account}/delete", kView, remove_member_action},
      {"POST", "/suggestions/task-forces/{id}/experts", kView, add_expert_action},
      {"POST", "/suggestions/task-forces/{id}/experts/{expert}/delete", kView, remove_expert_action},
      {"POST", "/suggestions/task-forces/{id}/field-checks", kView, add_field_check_action},
      {"GET", "/suggestions/task-forces/field-checks/{id}", kView, field_check_page},
      {"POST", "/suggestions/task-forces/{id}/reports", kView, add_report_action},
      {"POST", "/suggestions/task-forces/{id}/start", kView, start_action},
      {"POST", "/suggestions/task-forces/{id}/close", kView, close_action},
  };
  for (auto& r : task_force_api_routes()) out.push_back(std::move(r));
  return out;
}

}  // namespace sotong::suggestions
