#include "modules/surveys/survey_store.hpp"

#include <string>

#include "core/korean_text.hpp"
#include "platform/cache/data_version.hpp"
#include "platform/calendar/holiday.hpp"

namespace sotong::surveys::survey_store {
namespace {

constexpr const char* kQuestionnaireColumns =
    "SELECT q.id, q.title, q.year, q.version, q.copied_from, q.description, q.created_at, "
    "(SELECT COUNT(*) FROM survey_campaigns c WHERE c.questionnaire_id = q.id) FROM survey_questionnaires q ";

constexpr const char* kCampaignColumns =
    "SELECT id, host, title, year, pilot, questionnaire_id, opens_on, closes_on, max_subjects, "
    "include_bureaus, "
    "state, created_at, closed_at FROM survey_campaigns ";

Questionnaire questionnaire_from_row(const store::Row& row) {
  Questionnaire q;
  q.id = row.int64(0);
  q.title = row.text(1);
  q.year = static_cast<int>(row.int64(2));
  q.version = static_cast<int>(row.int64(3));
  q.copied_from = row.optional_int64(4);
  q.description = row.text(5);
  q.created_at = row.int64(6);
  q.campaigns = row.int64(7);
  return q;
}

std::vector<std::string> split_options(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    const auto end = text.find('\n', start);
    out.push_back(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

std::string join_options(const std::vector<std::string>& options) {
  std::string out;
  for (const auto& o : options) {
    if (!out.empty()) out += '\n';
    out += o;
  }
  return out;
}

Question question_from_row(const store::Row& row) {
  Question q;
  q.id = row.int64(0);
  q.position = static_cast<int>(row.int64(1));
  q.section = row.text(2);
  q.kind = from_code<QuestionKind>(kQuestionKinds, row.text(3)).value_or(QuestionKind::text);
  q.text = row.text(4);
  q.options = split_options(row.text(5));
  q.domain = from_code<Domain>(kDomains, row.text(6));
  q.dimension = from_code<Dimension>(kDimensions, row.text(7));
  return q;
}

Campaign campaign_from_row(const store::Row& row) {
  Campaign c;
  c.id = row.int64(0);
  c.host = row.text(1);
  c.title = row.text(2);
  c.year = static_cast<int>(row.int64(3));
  c.pilot = row.boolean(4);
  c.questionnaire_id = row.int64(5);
  c.opens_on = parse_date(row.text(6)).value_or(CivilDate{c.year, 9, 1});
  c.closes_on = parse_date(row.text(7)).value_or(CivilDate{c.year, 10, 31});
  c.max_subjects = static_cast<int>(row.int64(8));
  c.include_bureaus = row.boolean(9);
  c.state = from_code<CampaignState>(kCampaignStates, row.text(10)).value_or(CampaignState::draft);
  c.created_at = row.int64(11);
  c.closed_at = row.optional_int64(12);
  return c;
}

void load_subjects(store::Connection& c, Campaign& campaign) {
  for (const auto& row : c.query(
           "SELECT subject_id FROM survey_subjects WHERE campaign_id = ? ORDER BY subject_id", {campaign.id}))
    campaign.subjects.push_back(row.int64(0));
}

std::string code_or_empty(std::string_view code) {
  return std::string(code);
}

}  // namespace

std::vector<Questionnaire> list_questionnaires(store::Connection& c) {
  std::vector<Questionnaire> out;
  for (const auto& row : c.query(std::string(kQuestionnaireColumns) + "ORDER BY q.year DESC, q.id DESC"))
    out.push_back(questionnaire_from_row(row));
  return out;
}

std::optional<Questionnaire> find_questionnaire(store::Connection& c, std::int64_t id) {
  auto rows = c.query(std::string(kQuestionnaireColumns) + "WHERE q.id = ?", {id});
  if (rows.empty()) return std::nullopt;
  Questionnaire q = questionnaire_from_row(rows.front());
  for (const auto& row :
       c.query("SELECT id, position, section, kind, text, options, domain, dimension FROM survey_questions "
               "WHERE questionnaire_id = ? ORDER BY position",
               {id}))
    q.questions.push_back(question_from_row(row));
  return q;
}

std::int64_t insert_questionnaire(store::Connection& c, const Questionnaire& q,
                                  std::optional<std::int64_t> by, Timestamp at) {
  const auto id = c.query(
                       "INSERT INTO survey_questionnaires (title, year, version, copied_from, description, "
                       "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                       {q.title, q.year, q.version, q.copied_from, q.description, by, at})
                      .front()
                      .int64(0);
  for (const auto& question : q.questions) insert_question(c, id, question);
  platform::data_version::bump(c, kDataVersion);
  return id;
}

void update_questionnaire(store::Connection& c, std::int64_t id, std::string_view title,
                          std::string_view description) {
  c.execute("UPDATE survey_questionnaires SET title = ?, description = ? WHERE id = ?",
            {title, description, id});
  platform::data_version::bump(c, kDataVersion);
}

std::int64_t insert_question(store::Connection& c, std::int64_t questionnaire_id, const Question& q) {
  const auto position =
      c.scalar("SELECT COALESCE(MAX(position), 0) + 1 FROM survey_questions WHERE questionnaire_id = ?",
               {questionnaire_id});
  const std::string domain = q.domain ? code_or_empty(code_of<Domain>(kDomains, *q.domain)) : "";
  const std::string dimension =
      q.dimension ? code_or_empty(code_of<Dimension>(kDimensions, *q.dimension)) : "";
  const auto id =
      c.query(
           "INSERT INTO survey_questions (questionnaire_id, position, section, kind, text, options, "
           "domain, dimension) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
           {questionnaire_id, position, q.section, code_of<QuestionKind>(kQuestionKinds, q.kind), q.text,
            join_options(q.options), domain, dimension})
          .front()
          .int64(0);
  platform::data_version::bump(c, kDataVersion);
  return id;
}

void delete_question(store::Connection& c, std::int64_t questionnaire_id, int position) {
  c.execute("DELETE FROM survey_questions WHERE questionnaire_id = ? AND position = ?",
            {questionnaire_id, position});
  // One row at a time upwards, so that the unique (questionnaire, position) never sees two rows at once.
  for (const auto& row :
       c.query("SELECT id FROM survey_questions WHERE questionnaire_id = ? AND position > ? "
               "ORDER BY position",
               {questionnaire_id, position}))
    c.execute("UPDATE survey_questions SET position = position - 1 WHERE id = ?", {row.int64(0)});
  platform::data_version::bump(c, kDataVersion);
}

int latest_version(store::Connection& c, std::string_view title) {
  return static_cast<int>(
      c.scalar("SELECT COALESCE(MAX(version), 0) FROM survey_questionnaires WHERE title = ?", {title}));
}

std::vector<Campaign> list_campaigns(store::Connection& c, std::string_view host) {
  std::vector<Campaign> out;
  for (const auto& row :
       c.query(std::string(kCampaignColumns) + "WHERE host = ? ORDER BY year DESC, pilot, id DESC", {host}))
    out.push_back(campaign_from_row(row));
  for (auto& campaign : out) load_subjects(c, campaign);
  return out;
}

std::optional<Campaign> find_campaign(store::Connection& c, std::int64_t id) {
  auto rows = c.query(std::string(kCampaignColumns) + "WHERE id = ?", {id});
  if (rows.empty()) return std::nullopt;
  Campaign campaign = campaign_from_row(rows.front());
  load_subjects(c, campaign);
  return campaign;
}

std::optional<Campaign> find_yearly_campaign(store::Connection& c, std::string_view host, int year) {
  auto rows = c.query(std::string(kCampaignColumns) +
                          "WHERE host = ? AND year = ? AND pilot = 0 AND state <> ? "
                          "ORDER BY id DESC LIMIT 1",
                      {host, year, "draft"});
  if (rows.empty()) return std::nullopt;
  Campaign campaign = campaign_from_row(rows.front());
  load_subjects(c, campaign);
  return campaign;
}

std::int64_t insert_campaign(store::Connection& c, const Campaign& campaign, std::optional<std::int64_t> by,
                             Timestamp at) {
  const auto id =
      c.query(
           "INSERT INTO survey_campaigns (host, title, year, pilot, questionnaire_id, opens_on, closes_on, "
           "max_subjects, include_bureaus, state, created_by, created_at) "
           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
           {campaign.host, campaign.title, campaign.year, campaign.pilot, campaign.questionnaire_id,
            platform::calendar::format_date(campaign.opens_on),
            platform::calendar::format_date(campaign.closes_on), campaign.max_subjects,
            campaign.include_bureaus, code_of<CampaignState>(kCampaignStates, campaign.state), by, at})
          .front()
          .int64(0);
  for (std::size_t i = 0; i < campaign.subjects.size(); ++i)
    c.execute(
        "INSERT INTO survey_subjects (campaign_id, subject_id, label) VALUES (?, ?, ?)",
        {id, campaign.subjects[i], i < campaign.subject_labels.size() ? campaign.subject_labels[i] : ""});
  platform::data_version::bump(c, kDataVersion);
  return id;
}

void set_campaign_state(store::Connection& c, std::int64_t id, CampaignState state,
                        std::optional<Timestamp> closed_at) {
  c.execute("UPDATE survey_campaigns SET state = ?, closed_at = ? WHERE id = ?",
            {code_of<CampaignState>(kCampaignStates, state), closed_at, id});
  platform::data_version::bump(c, kDataVersion);
}

std::vector<std::int64_t> campaigns_past_window(store::Connection& c, CivilDate today) {
  std::vector<std::int64_t> out;
  for (const auto& row :
       c.query("SELECT id FROM survey_campaigns WHERE state = ? AND closes_on < ? ORDER BY id",
               {"open", platform::calendar::format_date(today)}))
    out.push_back(row.int64(0));
  return out;
}

}  // namespace sotong::surveys::survey_store
