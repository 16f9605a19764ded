#include "modules/surveys/survey_answer_service.hpp"

#include <algorithm>

#include "modules/surveys/survey_campaign_service.hpp"
#include "modules/surveys/survey_permissions.hpp"
#include "modules/surveys/survey_response_store.hpp"
#include "modules/surveys/survey_rules.hpp"
#include "modules/surveys/survey_store.hpp"
#include "modules/surveys/survey_token_store.hpp"
#include "platform/crypto.hpp"
#include "platform/organizations/organization_directory.hpp"
#include "platform/web/params.hpp"

namespace sotong::surveys {
namespace {

/// One message for an unknown, used, replaced or closed address, so that the answer says nothing of which.
constexpr const char* kAnswerNotFound =
    "설문 주소가 올바르지 않거나 이미 응답을 마쳤습니다. 「내 설문」에서 새 주소를 받아 주십시오.";

struct Loaded {
  survey_token_store::Token token;
  Campaign campaign;
  Questionnaire questionnaire;
};

bool in_window(const Campaign& c, CivilDate today) {
  const auto day = days_from_civil(today);
  return c.state == CampaignState::open && day >= days_from_civil(c.opens_on) &&
         day <= days_from_civil(c.closes_on);
}

Result<Loaded> load(store::Connection& c, std::string_view token, CivilDate today) {
  // A token is 43 URL-safe characters; anything else is not looked up at all.
  if (token.size() < 20 || token.size() > 64) return Error::not_found(kAnswerNotFound);
  auto found = survey_token_store::find_by_hash(c, platform::token_hash(token));
  if (!found || found->completed_on) return Error::not_found(kAnswerNotFound);
  auto campaign = survey_store::find_campaign(c, found->campaign_id);
  if (!campaign || campaign->state != CampaignState::open) return Error::not_found(kAnswerNotFound);
  if (!in_window(*campaign, today))
    return Error::conflict("응답 기간(" + std::to_string(campaign->opens_on.month) + "월 " +
                           std::to_string(campaign->opens_on.day) + "일 ~ " +
                           std::to_string(campaign->closes_on.month) + "월 " +
                           std::to_string(campaign->closes_on.day) + "일)이 아닙니다.");
  auto questionnaire = survey_store::find_questionnaire(c, campaign->questionnaire_id);
  if (!questionnaire) return Error::not_found(kAnswerNotFound);
  return Loaded{*found, std::move(*campaign), std::move(*questionnaire)};
}

std::vector<std::pair<std::int64_t, std::string>> choices_for(store::Connection& c, const Loaded& l) {
  const auto directory = platform::OrganizationDirectory::load(c);
  std::vector<std::pair<std::int64_t, std::string>> out;
  const bool bureaus = l.campaign.host == kIndexHost;
  for (std::size_t i = 0; i < l.campaign.subjects.size(); ++i) {
    const auto subject = l.campaign.subjects[i];
    if (bureaus && subject == l.token.organization_id) continue;  // nobody rates their own bureau
    const auto* org = bureaus ? directory.find(subject) : nullptr;
    const std::string& label =
        i < l.campaign.subject_labels.size() ? l.campaign.subject_labels[i] : std::string();
    out.emplace_back(subject, !label.empty() ? label : org ? org->name : std::to_string(subject));
  }
  std::stable_sort(out.begin(), out.end(), [&](const auto& a, const auto& b) {
    const auto* x = directory.find(a.first);
    const auto* y = directory.find(b.first);
    return (x ? x->sort_order : 0) < (y ? y->sort_order : 0);
  });
  return out;
}

bool is_choice(const std::vector<std::pair<std::int64_t, std::string>>& choices, std::int64_t id) {
  return std::any_of(choices.begin(), choices.end(), [&](const auto& c) { return c.first == id; });
}

}  // namespace

Result<AnswerSheet> open_sheet(store::Database& db, std::string_view token, CivilDate today) {
  return db.read([&](store::Connection& c) -> Result<AnswerSheet> {
    auto loaded = load(c, token, today);
    if (!loaded) return loaded.error();
    AnswerSheet sheet;
    sheet.choices = choices_for(c, *loaded);
    sheet.drafts = survey_token_store::drafts(c, loaded->token.id);
    sheet.token_id = loaded->token.id;
    sheet.campaign = std::move(loaded->campaign);
    sheet.questions = std::move(loaded->questionnaire.questions);
    return sheet;
  });
}

Result<bool> choose_subjects(store::Database& db, std::string_view token,
                             const std::vector<std::string>& subjects, CivilDate today) {
  return db.write([&](store::Connection& c) -> Result<bool> {
    auto loaded = load(c, token, today);
    if (!loaded) return loaded.error();
    const auto choices = choices_for(c, *loaded);
    std::vector<std::int64_t> chosen;
    for (const auto& s : subjects) {
      const auto id = platform::parse_id(s);
      if (!id || !is_choice(choices, *id))
        return Error::invalid("평가할 실국을 확인해 주십시오.",
                              {{"subjects", "평가할 실국을 목록에서 골라 주십시오."}});
      if (std::find(chosen.begin(), chosen.end(), *id) == chosen.end()) chosen.push_back(*id);
    }
    if (chosen.empty())
      return Error::invalid("평가할 실국을 확인해 주십시오.",
                            {{"subjects", "올해 함께 일한 실국을 하나 이상 골라 주십시오."}});
    if (static_cast<int>(chosen.size()) > loaded->campaign.max_subjects)
      return Error::invalid("평가할 실국을 확인해 주십시오.",
                            {{"subjects", "실국은 " + std::to_string(loaded->campaign.max_subjects) +
                                              "곳까지 고를 수 있습니다."}});
    const auto drafts = survey_token_store::drafts(c, loaded->token.id);
    for (const auto& d : drafts)
      if (std::find(chosen.begin(), chosen.end(), d.subject_id) == chosen.end())
        survey_token_store::remove_draft(c, loaded->token.id, d.subject_id);
    const std::string empty(loaded->questionnaire.questions.size(), static_cast<char>(kUnanswered));
    for (auto id : chosen) {
      const bool kept =
          std::any_of(drafts.begin(), drafts.end(), [&](const Answers& d) { return d.subject_id == id; });
      if (!kept) survey_token_store::save_draft(c, loaded->token.id, {id, empty, {}});
    }
    return true;
  });
}

Result<bool> save_answers(store::Database& db, std::string_view token, std::int64_t subject_id,
                          const http::Form& form, CivilDate today) {
  return db.write([&](store::Connection& c) -> Result<bool> {
    auto loaded = load(c, token, today);
    if (!loaded) return loaded.error();
    const auto drafts = survey_token_store::drafts(c, loaded->token.id);
    if (std::none_of(drafts.begin(), drafts.end(),
                     [&](const Answers& d) { return d.subject_id == subject_id; }))
      return Error::not_found("고른 실국이 아닙니다. 먼저 평가할 실국을 골라 주십시오.");
    auto answers = answers_from_form(loaded->questionnaire.questions, form, subject_id);
    if (!answers) return answers.error();
    survey_token_store::save_draft(c, loaded->token.id, *answers);
    return true;
  });
}

Result<std::int64_t> submit_answers(store::Database& db, std::string_view token, Timestamp at) {
  return db.write([&](store::Connection& c) -> Result<std::int64_t> {
    auto loaded = load(c, token, seoul_date(at));
    if (!loaded) return loaded.error();
    const auto drafts = survey_token_store::drafts(c, loaded->token.id);
    if (drafts.empty()) return Error::invalid("평가할 실국을 하나 이상 골라 답해 주십시오.");
    const auto directory = platform::OrganizationDirectory::load(c);
    std::vector<FieldError> missing;
    for (const auto& d : drafts) {
      const auto empty = unanswered(loaded->questionnaire.questions, d.bytes);
      if (empty.empty()) continue;
      const auto* org = directory.find(d.subject_id);
      missing.push_back({"progress-" + std::to_string(d.subject_id),
                         (org ? org->name : std::string("실국")) + ": 답하지 않은 문항이 " +
                             std::to_string(empty.size()) + "개 있습니다(잘 모르면 「모름」을 고르십시오)."});
    }
    if (!missing.empty()) return Error::invalid("모든 문항에 답한 뒤 제출해 주십시오.", std::move(missing));
    const std::string day = response_day(at);
    // The invitation is used in this transaction, so a second submission finds it used; the answers go to the
    // waiting responses, with nothing of the invitation.
    if (!survey_token_store::complete(c, loaded->token.id, day)) return Error::not_found(kAnswerNotFound);
    survey_token_store::clear_drafts(c, loaded->token.id);
    for (auto d : drafts) {
      d.bytes = finished_bytes(std::move(d.bytes));
      survey_response_store::add_pending(c, loaded->campaign.id, d, day);
    }
    survey_response_store::flush_pending(c, loaded->campaign.id, false);
    return static_cast<std::int64_t>(drafts.size());
  });
}

Result<std::string> issue_secret(const platform::ServiceContext& svc, std::int64_t campaign_id) {
  if (auto ok = svc.policy.check(svc.actor, kRespond, svc.actor.organization_path); !ok) return ok.error();
  return svc.db.write([&](store::Connection& c) -> Result<std::string> {
    auto token = survey_token_store::find_for_account(c, campaign_id, svc.actor.account_id);
    if (!token) return Error::not_found("받은 설문이 아닙니다.");
    if (token->completed_on)
      return Error::conflict("이미 응답을 제출했습니다. 응답은 한 번만 할 수 있습니다.");
    auto campaign = survey_store::find_campaign(c, campaign_id);
    if (!campaign || campaign->state != CampaignState::open)
      return Error::conflict("응답을 받는 설문조사가 아닙니다.");
    std::string secret = platform::random_token(32);
    survey_token_store::set_secret(c, token->id, platform::token_hash(secret));
    return secret;
  });
}

Result<std::vector<Invitation>> my_invitations(const platform::ServiceContext& svc) {
  if (auto ok = svc.policy.check(svc.actor, kRespond, svc.actor.organization_path); !ok) return ok.error();
  return svc.db.read(
      [&](store::Connection& c) { return survey_token_store::invitations_of(c, svc.actor.account_id); });
}

}  // namespace sotong::surveys
