// Use cases of questionnaires: list, read, copy into a new version, and edit while no campaign uses one.
#pragma once

#include <cstdint>
#include <vector>

#include "core/result.hpp"
#include "modules/surveys/survey.hpp"
#include "modules/surveys/survey_rules.hpp"
#include "platform/service_context.hpp"

namespace sotong::surveys {

Result<std::vector<Questionnaire>> list_questionnaires(const platform::ServiceContext& svc);
Result<Questionnaire> get_questionnaire(const platform::ServiceContext& svc, std::int64_t id);
/// A new version for `year` with the same questions: how a new year's questionnaire starts, and the only way
/// to change one in use.
Result<std::int64_t> copy_questionnaire(const platform::ServiceContext& svc, std::int64_t id, int year);
Result<std::int64_t> add_question(const platform::ServiceContext& svc, std::int64_t questionnaire_id,
                                  const QuestionInput& input);
Result<bool> remove_question(const platform::ServiceContext& svc, std::int64_t questionnaire_id,
                             int position);

}  // namespace sotong::surveys
