// The SQL of the answers (survey_pending, survey_responses, survey_response_texts). Nothing here knows who
// answered: the functions take and give answer bytes, the rated subject and a day, and every id is random.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "modules/surveys/survey.hpp"
#include "store/database.hpp"

namespace sotong::surveys::survey_response_store {

/// Responses wait here until at least this many of a campaign can be moved together, shuffled.
inline constexpr std::int64_t kBatch = 5;

/// Adds a submitted response to the campaign's waiting responses (a random id, the day only).
void add_pending(store::Connection& c, std::int64_t campaign_id, const Answers& answers,
                 std::string_view day);
/// Moves the campaign's waiting responses into the answers in a random order with new random ids, when at
/// least kBatch wait or `all` (the campaign closes); returns how many moved.
std::int64_t flush_pending(store::Connection& c, std::int64_t campaign_id, bool all);
std::int64_t count_pending(store::Connection& c, std::int64_t campaign_id);
/// Stores responses at once (an import), in a random order with random ids.
void insert_responses(store::Connection& c, std::int64_t campaign_id, std::vector<Answers> responses,
                      std::string_view day);

/// Hands every stored response of the campaign to `each` (subject, answer bytes), one row at a time.
void each_response(store::Connection& c, std::int64_t campaign_id,
                   const std::function<void(std::int64_t subject, std::string_view bytes)>& each);
std::int64_t count_responses(store::Connection& c, std::int64_t campaign_id);

struct OpenAnswer {
  std::int64_t subject_id = 0;
  int position = 0;
  std::string text;
};
/// The open answers of the campaign, by subject and question, in a stable order that is not the order of
/// arrival (by text).
std::vector<OpenAnswer> open_answers(store::Connection& c, std::int64_t campaign_id);

}  // namespace sotong::surveys::survey_response_store
