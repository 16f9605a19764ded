// Thin handlers of the reply-template pages (회신 서식) under /suggestions/templates: list, form, edit and
// delete. The services decide whose templates a person manages.
#include "core/korean_text.hpp"
#include "modules/suggestions/suggestion_permissions.hpp"
#include "modules/suggestions/suggestion_reply_template_service.hpp"
#include "modules/suggestions/suggestion_service.hpp"
#include "modules/suggestions/suggestions_module.hpp"
#include "platform/web/web.hpp"

namespace sotong::suggestions {
namespace {
using platform::Context;
using platform::Web;
using render::View;

constexpr const char* kTemplatesHref = "/suggestions/templates";

std::string template_href(std::int64_t id) {
  return std::string(kTemplatesHref) + "/" + std::to_string(id);
}

ReplyTemplateInput input_from(const http::Form& form) {
  return {form.get("title"), form.get("body"), form.get("bureau")};
}

http::Response form_page(Web& web, Context& ctx, const ReplyTemplateInput& input, std::int64_t id,
                         const std::vector<FieldError>& errors, int status) {
  const auto svc = web.service(ctx);
  View bureaus = View::list();
  const bool coordinator = web.policy().allows(ctx.actor, kCoordinate);
  if (coordinator && id == 0)
    for (const auto& b : form_choices(svc).bureaus)
      bureaus.push(View::object({{"id", static_cast<long long>(b.id)},
                                 {"name", b.name},
                                 {"selected", input.bureau == std::to_string(b.id)}}));
  View v = View::object({{"title", input.title},
                         {"body", input.body},
                         {"choose_bureau", coordinator && id == 0},
                         {"bureaus", bureaus},
                         {"action", id == 0 ? std::string(kTemplatesHref) : template_href(id)},
                         {"errors", platform::errors_view(errors)}});
  for (const auto& e : errors) v.set("error_" + e.field, e.message);
  return web.render(
      ctx, "suggestions/reply_template_form", v,
      {id == 0 ? "회신 서식 등록" : "회신 서식 수정",
       {{"건의사항", "/suggestions"}, {"회신 서식", kTemplatesHref}, {id == 0 ? "등록" : "수정", ""}},
       {}},
      status);
}

http::Response list_page(Web& web, Context& ctx) {
  return web.respond(
      ctx, list_reply_templates(web.service(ctx)), [&](const std::vector<ReplyTemplate>& list) {
        View rows = View::list();
        for (const auto& t : list)
          rows.push(View::object({{"title", t.title},
                                  {"bureau_name", t.bureau_name},
                                  {"body", truncate_chars(t.body, 80)},
                                  {"href", template_href(t.id) + "/edit"},
                                  {"delete_href", template_href(t.id) + "/delete"},
                                  {"updated_at", format_seoul_date(t.updated_at)}}));
        return web.render(ctx, "suggestions/reply_templates", View::object({{"templates", rows}}),
                          {"회신 서식", {{"건의사항", "/suggestions"}, {"회신 서식", ""}}, {}});
      });
}

http::Response new_page(Web& web, Context& ctx) {
  // Asked first, so that a person without templates to manage is refused before a form is shown.
  if (auto allowed = list_reply_templates(web.service(ctx)); !allowed) return web.error(ctx, allowed.error());
  return form_page(web, ctx, {}, 0, {}, 200);
}

http::Response create_action(Web& web, Context& ctx) {
  const auto input = input_from(ctx.form);
  auto created = create_reply_template(web.service(ctx), input);
  if (!created)
    return web.refuse_form(ctx, created.error(), [&](const std::vector<FieldError>& f, int status) {
      return form_page(web, ctx, input, 0, f, status);
    });
  return web.redirect_with(ctx, kTemplatesHref, {"success", "회신 서식을 등록했습니다."});
}

http::Response edit_page(Web& web, Context& ctx) {
  auto found = platform::path_id(ctx, kTemplateNotFound).and_then([&](std::int64_t id) {
    return get_reply_template(web.service(ctx), id);
  });
  return web.respond(ctx, std::move(found), [&](const ReplyTemplate& t) {
    return form_page(web, ctx, {t.title, t.body, ""}, t.id, {}, 200);
  });
}

http::Response update_action(Web& web, Context& ctx) {
  auto id = platform::path_id(ctx, kTemplateNotFound);
  if (!id) return web.error(ctx, id.error());
  const auto input = input_from(ctx.form);
  auto updated = update_reply_template(web.service(ctx), *id, input);
  if (!updated)
    return web.refuse_form(ctx, updated.error(), [&](const std::vector<FieldError>& f, int status) {
      return form_page(web, ctx, input, *id, f, status);
    });
  return web.redirect_with(ctx, kTemplatesHref, {"success", "회신 서식을 수정했습니다."});
}

http::Response delete_action(Web& web, Context& ctx) {
  auto id = platform::path_id(ctx, kTemplateNotFound);
  if (!id) return web.error(ctx, id.error());
  auto found = get_reply_template(web.service(ctx), *id);
  if (!found) return web.error(ctx, found.error());
  if (auto page = web.ask_first(
          ctx, {"회신 서식을 삭제할까요?",
                "‘" + found->title + "’ 서식을 목록에서 뺍니다. 이미 보낸 회신은 그대로 남습니다.", "삭제",
                kTemplatesHref}))
    return std::move(*page);
  auto deleted = delete_reply_template(web.service(ctx), *id);
  if (!deleted) return web.error(ctx, deleted.error());
  return web.redirect_with(ctx, kTemplatesHref, {"success", "회신 서식을 삭제했습니다."});
}

}  // namespace

std::vector<platform::RouteSpec> reply_template_routes() {
  // The route action is viewing suggestions; the services let only bureau officers and the coordinator in.
  return {
      {"GET", "/suggestions/templates", kView, list_page},
      {"GET", "/suggestions/templates/new", kView, new_page},
      {"POST", "/suggestions/templates", kView, create_action},
      {"GET", "/suggestions/templates/{id}/edit", kView, edit_page},
      {"POST", "/suggestions/templates/{id}", kView, update_action},
      {"POST", "/suggestions/templates/{id}/delete", kView, delete_action},
  };
}

}  // namespace sotong::suggestions
