// The coordinator's pages of the survey engine: campaigns (create, open, remind, close, completion) and
// questionnaires (read, copy, edit while unused). Thin handlers: parse, call one service, render.
#include "modules/surveys/surveys_routes.hpp"

#include "modules/surveys/survey_campaign_service.hpp"
#include "modules/surveys/survey_permissions.hpp"
#include "modules/surveys/survey_questionnaire_service.hpp"
#include "platform/calendar/holiday.hpp"
#include "platform/organizations/organization_directory.hpp"
#include "platform/web/params.hpp"
#include "platform/web/web.hpp"

namespace sotong::surveys {
namespace {
using platform::Context;
using platform::Web;
using render::View;

std::string questionnaire_href(std::int64_t id) {
  return "/surveys/questionnaires/" + std::to_string(id);
}

std::string percent(std::int64_t part, std::int64_t whole) {
  if (whole == 0) return "-";
  return std::to_string((part * 1000 / whole + 5) / 10) + "%";
}

std::string window_text(const Campaign& c) {
  return platform::calendar::format_date(c.opens_on) + " ~ " + platform::calendar::format_date(c.closes_on);
}

View campaign_row(const Campaign& c) {
  return View::object(
      {{"href", campaign_href(c.id)},
       {"title", c.title},
       {"year", c.year},
       {"pilot", c.pilot},
       {"state", std::string(label_of<CampaignState>(kCampaignStates, c.state))},
       {"state_code", std::string(code_of<CampaignState>(kCampaignStates, c.state))},
       {"window", window_text(c)},
       {"has_report", c.state != CampaignState::draft},
       {"report_href", c.state == CampaignState::draft ? "" : campaign_href(c.id) + "/report"}});
}

http::Response home_page(Web& web, Context& ctx) {
  auto campaigns = list_campaigns(web.service(ctx));
  return web.respond(ctx, std::move(campaigns), [&](const std::vector<Campaign>& list) {
    View rows = View::list();
    for (const auto& c : list) rows.push(campaign_row(c));
    View v = View::object({{"campaigns", rows}, {"has_campaigns", !list.empty()}});
    return web.render(ctx, "surveys/home", v, {kHomeLabel, {{kHomeLabel, ""}}, {}});
  });
}

/// The campaign form, with the questionnaires and bureaus to pick from.
http::Response campaign_form(Web& web, Context& ctx, const CampaignInput& input,
                             const std::vector<FieldError>& errors, int status) {
  auto questionnaires = list_questionnaires(web.service(ctx));
  if (!questionnaires) return web.error(ctx, questionnaires.error());
  View choices = View::list();
  for (const auto& q : *questionnaires)
    choices.push(View::object(
        {{"id", q.id},
         {"label", q.title + " (" + std::to_string(q.year) + "년 " + std::to_string(q.version) + "판)"},
         {"selected", std::to_string(q.id) == input.questionnaire_id}}));
  const auto directory =
      web.db().read([](store::Connection& c) { return platform::OrganizationDirectory::load(c); });
  View bureaus = View::list();
  const bool all = input.subjects.empty() && errors.empty();
  for (const auto* b : directory.active(platform::OrganizationKind::bureau)) {
    const std::string id = std::to_string(b->id);
    const bool selected =
        all || std::find(input.subjects.begin(), input.subjects.end(), id) != input.subjects.end();
    bureaus.push(View::object({{"id", id}, {"name", b->name}, {"selected", selected}}));
  }
  View v = View::object({{"title", input.title},
                         {"year", input.year},
                         {"opens_on", input.opens_on},
                         {"closes_on", input.closes_on},
                         {"max_subjects", input.max_subjects.empty() ? std::string("3") : input.max_subjects},
                         {"pilot", input.pilot},
                         {"include_bureaus", input.include_bureaus},
                         {"questionnaires", choices},
                         {"bureaus", bureaus},
                         {"errors", platform::errors_view(errors)}});
  for (const auto& e : errors) v.set("error_" + e.field, e.message);
  return web.render(ctx, "surveys/campaign_form", v,
                    {"설문조사 만들기", {{kHomeLabel, kHome}, {"설문조사 만들기", ""}}, {}}, status);
}

CampaignInput campaign_input(const http::Form& form) {
  return {form.get("title"),
          form.get("year"),
          form.get("questionnaire_id"),
          form.get("opens_on"),
          form.get("closes_on"),
          form.get("max_subjects"),
          form.get("pilot") == "1",
          form.get("include_bureaus") == "1",
          form.all("subjects")};
}

http::Response new_campaign_page(Web& web, Context& ctx) {
  CampaignInput input;
  const int year = seoul_today().year;
  input.year = std::to_string(year);
  input.title = std::to_string(year) + "년 정책소통협력지수 조사";
  return campaign_form(web, ctx, input, {}, 200);
}

http::Response create_campaign_action(Web& web, Context& ctx) {
  const auto input = campaign_input(ctx.form);
  auto created = create_campaign(web.service(ctx), input);
  if (!created)
    return web.refuse_form(ctx, created.error(), [&](const std::vector<FieldError>& fields, int status) {
      return campaign_form(web, ctx, input, fields, status);
    });
  return web.redirect_with(
      ctx, campaign_href(*created),
      {"success", "설문조사를 만들었습니다. 내용을 확인한 뒤 「조사 시작」을 누르십시오."});
}

http::Response campaign_page(Web& web, Context& ctx) {
  auto overview = platform::path_id(ctx, "설문조사를 찾을 수 없습니다.").and_then([&](std::int64_t id) {
    return get_campaign(web.service(ctx), id);
  });
  return web.respond(ctx, std::move(overview), [&](const CampaignOverview& o) {
    const auto& c = o.campaign;
    View completion = View::list();
    for (const auto& row : o.completion)
      completion.push(View::object({{"name", row.organization_name},
                                    {"invited", static_cast<long long>(row.invited)},
                                    {"completed", static_cast<long long>(row.completed)},
                                    {"rate", percent(row.completed, row.invited)}}));
    View subjects = View::list();
    for (const auto& [id, name] : o.subject_names)
      subjects.push(View::object(
          {{"name", name}, {"feedback_href", campaign_href(c.id) + "/bureaus/" + std::to_string(id)}}));
    View v = campaign_row(c);
    v.set("questionnaire_title", o.questionnaire_title)
        .set("questionnaire_href", questionnaire_href(c.questionnaire_id))
        .set("max_subjects", c.max_subjects)
        .set("include_bureaus", c.include_bureaus)
        .set("completion", completion)
        .set("has_completion", !o.completion.empty())
        .set("invited", static_cast<long long>(o.invited))
        .set("completed", static_cast<long long>(o.completed))
        .set("rate", percent(o.completed, o.invited))
        .set("responses", static_cast<long long>(o.responses))
        .set("waiting", o.waiting > 0)
        .set("subjects", subjects)
        .set("is_draft", c.state == CampaignState::draft)
        .set("is_open", c.state == CampaignState::open)
        .set("action_base", campaign_href(c.id));
    return web.render(ctx, "surveys/campaign", v, {c.title, {{kHomeLabel, kHome}, {c.title, ""}}, {}});
  });
}

/// The three campaign steps share their shape: the id, one service, a flash.
template <typename Service>
http::Response campaign_step(Web& web, Context& ctx, Service service, const std::string& done) {
  auto id = platform::path_id(ctx, "설문조사를 찾을 수 없습니다.");
  if (!id) return web.error(ctx, id.error());
  auto result = service(web.service(ctx), *id);
  if (!result) return web.error(ctx, result.error());
  return web.redirect_with(ctx, campaign_href(*id), {"success", done});
}

http::Response open_action(Web& web, Context& ctx) {
  auto id = platform::path_id(ctx, "설문조사를 찾을 수 없습니다.");
  if (!id) return web.error(ctx, id.error());
  auto invited = open_campaign(web.service(ctx), *id);
  if (!invited) return web.error(ctx, invited.error());
  return web.redirect_with(
      ctx, campaign_href(*id),
      {"success", "조사를 시작했습니다. " + std::to_string(*invited) + "명에게 응답 요청을 보냈습니다."});
}

http::Response remind_action(Web& web, Context& ctx) {
  return campaign_step(web, ctx, remind_campaign, "아직 응답하지 않은 분들에게 알림을 보냅니다.");
}

http::Response close_action(Web& web, Context& ctx) {
  return campaign_step(web, ctx, close_campaign,
                       "조사를 마감했습니다. 결과를 평가보고서에서 볼 수 있습니다.");
}

http::Response questionnaires_page(Web& web, Context& ctx) {
  auto list = list_questionnaires(web.service(ctx));
  return web.respond(ctx, std::move(list), [&](const std::vector<Questionnaire>& qs) {
    View rows = View::list();
    for (const auto& q : qs)
      rows.push(View::object({{"href", questionnaire_href(q.id)},
                              {"title", q.title},
                              {"year", q.year},
                              {"version", q.version},
                              {"in_use", q.campaigns > 0}}));
    return web.render(ctx, "surveys/questionnaires", View::object({{"questionnaires", rows}}),
                      {"설문지", {{kHomeLabel, kHome}, {"설문지", ""}}, {}});
  });
}

View question_view(const Question& q, bool editable, std::int64_t questionnaire_id) {
  View options = View::list();
  for (const auto& o : q.options) options.push(View::object({{"text", o}}));
  return View::object(
      {{"position", q.position},
       {"section", q.section},
       {"kind", std::string(label_of<QuestionKind>(kQuestionKinds, q.kind))},
       {"text", q.text},
       {"options", options},
       {"domain", q.domain ? std::string(label_of<Domain>(kDomains, *q.domain)) : std::string("-")},
       {"dimension",
        q.dimension ? std::string(label_of<Dimension>(kDimensions, *q.dimension)) : std::string("-")},
       {"may_delete", editable},
       {"delete_action", editable ? questionnaire_href(questionnaire_id) + "/questions/" +
                                        std::to_string(q.position) + "/delete"
                                  : std::string()}});
}

template <typename T, std::size_t N>
View terms_view(const std::array<Term<T>, N>& terms, const std::string& selected) {
  View out = View::list();
  for (const auto& t : terms)
    out.push(View::object(
        {{"code", std::string(t.code)}, {"label", std::string(t.label)}, {"selected", t.code == selected}}));
  return out;
}

http::Response questionnaire_view(Web& web, Context& ctx, std::int64_t id, const QuestionInput& input,
                                  const std::vector<FieldError>& errors, int status) {
  auto found = get_questionnaire(web.service(ctx), id);
  return web.respond(ctx, std::move(found), [&](const Questionnaire& q) {
    const bool editable = q.campaigns == 0;
    View questions = View::list();
    for (const auto& question : q.questions) questions.push(question_view(question, editable, q.id));
    View v = View::object({{"title", q.title},
                           {"year", q.year},
                           {"version", q.version},
                           {"description", q.description},
                           {"editable", editable},
                           {"campaigns", static_cast<long long>(q.campaigns)},
                           {"questions", questions},
                           {"count", static_cast<long long>(q.questions.size())},
                           {"action_base", questionnaire_href(q.id)},
                           {"next_year", seoul_today().year + 1},
                           {"kinds", terms_view(kQuestionKinds, input.kind.empty() ? "scale" : input.kind)},
                           {"domains", terms_view(kDomains, input.domain)},
                           {"dimensions", terms_view(kDimensions, input.dimension)},
                           {"section", input.section},
                           {"text", input.text},
                           {"options", input.options},
                           {"errors", platform::errors_view(errors)}});
    for (const auto& e : errors) v.set("error_" + e.field, e.message);
    const std::string title =
        q.title + " (" + std::to_string(q.year) + "년 " + std::to_string(q.version) + "판)";
    return web.render(ctx, "surveys/questionnaire", v,
                      {title, {{kHomeLabel, kHome}, {"설문지", "/surveys/questionnaires"}, {title, ""}}, {}},
                      status);
  });
}

http::Response questionnaire_page(Web& web, Context& ctx) {
  auto id = platform::path_id(ctx, "설문지를 찾을 수 없습니다.");
  if (!id) return web.error(ctx, id.error());
  return questionnaire_view(web, ctx, *id, {}, {}, 200);
}

http::Response copy_action(Web& web, Context& ctx) {
  auto id = platform::path_id(ctx, "설문지를 찾을 수 없습니다.");
  if (!id) return web.error(ctx, id.error());
  const auto year = platform::parse_id(ctx.form.get("year"));
  auto copied = copy_questionnaire(web.service(ctx), *id, year ? static_cast<int>(*year) : 0);
  if (!copied) return web.error(ctx, copied.error());
  return web.redirect_with(ctx, questionnaire_href(*copied),
                           {"success", "설문지를 복사해 새 판을 만들었습니다."});
}

http::Response add_question_action(Web& web, Context& ctx) {
  auto id = platform::path_id(ctx, "설문지를 찾을 수 없습니다.");
  if (!id) return web.error(ctx, id.error());
  const QuestionInput input{ctx.form.get("section"), ctx.form.get("kind"),   ctx.form.get("text"),
                            ctx.form.get("options"), ctx.form.get("domain"), ctx.form.get("dimension")};
  auto added = add_question(web.service(ctx), *id, input);
  if (!added)
    return web.refuse_form(ctx, added.error(), [&](const std::vector<FieldError>& fields, int status) {
      return questionnaire_view(web, ctx, *id, input, fields, status);
    });
  return web.redirect_with(ctx, questionnaire_href(*id) + "#questions", {"success", "문항을 더했습니다."});
}

http::Response delete_question_action(Web& web, Context& ctx) {
  auto id = platform::path_id(ctx, "설문지를 찾을 수 없습니다.");
  if (!id) return web.error(ctx, id.error());
  const auto position = platform::parse_id(ctx.request.param("position"));
  if (!position) return web.error(ctx, Error::not_found("문항을 찾을 수 없습니다."));
  auto removed = remove_question(web.service(ctx), *id, static_cast<int>(*position));
  if (!removed) return web.error(ctx, removed.error());
  return web.redirect_with(ctx, questionnaire_href(*id) + "#questions", {"success", "문항을 뺐습니다."});
}

}  // namespace

std::vector<platform::RouteSpec> campaign_routes() {
  return {
      {"GET", "/surveys", kManage, home_page},
      {"GET", "/surveys/campaigns/new", kManage, new_campaign_page},
      {"POST", "/surveys/campaigns", kManage, create_campaign_action},
      {"GET", "/surveys/campaigns/{id}", kManage, campaign_page},
      {"POST", "/surveys/campaigns/{id}/open", kManage, open_action},
      {"POST", "/surveys/campaigns/{id}/remind", kManage, remind_action},
      {"POST", "/surveys/campaigns/{id}/close", kManage, close_action},
      {"GET", "/surveys/questionnaires", kManage, questionnaires_page},
      {"GET", "/surveys/questionnaires/{id}", kManage, questionnaire_page},
      {"POST", "/surveys/questionnaires/{id}/copy", kManage, copy_action},
      {"POST", "/surveys/questionnaires/{id}/questions", kManage, add_question_action},
      {"POST", "/surveys/questionnaires/{id}/questions/{position}/delete", kManage, delete_question_action},
  };
}

}  // namespace sotong::surveys
