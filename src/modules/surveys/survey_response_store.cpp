#include "modules/surveys/survey_response_store.hpp"

#include <algorithm>
#include <random>

#include "modules/surveys/survey_store.hpp"
#include "modules/surveys/survey_texts.hpp"
#include "platform/cache/data_version.hpp"
#include "platform/crypto.hpp"

namespace sotong::surveys::survey_response_store {
namespace {

/// A random positive id: neither its value nor the table's order says when a row arrived.
std::int64_t random_id() {
  return platform::random_id();
}

void insert_one(store::Connection& c, std::int64_t campaign_id, const Answers& answers,
                std::string_view day) {
  // Two random 63-bit ids collide with odds of about one in 10^7 even at a million responses; drawing again
  // then keeps the write correct without a read per row.
  std::int64_t id = 0;
  do {
    id = random_id();
  } while (c.execute("INSERT INTO survey_responses (id, campaign_id, subject_id, submitted_on, answers) "
                     "VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
                     {id, campaign_id, answers.subject_id, day, store::Blob{answers.bytes}}) != 1);
  for (const auto& [position, text] : answers.texts)
    c.execute("INSERT INTO survey_response_texts (response_id, position, text) VALUES (?, ?, ?)",
              {id, position, text});
}

void shuffle(std::vector<Answers>& rows) {
  std::mt19937_64 generator(static_cast<std::uint64_t>(platform::random_id()));
  std::shuffle(rows.begin(), rows.end(), generator);
}

}  // namespace

void add_pending(store::Connection& c, std::int64_t campaign_id, const Answers& answers,
                 std::string_view day) {
  c.execute(
      "INSERT INTO survey_pending (id, campaign_id, subject_id, submitted_on, answers, texts) "
      "VALUES (?, ?, ?, ?, ?, ?)",
      {random_id(), campaign_id, answers.subject_id, day, store::Blob{answers.bytes},
       encode_texts(answers.texts)});
}

std::int64_t count_pending(store::Connection& c, std::int64_t campaign_id) {
  return c.scalar("SELECT COUNT(*) FROM survey_pending WHERE campaign_id = ?", {campaign_id});
}

std::int64_t flush_pending(store::Connection& c, std::int64_t campaign_id, bool all) {
  const auto waiting = count_pending(c, campaign_id);
  if (waiting == 0 || (!all && waiting < kBatch)) return 0;
  std::vector<Answers> rows;
  std::vector<std::string> days;
  for (const auto& row : c.query("SELECT subject_id, answers, texts, submitted_on FROM survey_pending "
                                 "WHERE campaign_id = ?",
                                 {campaign_id})) {
    rows.push_back({row.int64(0), row.text(1), decode_texts(row.text(2))});
    days.push_back(row.text(3));
  }
  // The batch's days are the same or close; each response takes the latest, so no day tells the order either.
  const std::string day = *std::max_element(days.begin(), days.end());
  c.execute("DELETE FROM survey_pending WHERE campaign_id = ?", {campaign_id});
  shuffle(rows);
  for (const auto& r : rows) insert_one(c, campaign_id, r, day);
  platform::data_version::bump(c, survey_store::kDataVersion);
  return static_cast<std::int64_t>(rows.size());
}

void insert_responses(store::Connection& c, std::int64_t campaign_id, std::vector<Answers> responses,
                      std::string_view day) {
  shuffle(responses);
  // An import is thousands to millions of rows: a hundred per statement (a round trip each on PostgreSQL).
  // The ids are drawn first and any already taken drawn again, so the insert itself never meets a collision.
  constexpr std::size_t kChunk = 100;
  for (std::size_t start = 0; start < responses.size(); start += kChunk) {
    const std::size_t end = std::min(responses.size(), start + kChunk);
    std::vector<std::int64_t> ids;
    for (std::size_t i = start; i < end; ++i) ids.push_back(random_id());
    for (bool clash = true; clash;) {
      clash = false;
      std::string sql = "SELECT id FROM survey_responses WHERE id IN (";
      store::Params params;
      for (std::size_t i = 0; i < ids.size(); ++i) {
        sql += i == 0 ? "?" : ", ?";
        params.emplace_back(ids[i]);
      }
      for (const auto& row : c.query(sql + ")", params)) {
        std::replace(ids.begin(), ids.end(), row.int64(0), random_id());
        clash = true;
      }
    }
    std::string sql =
        "INSERT INTO survey_responses (id, campaign_id, subject_id, submitted_on, answers) VALUES ";
    store::Params params;
    for (std::size_t i = start; i < end; ++i) {
      sql += i == start ? "(?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?)";
      params.emplace_back(ids[i - start]);
      params.emplace_back(campaign_id);
      params.emplace_back(responses[i].subject_id);
      params.emplace_back(day);
      params.emplace_back(store::Blob{responses[i].bytes});
    }
    c.execute(sql, params);
    for (std::size_t i = start; i < end; ++i)
      for (const auto& [position, text] : responses[i].texts)
        c.execute("INSERT INTO survey_response_texts (response_id, position, text) VALUES (?, ?, ?)",
                  {ids[i - start], position, text});
  }
  platform::data_version::bump(c, survey_store::kDataVersion);
}

void each_response(store::Connection& c, std::int64_t campaign_id,
                   const std::function<void(std::int64_t subject, std::string_view bytes)>& each) {
  c.each("SELECT subject_id, answers FROM survey_responses WHERE campaign_id = ?", {campaign_id},
         [&](store::Row&& row) { each(row.int64(0), row.text(1)); });
}

std::int64_t count_responses(store::Connection& c, std::int64_t campaign_id) {
  return c.scalar("SELECT COUNT(*) FROM survey_responses WHERE campaign_id = ?", {campaign_id});
}

std::vector<OpenAnswer> open_answers(store::Connection& c, std::int64_t campaign_id) {
  std::vector<OpenAnswer> out;
  for (const auto& row : c.query("SELECT r.subject_id, t.position, t.text FROM survey_response_texts t "
                                 "JOIN survey_responses r ON r.id = t.response_id WHERE r.campaign_id = ? "
                                 "ORDER BY r.subject_id, t.position, t.text",
                                 {campaign_id}))
    out.push_back({row.int64(0), static_cast<int>(row.int64(1)), row.text(2)});
  return out;
}

}  // namespace sotong::surveys::survey_response_store
