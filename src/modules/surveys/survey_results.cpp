#include "modules/surveys/survey_results.hpp"

#include <string>

#include "modules/surveys/survey_response_store.hpp"
#include "modules/surveys/survey_store.hpp"
#include "platform/cache/versioned_cache.hpp"

namespace sotong::surveys {
namespace {

int domain_index(Domain d) {
  return static_cast<int>(d);
}

void gather(std::string_view bytes, const std::vector<int>& positions, std::vector<std::uint8_t>& out) {
  out.resize(positions.size());
  for (std::size_t i = 0; i < positions.size(); ++i) {
    const auto p = static_cast<std::size_t>(positions[i]);
    out[i] = p < bytes.size() ? static_cast<std::uint8_t>(bytes[p]) : kNotAsked;
  }
}

}  // namespace

ColumnPlan plan_columns(const std::vector<Question>& questions) {
  ColumnPlan plan;
  for (const auto& q : questions) {
    if (q.kind != QuestionKind::scale) continue;
    const bool change = q.dimension == Dimension::change;
    (change ? plan.change_positions : plan.index_positions).push_back(q.position - 1);
    // Another module's survey has no policy domains: its questions count under the first, and its figures
    // are read from the totals.
    (change ? plan.change_domains : plan.index_domains).push_back(q.domain ? domain_index(*q.domain) : 0);
  }
  return plan;
}

CampaignColumns load_columns(store::Connection& c, std::int64_t campaign_id, const ColumnPlan& plan) {
  CampaignColumns columns{AnswerColumns::for_questions(plan.index_domains, kDomainCount),
                          AnswerColumns::for_questions(plan.change_domains, kDomainCount)};
  std::vector<std::uint8_t> index_bytes;
  std::vector<std::uint8_t> change_bytes;
  survey_response_store::each_response(c, campaign_id, [&](std::int64_t subject, std::string_view bytes) {
    gather(bytes, plan.index_positions, index_bytes);
    columns.index.add(subject, index_bytes);
    if (!plan.change_positions.empty()) {
      gather(bytes, plan.change_positions, change_bytes);
      columns.change.add(subject, change_bytes);
    }
  });
  return columns;
}

CampaignFigures compute_figures(const CampaignColumns& columns) {
  return {compute_index(columns.index), compute_index(columns.change)};
}

std::shared_ptr<const CampaignFigures> campaign_figures(store::Connection& c, const Campaign& campaign,
                                                        const std::vector<Question>& questions) {
  // Kept per campaign; any write of the module (a batch of responses moved, an import) computes it again.
  static platform::VersionedCache<CampaignFigures> cache({survey_store::kDataVersion}, 64);
  return cache.get(c, std::to_string(campaign.id),
                   [&] { return compute_figures(load_columns(c, campaign.id, plan_columns(questions))); });
}

}  // namespace sotong::surveys
