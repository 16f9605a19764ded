// The SQL of questionnaires and campaigns (survey_questionnaires, survey_questions, survey_campaigns,
// survey_subjects). Callers pass the connection of their transaction; every write bumps the module's data
// version, so what is kept in memory (the index's figures) is computed again.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "modules/surveys/survey.hpp"
#include "store/database.hpp"

namespace sotong::surveys::survey_store {

/// Bumped by every write of a questionnaire, a campaign, a response or a report note.
inline constexpr const char* kDataVersion = "surveys";

std::vector<Questionnaire> list_questionnaires(store::Connection& c);
/// The questionnaire with its questions in order and the number of campaigns using it.
std::optional<Questionnaire> find_questionnaire(store::Connection& c, std::int64_t id);
std::int64_t insert_questionnaire(store::Connection& c, const Questionnaire& q,
                                  std::optional<std::int64_t> by, Timestamp at);
void update_questionnaire(store::Connection& c, std::int64_t id, std::string_view title,
                          std::string_view description);
/// Appends a question at the end; returns its id.
std::int64_t insert_question(store::Connection& c, std::int64_t questionnaire_id, const Question& q);
/// Removes a question and closes the gap in positions.
void delete_question(store::Connection& c, std::int64_t questionnaire_id, int position);
/// The highest version of questionnaires titled `title` (0 when none).
int latest_version(store::Connection& c, std::string_view title);

std::vector<Campaign> list_campaigns(store::Connection& c, std::string_view host);
std::optional<Campaign> find_campaign(store::Connection& c, std::int64_t id);
/// The counted (non-pilot) campaign of `host` for `year`, the latest when there are several.
std::optional<Campaign> find_yearly_campaign(store::Connection& c, std::string_view host, int year);
std::int64_t insert_campaign(store::Connection& c, const Campaign& campaign, std::optional<std::int64_t> by,
                             Timestamp at);
void set_campaign_state(store::Connection& c, std::int64_t id, CampaignState state,
                        std::optional<Timestamp> closed_at);
/// Open campaigns whose window ended before `today` (closed by the daily job).
std::vector<std::int64_t> campaigns_past_window(store::Connection& c, CivilDate today);

}  // namespace sotong::surveys::survey_store
