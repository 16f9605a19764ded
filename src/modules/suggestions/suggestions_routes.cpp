// Thin handlers of the pages of 건의사항 (suggestions): each parses the request, calls one service and
// renders. The table at the end names every route's policy action, which the pipeline checks before the
// handler runs; the services then check the suggestion's own organisations. The API is in
// suggestions_api.cpp.
#include "core/korean_text.hpp"
#include "modules/suggestions/suggestion_forms.hpp"
#include "modules/suggestions/suggestion_handling.hpp"
#include "modules/suggestions/suggestion_permissions.hpp"
#include "modules/suggestions/suggestion_reply_template_service.hpp"
#include "modules/suggestions/suggestion_service.hpp"
#include "modules/suggestions/suggestion_task_force_service.hpp"
#include "modules/suggestions/suggestion_task_force_views.hpp"
#include "modules/suggestions/suggestion_views.hpp"
#include "modules/suggestions/suggestions_module.hpp"
#include "platform/attachments/attachments_page.hpp"
#include "platform/calendar/holiday.hpp"
#include "platform/exports/list_export.hpp"
#include "platform/search/search_service.hpp"
#include "platform/web/params.hpp"
#include "platform/web/web.hpp"

namespace sotong::suggestions {
namespace {
using platform::Context;
using platform::Web;
using render::View;

constexpr const char* kListHref = "/suggestions";
/// The most rows one download carries; a wider list should be narrowed first.
constexpr std::int64_t kExportLimit = 20000;

std::string detail_href(std::int64_t id) {
  return std::string(kListHref) + "/" + std::to_string(id);
}

/// Rows per list page: this module's own setting, checked at start ([suggestions] page_size).
std::int64_t page_size(const Web& web) {
  return web.module_settings("suggestions").integer(kPageSize);
}

/// The tabs above the list: everything, then the views each role works from.
View views_of(const Web& web, const Context& ctx, std::string_view current, std::int64_t own_bureau) {
  struct Tab {
    std::string view;
    std::string query;
    const char* label;
  };
  std::vector<Tab> tabs = {{"all", "", "전체"}};
  if (web.policy().allows(ctx.actor, kCoordinate)) tabs.push_back({"triage", "state=received", "접수 대기"});
  // A bureau officer works from what the bureau leads.
  if (own_bureau != 0)
    tabs.push_back({"lead", "view=open&lead=" + std::to_string(own_bureau), "우리 실국 주관"});
  tabs.push_back({"open", "view=open", "처리 중"});
  tabs.push_back({"week", "view=week&sort=due", "이번 주 기한"});
  tabs.push_back({"overdue", "view=overdue&sort=due", "기한 지남"});
  View out = View::list();
  for (const auto& t : tabs) {
    const std::string href = std::string(kListHref) + (t.query.empty() ? "" : "?") + t.query;
    out.push(View::object({{"href", href}, {"label", t.label}, {"current", current == t.view}}));
  }
  return out;
}

std::string current_view(const ListFilter& f, std::int64_t own_bureau) {
  if (f.open_only && own_bureau != 0 && f.lead_bureau == own_bureau) return "lead";
  if (f.open_only) return "open";
  if (f.due_this_week) return "week";
  if (f.overdue) return "overdue";
  if (f.state == State::received && !f.lead_bureau && !f.municipality && !f.domain && f.text.empty())
    return "triage";
  return "all";
}

View filter_view(const ListFilter& f, const FormChoices& choices) {
  View states = View::list();
  for (State s : {State::received, State::reviewing, State::adopted, State::in_progress, State::resolved,
                  State::partly_resolved, State::long_term, State::rejected, State::answered, State::closed,
                  State::draft})
    states.push(
        View::object({{"code", state_code(s)}, {"label", state_label(s)}, {"selected", f.state == s}}));
  auto choice_list = [](const std::vector<Choice>& list, std::optional<std::int64_t> selected) {
    View out = View::list();
    for (const auto& c : list)
      out.push(View::object(
          {{"id", static_cast<long long>(c.id)}, {"name", c.name}, {"selected", selected == c.id}}));
    return out;
  };
  View domains = View::list();
  for (const auto& d : kDomains)
    domains.push(View::object({{"code", d.code}, {"label", d.label}, {"selected", f.domain == d.value}}));
  const std::string view = f.open_only ? "open" : f.overdue ? "overdue" : f.due_this_week ? "week" : "";
  return View::object({{"states", states},
                       {"bureaus", choice_list(choices.bureaus, f.lead_bureau)},
                       {"municipalities", choice_list(choices.municipalities, f.municipality)},
                       {"domains", domains},
                       {"q", f.text},
                       {"view", view},
                       {"sort_due", f.sort == suggestion_store::Sort::due}});
}

http::Response suggestions_page(Web& web, Context& ctx) {
  auto filter = read_filter(ctx.query);
  if (!filter) return web.error(ctx, filter.error());
  const bool exporting = platform::exports::requested_format(ctx.query).has_value();
  const auto svc = web.service(ctx);
  auto page = exporting ? list_suggestions(svc, *filter, kExportLimit)
                        : list_suggestions(svc, *filter, page_size(web), suggestion_store::Columns::row);
  return web.respond(ctx, std::move(page), [&](const SuggestionPage& p) {
    if (auto file =
            platform::exports::export_if_requested(web, ctx, {"suggestion", "건의사항 목록", "suggestions"},
                                                   [&] { return list_table(p.items, p.today); }))
      return std::move(*file);
    View rows = View::list();
    for (const auto& r : p.items) rows.push(row_view(r, p.today));
    const auto& choices = p.choices;
    View v = filter_view(*filter, choices);
    v.set("records", rows)
        .set("may_file", web.policy().allows(ctx.actor, kFile))
        .set("may_keep_templates",
             web.policy().allows(ctx.actor, kHandle) || web.policy().allows(ctx.actor, kCoordinate))
        .set("views", views_of(web, ctx, current_view(*filter, choices.own_bureau), choices.own_bureau));
    if (p.next) {
      auto cursor = *p.next;
      if (filter->sort == suggestion_store::Sort::newest) cursor.due_key.clear();
      const std::string query = filter_query(*filter);
      v.set("next_href", std::string(kListHref) + "?" + query + (query.empty() ? "" : "&") +
                             "after=" + cursor_text(cursor));
    }
    platform::exports::add_export_links(v, ctx);
    return web.render(ctx, "suggestions/list", v, {"건의사항", {{"건의사항", ""}}, {}});
  });
}

/// The filing form, empty or as submitted with each field error beside its field (422 then).
http::Response form_page(Web& web, Context& ctx, const SuggestionInput& input, const std::string& action,
                         const std::vector<FieldError>& errors, int status) {
  View v = filing_view(input, form_choices(web.service(ctx)));
  v.set("errors", platform::errors_view(errors)).set("action", action).set("cancel_href", kListHref);
  for (const auto& e : errors) v.set("error_" + e.field, e.message);
  const bool editing = action != kListHref;
  return web.render(
      ctx, "suggestions/form", v,
      {editing ? "건의 수정" : "건의 등록", {{"건의사항", kListHref}, {editing ? "수정" : "등록", ""}}, {}},
      status);
}

http::Response new_suggestion_page(Web& web, Context& ctx) {
  return form_page(web, ctx, {.domain = "project"}, kListHref, {}, 200);
}

http::Response create_suggestion_action(Web& web, Context& ctx) {
  const auto input = input_from_form(ctx.form);
  const bool submit = ctx.form.get("submit") != "0";
  auto created = file_suggestion(web.service(ctx), input, submit);
  if (!created)
    return web.refuse_form(ctx, created.error(), [&](const std::vector<FieldError>& fields, int status) {
      return form_page(web, ctx, input, kListHref, fields, status);
    });
  return web.redirect_with(
      ctx, detail_href(*created),
      {"success", submit ? "건의를 제출했습니다. 접수되면 처리 경과를 여기서 볼 수 있습니다."
                         : "임시 저장했습니다. 제출하기 전까지 우리 기관만 봅니다."});
}

/// The page of one suggestion; after a refused decision, with its errors (422).
/// The lead bureau's reply templates when the person may answer now, and the picked one (?template=ID)
/// filled in for this suggestion; a template of another bureau is ignored.
ReplyHelp reply_help(Web& web, const Context& ctx, const SuggestionFile& file) {
  ReplyHelp help;
  const bool answering =
      std::find(file.actions.begin(), file.actions.end(), Action::answer) != file.actions.end();
  if (!answering || !file.record.lead_bureau) return help;
  help.templates = web.db().read(
      [&](store::Connection& c) { return bureau_reply_templates(c, file.record.lead_bureau->id); });
  if (const auto picked = platform::parse_id(ctx.query.get("template")))
    for (const auto& t : help.templates)
      if (t.id == *picked) help.prefill = fill_reply_template(t.body, file.record);
  return help;
}

http::Response file_page(Web& web, Context& ctx, std::int64_t id, const std::vector<FieldError>& errors,
                         int status) {
  const auto svc = web.service(ctx);
  return web.respond(ctx, open_suggestion(svc, id), [&](const SuggestionFile& file) {
    View v = file_view(file, file.choices, reply_help(web, ctx, file));
    v.set("errors", platform::errors_view(errors))
        .set("may_form_task_force", web.policy().allows(ctx.actor, kCoordinate));
    web.db().read([&](store::Connection& c) {
      platform::attachments::add_to_page(web, ctx, v, c, "suggestion", id);
      const auto task_forces = linked_task_forces_view(task_forces_of_suggestion(c, id));
      v.set("task_forces", task_forces).set("has_task_forces", !task_forces.empty_list());
      return 0;
    });
    return web.render(ctx, "suggestions/detail", v,
                      {file.record.title, {{"건의사항", kListHref}, {file.record.title, ""}}, {}}, status);
  });
}

http::Response detail_page(Web& web, Context& ctx) {
  auto id = platform::path_id(ctx, kNotFound);
  if (!id) return web.error(ctx, id.error());
  return file_page(web, ctx, *id, {}, 200);
}

SuggestionInput input_from_record(const Suggestion& r) {
  SuggestionInput in;
  in.title = r.title;
  in.content = r.content;
  in.domain = std::string(domain_code(r.domain));
  for (const auto& o : r.concerned) in.concerned.push_back(std::to_string(o.id));
  if (r.addressed_bureau) in.addressed_bureau = std::to_string(r.addressed_bureau->id);
  if (r.desired_date) in.desired_date = platform::calendar::format_date(*r.desired_date);
  return in;
}

http::Response edit_suggestion_page(Web& web, Context& ctx) {
  auto record = platform::path_id(ctx, kNotFound).and_then([&](std::int64_t id) {
    return get_suggestion(web.service(ctx), id);
  });
  return web.respond(ctx, std::move(record), [&](const Suggestion& r) {
    return form_page(web, ctx, input_from_record(r), detail_href(r.id), {}, 200);
  });
}

http::Response update_suggestion_action(Web& web, Context& ctx) {
  auto id = platform::path_id(ctx, kNotFound);
  if (!id) return web.error(ctx, id.error());
  const auto input = input_from_form(ctx.form);
  const bool submit = ctx.form.get("submit") != "0";
  auto updated = update_draft(web.service(ctx), *id, input, submit);
  if (!updated)
    return web.refuse_form(ctx, updated.error(), [&](const std::vector<FieldError>& fields, int status) {
      return form_page(web, ctx, input, detail_href(*id), fields, status);
    });
  return web.redirect_with(ctx, detail_href(*id),
                           {"success", submit ? "건의를 제출했습니다." : "임시 저장했습니다."});
}

http::Response submit_action(Web& web, Context& ctx) {
  auto id = platform::path_id(ctx, kNotFound);
  if (!id) return web.error(ctx, id.error());
  const auto svc = web.service(ctx);
  auto record = get_suggestion(svc, *id);
  if (!record) return web.error(ctx, record.error());
  auto submitted = update_draft(svc, *id, input_from_record(*record), true);
  if (!submitted)
    return web.refuse_form(ctx, submitted.error(), [&](const std::vector<FieldError>& fields, int status) {
      return form_page(web, ctx, input_from_record(*record), detail_href(*id), fields, status);
    });
  return web.redirect_with(ctx, detail_href(*id), {"success", "건의를 제출했습니다."});
}

http::Response decide_action(Web& web, Context& ctx) {
  auto id = platform::path_id(ctx, kNotFound);
  if (!id) return web.error(ctx, id.error());
  auto done = handle_suggestion(web.service(ctx), *id, decision_from_form(ctx.form));
  if (!done)
    return web.refuse_form(ctx, done.error(), [&](const std::vector<FieldError>& fields, int status) {
      return file_page(web, ctx, *id, fields, status);
    });
  return web.redirect_with(ctx, detail_href(*id), {"success", *done});
}

/// The hand-off to the standing meetings: adopted items due for review, by meeting level and date.
http::Response reviews_page(Web& web, Context& ctx) {
  std::vector<FieldError> errors;
  const auto level_text = trim(ctx.query.get("level"));
  std::optional<ReviewLevel> only;
  if (!level_text.empty()) {
    only = from_code<ReviewLevel>(kReviewLevels, level_text);
    if (!only) errors.push_back({"level", "점검 회의를 목록에서 골라 주십시오."});
  }
  const CivilDate today = seoul_today();
  CivilDate until = civil_from_days(days_from_civil(today) + 31);
  if (const auto text = trim(ctx.query.get("until")); !text.empty()) {
    const auto date = parse_date(text);
    if (date)
      until = *date;
    else
      errors.push_back({"until", "기준일은 2026-10-08처럼 날짜로 적어 주십시오."});
  }
  if (!errors.empty()) return web.error(ctx, Error::invalid("조건을 확인해 주십시오.", std::move(errors)));
  View groups = View::list();
  View levels = View::list();
  for (const auto& l : kReviewLevels) {
    levels.push(View::object({{"code", l.code}, {"label", l.label}, {"selected", only == l.value}}));
    if (only && *only != l.value) continue;
    auto items = list_due_for_review(web.service(ctx), l.value, until);
    if (!items) return web.error(ctx, items.error());
    View rows = View::list();
    for (const auto& r : *items) {
      View row = row_view(r, today);
      row.set("next_review", platform::calendar::format_date(*r.next_review));
      rows.push(row);
    }
    groups.push(
        View::object({{"label", l.label}, {"rows", rows}, {"count", static_cast<long long>(items->size())}}));
  }
  View v = View::object(
      {{"groups", groups}, {"levels", levels}, {"until", platform::calendar::format_date(until)}});
  return web.render(ctx, "suggestions/reviews", v,
                    {"회의 점검 대상", {{"건의사항", kListHref}, {"회의 점검 대상", ""}}, {}});
}

/// While the title is typed: suggestions the person may open whose words match, from the search index.
http::Response similar_fragment(Web& web, Context& ctx) {
  View v = View::object({{"has_hits", false}});
  const auto title = ctx.query.get("title");
  if (char_count(trim(title)) >= 2) {
    auto found = platform::search::find(web.db(), web.policy(), ctx.actor, title, 1, "suggestions");
    if (found && !found->hits.empty()) {
      View hits = View::list();
      for (std::size_t i = 0; i < found->hits.size() && i < 5; ++i)
        hits.push(View::object({{"title", found->hits[i].title}, {"url", found->hits[i].url}}));
      v.set("hits", hits).set("has_hits", true);
    }
  }
  return web.render(ctx, "suggestions/similar", v,
                    {"비슷한 건의", {{"건의사항", kListHref}, {"비슷한 건의", ""}}, {}});
}

}  // namespace

std::vector<platform::RouteSpec> routes() {
  auto out = std::vector<platform::RouteSpec>{
      {"GET", "/suggestions", kView, suggestions_page},
      {"GET", "/suggestions/new", kFile, new_suggestion_page},
      {"GET", "/suggestions/similar", kView, similar_fragment},
      {"GET", "/suggestions/reviews", kView, reviews_page},
      {"POST", "/suggestions", kFile, create_suggestion_action},
      {"GET", "/suggestions/{id}", kView, detail_page},
      {"GET", "/suggestions/{id}/edit", kFile, edit_suggestion_page},
      {"POST", "/suggestions/{id}", kFile, update_suggestion_action},
      {"POST", "/suggestions/{id}/submit", kFile, submit_action},
      {"POST", "/suggestions/{id}/decisions", kView, decide_action},
  };
  for (auto& r : api_routes()) out.push_back(std::move(r));
  for (auto& r : reply_template_routes()) out.push_back(std::move(r));
  return out;
}

}  // namespace sotong::suggestions
