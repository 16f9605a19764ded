// Answering: 「내 설문」 for the signed-in person (their invitations, and a fresh secret address to answer
// with), and the secret address itself (/s/{token}), which needs no sign-in so that it opens on a phone. The
// answering pages never read the session's person: nothing of who is signed in reaches an answer.
#include <algorithm>

#include "modules/surveys/survey_answer_service.hpp"
#include "modules/surveys/survey_permissions.hpp"
#include "modules/surveys/survey_rules.hpp"
#include "modules/surveys/surveys_routes.hpp"
#include "platform/calendar/holiday.hpp"
#include "platform/crypto.hpp"
#include "platform/web/params.hpp"
#include "platform/web/web.hpp"

namespace sotong::surveys {
namespace {
using platform::Context;
using platform::Web;
using render::View;

constexpr const char* kMine = "/surveys/mine";
constexpr const char* kMineLabel = "내 설문";

std::string sheet_href(std::string_view token) {
  return "/s/" + std::string(token);
}

/// A form on a page without sign-in still carries a CSRF value: the login page's cookie, made here when the
/// browser has none.
void ensure_csrf(Web& web, Context& ctx) {
  if (!ctx.csrf.empty()) return;
  ctx.csrf = platform::random_token(24);
  ctx.set_cookies.push_back(web.set_cookie(ctx, platform::kLoginCsrfCookie, ctx.csrf, 3600));
}

http::Response mine_page(Web& web, Context& ctx) {
  auto invitations = my_invitations(web.service(ctx));
  return web.respond(ctx, std::move(invitations), [&](const std::vector<Invitation>& list) {
    View rows = View::list();
    for (const auto& i : list)
      rows.push(View::object(
          {{"title", i.campaign_title},
           {"closes_on", platform::calendar::format_date(i.closes_on)},
           {"completed", i.completed},
           {"started", i.started},
           {"open", i.open && !i.completed},
           {"start_action", std::string(kMine) + "/" + std::to_string(i.campaign_id) + "/start"}}));
    return web.render(ctx, "surveys/mine",
                      View::object({{"invitations", rows}, {"has_invitations", !list.empty()}}),
                      {kMineLabel, {{kMineLabel, ""}}, {}});
  });
}

http::Response start_action(Web& web, Context& ctx) {
  auto secret = platform::path_id(ctx, "받은 설문이 아닙니다.").and_then([&](std::int64_t id) {
    return issue_secret(web.service(ctx), id);
  });
  if (!secret) return web.error(ctx, secret.error());
  return http::Response::redirect(sheet_href(*secret));
}

std::string token_of(const Context& ctx) {
  return std::string(ctx.request.param("token"));
}

std::size_t answered_count(const std::vector<Question>& questions, const Answers& draft) {
  std::size_t needed = 0;
  for (const auto& q : questions)
    if (q.kind == QuestionKind::scale || q.kind == QuestionKind::single) ++needed;
  return needed - unanswered(questions, draft.bytes).size();
}

std::size_t needed_count(const std::vector<Question>& questions) {
  return static_cast<std::size_t>(std::count_if(questions.begin(), questions.end(), [](const Question& q) {
    return q.kind == QuestionKind::scale || q.kind == QuestionKind::single;
  }));
}

http::Response sheet_view(Web& web, Context& ctx, const AnswerSheet& sheet,
                          const std::vector<FieldError>& errors, int status) {
  ensure_csrf(web, ctx);
  const std::string token = token_of(ctx);
  View choices = View::list();
  View progress = View::list();
  const auto needed = needed_count(sheet.questions);
  bool all_done = !sheet.drafts.empty();
  for (const auto& choice : sheet.choices) {
    const auto id = choice.first;
    const auto& name = choice.second;
    const auto draft = std::find_if(sheet.drafts.begin(), sheet.drafts.end(),
                                    [id](const Answers& d) { return d.subject_id == id; });
    const bool chosen = draft != sheet.drafts.end();
    choices.push(View::object(
        {{"id", id}, {"name", name}, {"selected", chosen}, {"field_id", "subject-" + std::to_string(id)}}));
    if (!chosen) continue;
    const auto answered = answered_count(sheet.questions, *draft);
    if (answered < needed) all_done = false;
    progress.push(View::object({{"name", name},
                                {"href", sheet_href(token) + "/subjects/" + std::to_string(id)},
                                {"answered", static_cast<long long>(answered)},
                                {"needed", static_cast<long long>(needed)},
                                {"done", answered == needed},
                                {"anchor", "progress-" + std::to_string(id)}}));
  }
  View v = View::object({{"campaign", sheet.campaign.title},
                         {"closes_on", platform::calendar::format_date(sheet.campaign.closes_on)},
                         {"max_subjects", sheet.campaign.max_subjects},
                         {"choices", choices},
                         {"progress", progress},
                         {"has_progress", !sheet.drafts.empty()},
                         {"all_done", all_done},
                         {"choose_action", sheet_href(token) + "/subjects"},
                         {"submit_action", sheet_href(token) + "/submit"},
                         {"errors", platform::errors_view(errors)}});
  for (const auto& e : errors) v.set("error_" + e.field, e.message);
  return web.render(ctx, "surveys/sheet", v, {sheet.campaign.title, {{"설문 응답", ""}}, {}}, status);
}

http::Response sheet_page(Web& web, Context& ctx) {
  auto sheet = open_sheet(web.db(), token_of(ctx), seoul_today());
  return web.respond(ctx, std::move(sheet),
                     [&](const AnswerSheet& s) { return sheet_view(web, ctx, s, {}, 200); });
}

http::Response choose_action(Web& web, Context& ctx) {
  const std::string token = token_of(ctx);
  auto chosen = choose_subjects(web.db(), token, ctx.form.all("subjects"), seoul_today());
  if (!chosen) {
    if (chosen.error().fields.empty()) return web.error(ctx, chosen.error());
    auto sheet = open_sheet(web.db(), token, seoul_today());
    if (!sheet) return web.error(ctx, sheet.error());
    return sheet_view(web, ctx, *sheet, chosen.error().fields, 422);
  }
  return web.redirect_with(ctx, sheet_href(token) + "#progress",
                           {"success", "평가할 실국을 저장했습니다. 실국마다 답해 주십시오."});
}

View subject_questions(const AnswerSheet& sheet, const Answers& draft, const http::Form* posted) {
  View sections = View::list();
  View current;
  std::string section;
  View questions = View::list();
  auto flush = [&] {
    if (section.empty()) return;
    sections.push(View::object({{"title", section}, {"questions", questions}}));
    questions = View::list();
  };
  for (std::size_t i = 0; i < sheet.questions.size(); ++i) {
    const auto& q = sheet.questions[i];
    if (q.section != section) {
      flush();
      section = q.section;
    }
    const std::string field = "q" + std::to_string(q.position);
    const std::uint8_t byte =
        i < draft.bytes.size() ? static_cast<std::uint8_t>(draft.bytes[i]) : kUnanswered;
    auto chosen = [&](int value) {
      if (posted) {
        const auto all = posted->all(field);
        return std::find(all.begin(), all.end(), std::to_string(value)) != all.end();
      }
      if (q.kind == QuestionKind::multiple) return value >= 1 && (byte >> (value - 1) & 1U) != 0;
      return byte != kUnanswered && byte == value;
    };
    View options = View::list();
    if (q.kind == QuestionKind::scale) {
      const char* labels[] = {"모름", "전혀 그렇지 않다", "그렇지 않다", "보통이다", "그렇다", "매우 그렇다"};
      for (int value = 1; value <= 5; ++value)
        options.push(View::object({{"value", value},
                                   {"label", std::to_string(value) + " " + labels[value]},
                                   {"checked", chosen(value)},
                                   {"id", field + "-" + std::to_string(value)}}));
      options.push(View::object({{"value", 0},
                                 {"label", labels[0]},
                                 {"checked", chosen(0)},
                                 {"id", field + "-0"},
                                 {"dont_know", true}}));
    } else {
      for (std::size_t o = 0; o < q.options.size(); ++o) {
        const int value = static_cast<int>(o + 1);
        options.push(View::object({{"value", value},
                                   {"label", q.options[o]},
                                   {"checked", chosen(value)},
                                   {"id", field + "-" + std::to_string(value)}}));
      }
    }
    std::string text;
    if (posted) {
      text = posted->get(field);
    } else {
      for (const auto& [position, t] : draft.texts)
        if (position == q.position) text = t;
    }
    questions.push(View::object({{"field", field},
                                 {"number", q.position},
                                 {"text", q.text},
                                 {"options", options},
                                 {"is_scale", q.kind == QuestionKind::scale},
                                 {"is_multiple", q.kind == QuestionKind::multiple},
                                 {"is_choice", q.kind != QuestionKind::text},
                                 {"is_text", q.kind == QuestionKind::text},
                                 {"answer_text", text},
                                 {"text_max", static_cast<long long>(kOpenAnswerMaxChars)}}));
  }
  flush();
  return sections;
}

http::Response subject_view(Web& web, Context& ctx, const AnswerSheet& sheet, std::int64_t subject,
                            const http::Form* posted, const std::vector<FieldError>& errors, int status) {
  ensure_csrf(web, ctx);
  const auto draft = std::find_if(sheet.drafts.begin(), sheet.drafts.end(),
                                  [&](const Answers& d) { return d.subject_id == subject; });
  if (draft == sheet.drafts.end())
    return web.error(ctx, Error::not_found("고른 실국이 아닙니다. 먼저 평가할 실국을 골라 주십시오."));
  std::string name;
  for (const auto& [id, n] : sheet.choices)
    if (id == subject) name = n;
  const std::string token = token_of(ctx);
  View v = View::object({{"campaign", sheet.campaign.title},
                         {"bureau", name},
                         {"sections", subject_questions(sheet, *draft, posted)},
                         {"save_action", sheet_href(token) + "/subjects/" + std::to_string(subject)},
                         {"back_href", sheet_href(token) + "#progress"},
                         {"errors", platform::errors_view(errors)}});
  for (const auto& e : errors) v.set("error_" + e.field, e.message);
  return web.render(ctx, "surveys/sheet_subject", v,
                    {name + " 평가", {{"설문 응답", sheet_href(token)}, {name, ""}}, {}}, status);
}

http::Response subject_page(Web& web, Context& ctx) {
  auto sheet = open_sheet(web.db(), token_of(ctx), seoul_today());
  if (!sheet) return web.error(ctx, sheet.error());
  const auto subject = platform::parse_id(ctx.request.param("subject"));
  if (!subject) return web.error(ctx, Error::not_found("고른 실국이 아닙니다."));
  return subject_view(web, ctx, *sheet, *subject, nullptr, {}, 200);
}

http::Response save_action(Web& web, Context& ctx) {
  const std::string token = token_of(ctx);
  const auto subject = platform::parse_id(ctx.request.param("subject"));
  if (!subject) return web.error(ctx, Error::not_found("고른 실국이 아닙니다."));
  auto saved = save_answers(web.db(), token, *subject, ctx.form, seoul_today());
  if (!saved) {
    if (saved.error().fields.empty()) return web.error(ctx, saved.error());
    auto sheet = open_sheet(web.db(), token, seoul_today());
    if (!sheet) return web.error(ctx, sheet.error());
    return subject_view(web, ctx, *sheet, *subject, &ctx.form, saved.error().fields, 422);
  }
  return web.redirect_with(ctx, sheet_href(token) + "#progress",
                           {"success", "답을 저장했습니다. 같은 주소로 언제든 이어서 할 수 있습니다."});
}

http::Response submit_action(Web& web, Context& ctx) {
  const std::string token = token_of(ctx);
  auto submitted = submit_answers(web.db(), token, now());
  if (!submitted) {
    if (submitted.error().fields.empty()) return web.error(ctx, submitted.error());
    auto sheet = open_sheet(web.db(), token, seoul_today());
    if (!sheet) return web.error(ctx, sheet.error());
    return sheet_view(web, ctx, *sheet, submitted.error().fields, 422);
  }
  return http::Response::redirect("/surveys/thanks");
}

http::Response thanks_page(Web& web, Context& ctx) {
  return web.render(ctx, "surveys/thanks", View::object({{"signed_in", ctx.signed_in()}}),
                    {"응답을 제출했습니다", {{"설문 응답", ""}}, {}});
}

}  // namespace

std::vector<platform::RouteSpec> answer_routes() {
  const std::string pub(platform::kPublic);
  return {
      {"GET", kMine, kRespond, mine_page},
      {"POST", "/surveys/mine/{id}/start", kRespond, start_action},
      {.method = "GET",
       .pattern = "/s/{token}",
       .action = pub,
       .handler = sheet_page,
       .secret_in_path = true},
      {.method = "POST",
       .pattern = "/s/{token}/subjects",
       .action = pub,
       .handler = choose_action,
       .secret_in_path = true},
      {.method = "GET",
       .pattern = "/s/{token}/subjects/{subject}",
       .action = pub,
       .handler = subject_page,
       .secret_in_path = true},
      {.method = "POST",
       .pattern = "/s/{token}/subjects/{subject}",
       .action = pub,
       .handler = save_action,
       .secret_in_path = true},
      {.method = "POST",
       .pattern = "/s/{token}/submit",
       .action = pub,
       .handler = submit_action,
       .secret_in_path = true},
      {"GET", "/surveys/thanks", pub, thanks_page},
  };
}

}  // namespace sotong::surveys
