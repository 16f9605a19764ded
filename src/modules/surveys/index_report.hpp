// The cooperation index of one yearly campaign as the coordinator reads it: every bureau's figures per domain
// and in total, its rank, its change against last year's campaign, its improvement ratio and, beside them,
// the satisfaction the 시·군 gave its answers to suggestions (an indicator of the suggestions module, read
// through the platform). Every figure of a group under five responses is withheld here, once, for every
// surface.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "modules/surveys/survey.hpp"
#include "modules/surveys/survey_analysis.hpp"
#include "platform/service_context.hpp"

namespace sotong::surveys {

/// One group's figures as shown: nothing but the number of responses when the group is under five.
struct ShownStat {
  bool shown = false;
  std::int64_t responses = 0;
  std::int64_t n = 0;
  double mean = 0;
  double positive_ratio = 0;
  double score = 0;
  double ci_low = 0;
  double ci_high = 0;
  std::optional<double> change;  // score − last year's score, both shown
};

/// The one place a Stat becomes what a page, an export or the API may show.
ShownStat suppress(const Stat& stat);

struct BureauIndex {
  std::int64_t bureau_id = 0;
  std::string name;
  ShownStat total;
  std::vector<ShownStat> domains;           // kDomainCount
  std::optional<double> improvement_ratio;  // share of 4–5 on the change questions (shown groups only)
  int rank = 0;                             // 0: not ranked (withheld)
  std::optional<double> suggestion_satisfaction;  // mean 1–5 from the suggestions module
};

struct ReportNote {
  std::int64_t id = 0;
  std::string kind;  // "measure" (반영내용) or "proposal" (제도개선 건의사항)
  std::optional<std::int64_t> bureau_id;
  std::string bureau_name;
  std::string text;
};

struct Comment {
  std::int64_t bureau_id = 0;
  std::string bureau_name;
  std::string question;
  std::string text;
};

/// The same comment written by several respondents about one bureau and question, counted once.
struct CommentGroup {
  std::int64_t bureau_id = 0;
  std::string bureau_name;
  std::string question;
  std::string text;
  std::int64_t count = 0;
};

/// Comments merged by bureau, question and text, the most written first within a bureau and question.
std::vector<CommentGroup> group_comments(const std::vector<Comment>& comments);

struct IndexReport {
  Campaign campaign;
  std::optional<Campaign> last_year;
  std::vector<BureauIndex> bureaus;  // by rank, then the withheld ones by name
  std::vector<ShownStat> overall;    // per domain, then the total (index kDomainCount)
  std::vector<DomainAlpha> alpha;
  std::optional<double> improvement_ratio;  // over everyone
  std::vector<Comment> comments;            // of bureaus with five responses or more only
  std::vector<ReportNote> notes;
  std::int64_t responses = 0;
  std::int64_t invited = 0;
  std::int64_t completed = 0;
};

/// The report of a campaign of the index (the coordinator).
Result<IndexReport> index_report(const platform::ServiceContext& svc, std::int64_t campaign_id);
/// The latest closed yearly campaign (not a pilot): what a bureau reads as its result; not found when none.
Result<std::int64_t> latest_campaign_id(const platform::ServiceContext& svc);

/// What one bureau reads of its own result: its figures, the average of all bureaus, last year's, and which
/// domains stand out as strengths or weaknesses.
struct BureauFeedback {
  Campaign campaign;
  BureauIndex bureau;
  std::vector<ShownStat> average;       // all bureaus, per domain then total
  std::vector<std::string> strengths;   // domains above the average by 3 points or more
  std::vector<std::string> weaknesses;  // below by 3 points or more
  std::vector<Comment> comments;
  std::vector<ReportNote> measures;
  std::int64_t bureaus_ranked = 0;
};

/// The feedback page of `bureau_id`: the bureau's own officers (their bureau only) and the coordinator.
Result<BureauFeedback> bureau_feedback(const platform::ServiceContext& svc, std::int64_t campaign_id,
                                       std::int64_t bureau_id);

/// Adds a 반영내용 or 제도개선 건의사항 to the report; removes one.
Result<std::int64_t> add_report_note(const platform::ServiceContext& svc, std::int64_t campaign_id,
                                     const std::string& kind, const std::string& bureau_id,
                                     const std::string& text);
Result<bool> remove_report_note(const platform::ServiceContext& svc, std::int64_t note_id);

/// Standard competition ranks ("1, 2, 2, 4") of the scores, highest first; nullopt scores are not ranked (0).
std::vector<int> competition_ranks(const std::vector<std::optional<double>>& scores);

}  // namespace sotong::surveys
