#include "modules/surveys/index_report.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

#include "core/korean_text.hpp"
#include "modules/surveys/survey_campaign_service.hpp"
#include "modules/surveys/survey_permissions.hpp"
#include "modules/surveys/survey_report_store.hpp"
#include "modules/surveys/survey_response_store.hpp"
#include "modules/surveys/survey_results.hpp"
#include "modules/surveys/survey_rules.hpp"
#include "modules/surveys/survey_store.hpp"
#include "modules/surveys/survey_token_store.hpp"
#include "platform/history/history.hpp"
#include "platform/indicators/indicators.hpp"
#include "platform/organizations/organization_directory.hpp"
#include "platform/web/params.hpp"

namespace sotong::surveys {
namespace {

constexpr const char* kNotFound = "협력지수 결과를 찾을 수 없습니다.";
constexpr const char* kSatisfactionIndicator = "suggestions.satisfaction";
/// A domain this many points above (below) the average of all bureaus is a strength (weakness).
constexpr double kStandOut = 3.0;

/// The figures of every subject of a campaign, by subject id.
struct Loaded {
  Campaign campaign;
  Questionnaire questionnaire;
  std::shared_ptr<const CampaignFigures> figures;
  std::optional<Campaign> last_year;
  std::shared_ptr<const CampaignFigures> last_figures;
};

const std::vector<Stat>* stats_of(const IndexFigures& f, std::int64_t subject) {
  for (std::size_t s = 0; s < f.subjects.size(); ++s)
    if (f.subjects[s] == subject) return &f.by_subject[s];
  return nullptr;
}

Stat stat_at(const std::vector<Stat>* stats, int i) {
  if (!stats || i >= static_cast<int>(stats->size())) return {};
  return (*stats)[static_cast<std::size_t>(i)];
}

Result<Loaded> load(store::Connection& c, std::int64_t campaign_id) {
  auto campaign = survey_store::find_campaign(c, campaign_id);
  if (!campaign || campaign->host != kIndexHost || campaign->state == CampaignState::draft)
    return Error::not_found(kNotFound);
  auto questionnaire = survey_store::find_questionnaire(c, campaign->questionnaire_id);
  if (!questionnaire) return Error::not_found(kNotFound);
  Loaded l{std::move(*campaign), std::move(*questionnaire), nullptr, std::nullopt, nullptr};
  l.figures = campaign_figures(c, l.campaign, l.questionnaire.questions);
  // A pilot is never compared, and never compared with.
  if (!l.campaign.pilot) {
    l.last_year = survey_store::find_yearly_campaign(c, kIndexHost, l.campaign.year - 1);
    if (l.last_year) {
      if (auto q = survey_store::find_questionnaire(c, l.last_year->questionnaire_id))
        l.last_figures = campaign_figures(c, *l.last_year, q->questions);
    }
  }
  return l;
}

BureauIndex bureau_index(const Loaded& l, std::int64_t bureau, const std::string& name) {
  BureauIndex b;
  b.bureau_id = bureau;
  b.name = name;
  const auto* now_stats = stats_of(l.figures->index, bureau);
  const auto* last_stats = l.last_figures ? stats_of(l.last_figures->index, bureau) : nullptr;
  for (int d = 0; d <= kDomainCount; ++d) {
    ShownStat shown = suppress(stat_at(now_stats, d));
    const ShownStat before = suppress(stat_at(last_stats, d));
    if (shown.shown && before.shown) shown.change = shown.score - before.score;
    if (d == kDomainCount) {
      b.total = shown;
    } else {
      b.domains.push_back(shown);
    }
  }
  const auto improvement = suppress(stat_at(stats_of(l.figures->change, bureau), kDomainCount));
  if (improvement.shown && b.total.shown) b.improvement_ratio = improvement.positive_ratio;
  return b;
}

std::vector<ShownStat> overall_of(const Loaded& l) {
  std::vector<ShownStat> out;
  for (int d = 0; d <= kDomainCount; ++d) {
    ShownStat shown = suppress(l.figures->index.overall.size() > static_cast<std::size_t>(d)
                                   ? l.figures->index.overall[static_cast<std::size_t>(d)]
                                   : Stat{});
    if (l.last_figures && l.last_figures->index.overall.size() > static_cast<std::size_t>(d)) {
      const auto before = suppress(l.last_figures->index.overall[static_cast<std::size_t>(d)]);
      if (shown.shown && before.shown) shown.change = shown.score - before.score;
    }
    out.push_back(shown);
  }
  return out;
}

std::vector<BureauIndex> ranked_bureaus(const Loaded& l, const platform::OrganizationDirectory& directory) {
  std::vector<BureauIndex> out;
  for (auto subject : l.campaign.subjects) {
    const auto* org = directory.find(subject);
    out.push_back(bureau_index(l, subject, org ? org->name : std::to_string(subject)));
  }
  std::vector<std::optional<double>> scores;
  // Ranked on the score as shown (one decimal), so two bureaus showing the same score share their rank.
  for (const auto& b : out)
    scores.push_back(b.total.shown ? std::optional<double>(std::round(b.total.score * 10.0) / 10.0)
                                   : std::nullopt);
  const auto ranks = competition_ranks(scores);
  for (std::size_t i = 0; i < out.size(); ++i) out[i].rank = ranks[i];
  std::stable_sort(out.begin(), out.end(), [](const BureauIndex& a, const BureauIndex& b) {
    if ((a.rank == 0) != (b.rank == 0)) return a.rank != 0;
    if (a.rank != b.rank) return a.rank < b.rank;
    return a.name < b.name;
  });
  return out;
}

/// Open answers of bureaus with five responses or more; none of a smaller group, whatever was written.
std::vector<Comment> comments_of(store::Connection& c, const Loaded& l,
                                 const std::vector<BureauIndex>& bureaus, std::optional<std::int64_t> only) {
  std::map<std::int64_t, const BureauIndex*> shown;
  for (const auto& b : bureaus)
    if (b.total.shown) shown[b.bureau_id] = &b;
  std::vector<Comment> out;
  for (auto& a : survey_response_store::open_answers(c, l.campaign.id)) {
    if (only && a.subject_id != *only) continue;
    auto it = shown.find(a.subject_id);
    if (it == shown.end()) continue;
    std::string question;
    if (a.position >= 1 && a.position <= static_cast<int>(l.questionnaire.questions.size()))
      question = l.questionnaire.questions[static_cast<std::size_t>(a.position - 1)].text;
    out.push_back({a.subject_id, it->second->name, std::move(question), std::move(a.text)});
  }
  return out;
}

std::vector<ReportNote> notes_of(store::Connection& c, std::int64_t campaign_id,
                                 const platform::OrganizationDirectory& directory) {
  std::vector<ReportNote> out;
  for (const auto& n : survey_report_store::notes(c, campaign_id)) {
    ReportNote r{n.id, n.kind, n.subject_id, "", n.text};
    if (n.subject_id)
      if (const auto* org = directory.find(*n.subject_id)) r.bureau_name = org->name;
    out.push_back(std::move(r));
  }
  return out;
}

void add_satisfaction(const platform::ServiceContext& svc, int year, std::vector<BureauIndex>& bureaus) {
  // Another module's figure, read through the platform: when that module is absent, the actor may not read
  // it, or its tables cannot answer (a database holding this module alone), the column reads "-" and the
  // index stands on its own.
  Result<platform::indicators::Figures> figures = Error::not_found();
  try {
    figures = platform::indicators::compute(svc, kSatisfactionIndicator, year);
  } catch (const store::DatabaseError&) {
    return;
  }
  if (!figures) return;
  for (auto& b : bureaus)
    for (const auto& v : figures->values)
      if (v.organization_id == b.bureau_id) b.suggestion_satisfaction = v.value;
}

}  // namespace

ShownStat suppress(const Stat& stat) {
  ShownStat out;
  if (!stat.shown()) return out;  // not even how many answered: a small number is itself a clue
  out.shown = true;
  out.responses = stat.responses;
  out.n = stat.n;
  out.mean = stat.mean;
  out.positive_ratio = stat.positive_ratio;
  out.score = stat.score;
  out.ci_low = stat.ci_low;
  out.ci_high = stat.ci_high;
  return out;
}

std::vector<CommentGroup> group_comments(const std::vector<Comment>& comments) {
  std::map<std::tuple<std::string, std::string, std::string>, CommentGroup> merged;
  for (const auto& c : comments) {
    auto& g = merged[{c.bureau_name, c.question, c.text}];
    if (g.count == 0) g = {c.bureau_id, c.bureau_name, c.question, c.text, 0};
    ++g.count;
  }
  std::vector<CommentGroup> out;
  for (auto& entry : merged) out.push_back(std::move(entry.second));
  std::stable_sort(out.begin(), out.end(), [](const CommentGroup& a, const CommentGroup& b) {
    if (a.bureau_name != b.bureau_name) return a.bureau_name < b.bureau_name;
    if (a.question != b.question) return a.question < b.question;
    return a.count > b.count;
  });
  return out;
}

std::vector<int> competition_ranks(const std::vector<std::optional<double>>& scores) {
  std::vector<int> ranks(scores.size(), 0);
  for (std::size_t i = 0; i < scores.size(); ++i) {
    if (!scores[i]) continue;
    int higher = 0;
    for (const auto& other : scores)
      if (other && *other > *scores[i]) ++higher;
    ranks[i] = higher + 1;
  }
  return ranks;
}

Result<IndexReport> index_report(const platform::ServiceContext& svc, std::int64_t campaign_id) {
  if (auto ok = svc.policy.check(svc.actor, kResults, svc.actor.organization_path); !ok) return ok.error();
  auto report = svc.db.read([&](store::Connection& c) -> Result<IndexReport> {
    auto loaded = load(c, campaign_id);
    if (!loaded) return loaded.error();
    const auto directory = platform::OrganizationDirectory::load(c);
    IndexReport r;
    r.bureaus = ranked_bureaus(*loaded, directory);
    r.overall = overall_of(*loaded);
    r.alpha = loaded->figures->index.alpha;
    if (!loaded->figures->change.overall.empty()) {
      const auto improvement = suppress(loaded->figures->change.overall.back());
      if (improvement.shown) r.improvement_ratio = improvement.positive_ratio;
    }
    r.comments = comments_of(c, *loaded, r.bureaus, std::nullopt);
    r.notes = notes_of(c, campaign_id, directory);
    r.responses = survey_response_store::count_responses(c, campaign_id);
    for (const auto& row : survey_token_store::completion(c, campaign_id)) {
      r.invited += row.invited;
      r.completed += row.completed;
    }
    r.campaign = std::move(loaded->campaign);
    r.last_year = std::move(loaded->last_year);
    return r;
  });
  if (report) add_satisfaction(svc, report->campaign.year, report->bureaus);
  return report;
}

Result<std::int64_t> latest_campaign_id(const platform::ServiceContext& svc) {
  return svc.db.read([&](store::Connection& c) -> Result<std::int64_t> {
    for (const auto& campaign : survey_store::list_campaigns(c, kIndexHost))
      if (!campaign.pilot && campaign.state == CampaignState::closed) return campaign.id;
    return Error::not_found("아직 결과가 있는 협력지수 조사가 없습니다.");
  });
}

Result<BureauFeedback> bureau_feedback(const platform::ServiceContext& svc, std::int64_t campaign_id,
                                       std::int64_t bureau_id) {
  const bool coordinator = svc.policy.allows(svc.actor, kResults);
  auto feedback = svc.db.read([&](store::Connection& c) -> Result<BureauFeedback> {
    const auto directory = platform::OrganizationDirectory::load(c);
    const auto* bureau = directory.find(bureau_id);
    if (!bureau || bureau->kind != platform::OrganizationKind::bureau) return Error::not_found(kNotFound);
    // The coordinator reads every bureau's; a bureau's officers their own only, and another's is not found.
    if (!coordinator && !svc.policy.check(svc.actor, kFeedback, bureau->path).ok())
      return Error::not_found(kNotFound);
    auto loaded = load(c, campaign_id);
    if (!loaded) return loaded.error();
    // A bureau reads its result once the campaign is closed: partial figures mid-survey would mislead, and
    // watching them move would tell who answered lately.
    if (!coordinator && loaded->campaign.state != CampaignState::closed) return Error::not_found(kNotFound);
    if (std::find(loaded->campaign.subjects.begin(), loaded->campaign.subjects.end(), bureau_id) ==
        loaded->campaign.subjects.end())
      return Error::not_found(kNotFound);
    BureauFeedback f;
    const auto all = ranked_bureaus(*loaded, directory);
    for (const auto& b : all) {
      if (b.bureau_id == bureau_id) f.bureau = b;
      if (b.rank > 0) ++f.bureaus_ranked;
    }
    f.average = overall_of(*loaded);
    for (int d = 0; d < kDomainCount; ++d) {
      const auto& mine = f.bureau.domains[static_cast<std::size_t>(d)];
      const auto& average = f.average[static_cast<std::size_t>(d)];
      if (!mine.shown || !average.shown) continue;
      const std::string label(kDomains[static_cast<std::size_t>(d)].label);
      if (mine.score - average.score >= kStandOut) f.strengths.push_back(label);
      if (average.score - mine.score >= kStandOut) f.weaknesses.push_back(label);
    }
    f.comments = comments_of(c, *loaded, all, bureau_id);
    for (auto& n : notes_of(c, campaign_id, directory))
      if (n.kind == "measure" && n.bureau_id == bureau_id) f.measures.push_back(std::move(n));
    f.campaign = std::move(loaded->campaign);
    return f;
  });
  if (feedback) {
    std::vector<BureauIndex> one{feedback->bureau};
    add_satisfaction(svc, feedback->campaign.year, one);
    feedback->bureau = one.front();
  }
  return feedback;
}

Result<std::int64_t> add_report_note(const platform::ServiceContext& svc, std::int64_t campaign_id,
                                     const std::string& kind, const std::string& bureau_id,
                                     const std::string& text) {
  if (auto ok = svc.policy.check(svc.actor, kManage, svc.actor.organization_path); !ok) return ok.error();
  std::vector<FieldError> errors;
  if (kind != "measure" && kind != "proposal")
    errors.push_back({"kind", "반영내용 또는 제도개선 건의사항을 골라 주십시오."});
  std::string cleaned;
  if (!clean_text(text, cleaned) || cleaned.empty()) {
    errors.push_back({"text", "내용을 입력해 주십시오."});
  } else if (char_count(cleaned) > kNoteMaxChars) {
    errors.push_back({"text", "내용은 " + std::to_string(kNoteMaxChars) + "자 이하로 입력해 주십시오."});
  }
  std::optional<std::int64_t> bureau;
  if (!bureau_id.empty()) {
    bureau = platform::parse_id(bureau_id);
    if (!bureau) errors.push_back({"bureau_id", "실국을 목록에서 골라 주십시오."});
  }
  if (!errors.empty()) return Error::invalid("입력 내용을 확인해 주십시오.", std::move(errors));
  return svc.db.write([&](store::Connection& c) -> Result<std::int64_t> {
    auto campaign = survey_store::find_campaign(c, campaign_id);
    if (!campaign || campaign->host != kIndexHost) return Error::not_found(kNotFound);
    if (bureau &&
        std::find(campaign->subjects.begin(), campaign->subjects.end(), *bureau) == campaign->subjects.end())
      return Error::invalid("입력 내용을 확인해 주십시오.",
                            {{"bureau_id", "평가 대상 실국을 골라 주십시오."}});
    const auto id =
        survey_report_store::insert(c, {0, campaign_id, kind, bureau, cleaned}, svc.actor.account_id, now());
    platform::history::record_change(
        c, svc.actor,
        {"survey_report_note", id, "create", "",
         platform::history::to_json({{"campaign_id", campaign_id}, {"kind", kind}, {"text", cleaned}})});
    return id;
  });
}

Result<bool> remove_report_note(const platform::ServiceContext& svc, std::int64_t note_id) {
  if (auto ok = svc.policy.check(svc.actor, kManage, svc.actor.organization_path); !ok) return ok.error();
  return svc.db.write([&](store::Connection& c) -> Result<bool> {
    auto note = survey_report_store::find(c, note_id);
    if (!note) return Error::not_found("항목을 찾을 수 없습니다.");
    survey_report_store::remove(c, note_id);
    platform::history::record_change(
        c, svc.actor,
        {"survey_report_note", note_id, "delete",
         platform::history::to_json(
             {{"campaign_id", note->campaign_id}, {"kind", note->kind}, {"text", note->text}}),
         ""});
    return true;
  });
}

}  // namespace sotong::surveys
