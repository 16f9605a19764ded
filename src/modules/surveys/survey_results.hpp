// A campaign's answers loaded into columns and its figures computed, kept in memory until a response, a
// questionnaire or a campaign changes (data version "surveys"). Scale questions of every dimension but
// "change" make the index; the "change" questions (작년 대비 변화) give the improvement ratio per domain.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "modules/surveys/survey.hpp"
#include "modules/surveys/survey_analysis.hpp"
#include "store/database.hpp"

namespace sotong::surveys {

/// Which answer bytes of a response feed which columns.
struct ColumnPlan {
  std::vector<int> index_positions;   // 0-based byte positions of the index's questions
  std::vector<int> index_domains;     // their domain indexes
  std::vector<int> change_positions;  // the "change" questions
  std::vector<int> change_domains;
};
ColumnPlan plan_columns(const std::vector<Question>& questions);

struct CampaignColumns {
  AnswerColumns index;
  AnswerColumns change;
};

/// Reads every stored response of the campaign (one blob each) into columns.
CampaignColumns load_columns(store::Connection& c, std::int64_t campaign_id, const ColumnPlan& plan);

struct CampaignFigures {
  IndexFigures index;
  IndexFigures change;  // positive_ratio of a group here is its improvement ratio
};

CampaignFigures compute_figures(const CampaignColumns& columns);

/// The campaign's figures as the data stands in this transaction (kept, or loaded and computed once).
std::shared_ptr<const CampaignFigures> campaign_figures(store::Connection& c, const Campaign& campaign,
                                                        const std::vector<Question>& questions);

}  // namespace sotong::surveys
