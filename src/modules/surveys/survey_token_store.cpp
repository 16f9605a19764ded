#include "modules/surveys/survey_token_store.hpp"

#include <string>

#include "modules/surveys/survey_texts.hpp"

namespace sotong::surveys::survey_token_store {
namespace {

constexpr const char* kColumns =
    "SELECT id, campaign_id, account_id, organization_id, token_hash, completed_on FROM survey_tokens ";

Token from_row(const store::Row& row) {
  return {row.int64(0), row.int64(1), row.int64(2), row.int64(3), !row.is_null(4), row.optional_text(5)};
}

std::optional<Token> first(store::Rows rows) {
  if (rows.empty()) return std::nullopt;
  return from_row(rows.front());
}

}  // namespace

bool invite(store::Connection& c, std::int64_t campaign_id, std::int64_t account_id,
            std::int64_t organization_id, Timestamp at) {
  if (find_for_account(c, campaign_id, account_id)) return false;
  c.execute(
      "INSERT INTO survey_tokens (campaign_id, account_id, organization_id, invited_at) VALUES (?, ?, ?, ?)",
      {campaign_id, account_id, organization_id, at});
  return true;
}

std::optional<Token> find_by_hash(store::Connection& c, std::string_view token_hash) {
  return first(c.query(std::string(kColumns) + "WHERE token_hash = ?", {token_hash}));
}

std::optional<Token> find_for_account(store::Connection& c, std::int64_t campaign_id,
                                      std::int64_t account_id) {
  return first(
      c.query(std::string(kColumns) + "WHERE campaign_id = ? AND account_id = ?", {campaign_id, account_id}));
}

void set_secret(store::Connection& c, std::int64_t token_id, std::string_view token_hash) {
  c.execute("UPDATE survey_tokens SET token_hash = ? WHERE id = ? AND completed_on IS NULL",
            {token_hash, token_id});
}

bool complete(store::Connection& c, std::int64_t token_id, std::string_view day) {
  return c.execute(
             "UPDATE survey_tokens SET completed_on = ?, token_hash = NULL WHERE id = ? AND completed_on IS "
             "NULL",
             {day, token_id}) == 1;
}

std::vector<std::int64_t> remind_pending(store::Connection& c, std::int64_t campaign_id, Timestamp at) {
  std::vector<std::int64_t> out;
  for (const auto& row :
       c.query("SELECT account_id FROM survey_tokens WHERE campaign_id = ? AND completed_on IS NULL "
               "ORDER BY account_id",
               {campaign_id}))
    out.push_back(row.int64(0));
  c.execute("UPDATE survey_tokens SET reminded_at = ? WHERE campaign_id = ? AND completed_on IS NULL",
            {at, campaign_id});
  return out;
}

std::vector<Completion> completion(store::Connection& c, std::int64_t campaign_id) {
  std::vector<Completion> out;
  for (const auto& row : c.query("SELECT organization_id, COUNT(*), COUNT(completed_on) FROM survey_tokens "
                                 "WHERE campaign_id = ? GROUP BY organization_id ORDER BY organization_id",
                                 {campaign_id}))
    out.push_back({row.int64(0), "", row.int64(1), row.int64(2)});
  return out;
}

std::vector<Invitation> invitations_of(store::Connection& c, std::int64_t account_id) {
  std::vector<Invitation> out;
  for (const auto& row : c.query("SELECT t.id, t.campaign_id, s.title, s.closes_on, t.completed_on, "
                                 "(SELECT COUNT(*) FROM survey_drafts d WHERE d.token_id = t.id), s.state "
                                 "FROM survey_tokens t JOIN survey_campaigns s ON s.id = t.campaign_id "
                                 "WHERE t.account_id = ? ORDER BY s.year DESC, s.id DESC",
                                 {account_id})) {
    Invitation i;
    i.token_id = row.int64(0);
    i.campaign_id = row.int64(1);
    i.campaign_title = row.text(2);
    i.closes_on = parse_date(row.text(3)).value_or(CivilDate{1970, 1, 1});
    i.completed = !row.is_null(4);
    i.started = row.int64(5) > 0;
    i.open = row.text(6) == "open";
    out.push_back(std::move(i));
  }
  return out;
}

std::int64_t count_waiting(store::Connection& c, std::int64_t account_id) {
  return c.scalar(
      "SELECT COUNT(*) FROM survey_tokens t JOIN survey_campaigns s ON s.id = t.campaign_id "
      "WHERE t.account_id = ? AND t.completed_on IS NULL AND s.state = ?",
      {account_id, "open"});
}

std::vector<Answers> drafts(store::Connection& c, std::int64_t token_id) {
  std::vector<Answers> out;
  for (const auto& row :
       c.query("SELECT subject_id, answers, texts FROM survey_drafts WHERE token_id = ? ORDER BY subject_id",
               {token_id}))
    out.push_back({row.int64(0), row.text(1), decode_texts(row.text(2))});
  return out;
}

void save_draft(store::Connection& c, std::int64_t token_id, const Answers& answers) {
  const store::Blob bytes{answers.bytes};
  const std::string texts = encode_texts(answers.texts);
  if (c.execute("UPDATE survey_drafts SET answers = ?, texts = ? WHERE token_id = ? AND subject_id = ?",
                {bytes, texts, token_id, answers.subject_id}) == 0)
    c.execute("INSERT INTO survey_drafts (token_id, subject_id, answers, texts) VALUES (?, ?, ?, ?)",
              {token_id, answers.subject_id, bytes, texts});
}

void remove_draft(store::Connection& c, std::int64_t token_id, std::int64_t subject_id) {
  c.execute("DELETE FROM survey_drafts WHERE token_id = ? AND subject_id = ?", {token_id, subject_id});
}

void clear_drafts(store::Connection& c, std::int64_t token_id) {
  c.execute("DELETE FROM survey_drafts WHERE token_id = ?", {token_id});
}

}  // namespace sotong::surveys::survey_token_store
