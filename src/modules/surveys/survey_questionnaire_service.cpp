#include "modules/surveys/survey_questionnaire_service.hpp"

#include <string>

#include "modules/surveys/survey_permissions.hpp"
#include "modules/surveys/survey_store.hpp"
#include "platform/history/history.hpp"

namespace sotong::surveys {
namespace {

constexpr const char* kNotFound = "설문지를 찾을 수 없습니다.";

platform::history::Fields history_fields(const Questionnaire& q) {
  return {{"title", q.title},
          {"year", static_cast<std::int64_t>(q.year)},
          {"version", static_cast<std::int64_t>(q.version)},
          {"questions", static_cast<std::int64_t>(q.questions.size())}};
}

/// Loads the questionnaire for an edit: not found, or frozen because a campaign uses it.
Result<Questionnaire> editable(store::Connection& c, std::int64_t id) {
  auto found = survey_store::find_questionnaire(c, id);
  if (!found) return Error::not_found(kNotFound);
  if (auto ok = check_editable(*found); !ok) return ok.error();
  return std::move(*found);
}

}  // namespace

Result<std::vector<Questionnaire>> list_questionnaires(const platform::ServiceContext& svc) {
  if (auto ok = svc.policy.check(svc.actor, kManage, svc.actor.organization_path); !ok) return ok.error();
  return svc.db.read([](store::Connection& c) { return survey_store::list_questionnaires(c); });
}

Result<Questionnaire> get_questionnaire(const platform::ServiceContext& svc, std::int64_t id) {
  if (auto ok = svc.policy.check(svc.actor, kManage, svc.actor.organization_path); !ok) return ok.error();
  auto found = svc.db.read([&](store::Connection& c) { return survey_store::find_questionnaire(c, id); });
  if (!found) return Error::not_found(kNotFound);
  return std::move(*found);
}

Result<std::int64_t> copy_questionnaire(const platform::ServiceContext& svc, std::int64_t id, int year) {
  if (auto ok = svc.policy.check(svc.actor, kManage, svc.actor.organization_path); !ok) return ok.error();
  if (year < 2000 || year > 2100)
    return Error::invalid("연도를 확인해 주십시오.",
                          {{"year", "연도를 2000에서 2100 사이로 입력해 주십시오."}});
  return svc.db.write([&](store::Connection& c) -> Result<std::int64_t> {
    auto source = survey_store::find_questionnaire(c, id);
    if (!source) return Error::not_found(kNotFound);
    Questionnaire copy = *source;
    copy.year = year;
    copy.version = survey_store::latest_version(c, source->title) + 1;
    copy.copied_from = source->id;
    const auto new_id = survey_store::insert_questionnaire(c, copy, svc.actor.account_id, now());
    platform::history::record_change(
        c, svc.actor,
        {"survey_questionnaire", new_id, "copy", "", platform::history::to_json(history_fields(copy))});
    return new_id;
  });
}

Result<std::int64_t> add_question(const platform::ServiceContext& svc, std::int64_t questionnaire_id,
                                  const QuestionInput& input) {
  if (auto ok = svc.policy.check(svc.actor, kManage, svc.actor.organization_path); !ok) return ok.error();
  auto question = validate_question(input);
  if (!question) return question.error();
  return svc.db.write([&](store::Connection& c) -> Result<std::int64_t> {
    auto before = editable(c, questionnaire_id);
    if (!before) return before.error();
    const auto id = survey_store::insert_question(c, questionnaire_id, *question);
    auto after = *before;
    after.questions.push_back(*question);
    platform::history::record_change(c, svc.actor,
                                     {"survey_questionnaire", questionnaire_id, "update",
                                      platform::history::to_json(history_fields(*before)),
                                      platform::history::to_json(history_fields(after))});
    return id;
  });
}

Result<bool> remove_question(const platform::ServiceContext& svc, std::int64_t questionnaire_id,
                             int position) {
  if (auto ok = svc.policy.check(svc.actor, kManage, svc.actor.organization_path); !ok) return ok.error();
  return svc.db.write([&](store::Connection& c) -> Result<bool> {
    auto before = editable(c, questionnaire_id);
    if (!before) return before.error();
    if (position < 1 || position > static_cast<int>(before->questions.size()))
      return Error::not_found("문항을 찾을 수 없습니다.");
    survey_store::delete_question(c, questionnaire_id, position);
    auto after = *before;
    after.questions.erase(after.questions.begin() + (position - 1));
    platform::history::record_change(c, svc.actor,
                                     {"survey_questionnaire", questionnaire_id, "update",
                                      platform::history::to_json(history_fields(*before)),
                                      platform::history::to_json(history_fields(after))});
    return true;
  });
}

}  // namespace sotong::surveys
