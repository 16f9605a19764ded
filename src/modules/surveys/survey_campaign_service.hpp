// Use cases of campaigns: create (a pilot or the yearly survey), open (invite the respondents), remind those
// who have not answered (a job), read the completion per organisation, and close (move the last waiting
// answers).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "modules/surveys/survey.hpp"
#include "modules/surveys/survey_rules.hpp"
#include "platform/jobs/jobs.hpp"
#include "platform/service_context.hpp"

namespace sotong::surveys {

/// The host code of the cooperation index's campaigns; other modules' surveys carry their own code.
inline constexpr const char* kIndexHost = "index";
inline constexpr const char* kRemindJobKind = "surveys.remind";

struct CampaignOverview {
  Campaign campaign;
  std::string questionnaire_title;
  std::vector<Completion> completion;  // per 시·군 (or bureau), never per person
  std::int64_t invited = 0;
  std::int64_t completed = 0;
  std::int64_t responses = 0;  // stored responses (one per rated bureau)
  std::int64_t waiting = 0;    // submitted, to be moved with the next batch
  std::vector<std::pair<std::int64_t, std::string>> subject_names;
};

Result<std::vector<Campaign>> list_campaigns(const platform::ServiceContext& svc);
Result<CampaignOverview> get_campaign(const platform::ServiceContext& svc, std::int64_t id);
Result<std::int64_t> create_campaign(const platform::ServiceContext& svc, const CampaignInput& input);
/// Opens a draft campaign: invites every active 시·군 official (and bureau officers when the campaign
/// includes them), tells each in their inbox, and schedules reminders a week and a day before it closes.
/// Returns how many were invited.
Result<std::int64_t> open_campaign(const platform::ServiceContext& svc, std::int64_t id);
/// Queues a reminder to everyone invited who has not submitted (the job sends it).
Result<bool> remind_campaign(const platform::ServiceContext& svc, std::int64_t id);
/// Closes an open campaign; the answers still waiting are moved (shuffled) at once.
Result<bool> close_campaign(const platform::ServiceContext& svc, std::int64_t id);

std::vector<platform::jobs::Kind> campaign_job_kinds();

}  // namespace sotong::surveys
